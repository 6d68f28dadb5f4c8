package io.openhire.jobingestion.jobs.web;

import io.openhire.jobingestion.JobIngestionProperties;
import io.openhire.jobingestion.client.CrawlView;
import io.openhire.jobingestion.client.JobPage;
import io.openhire.jobingestion.client.JobView;
import io.openhire.jobingestion.connectors.Posting;
import io.openhire.jobingestion.crawl.Crawl;
import io.openhire.jobingestion.crawl.CrawlService;
import io.openhire.jobingestion.crawl.Crawls;
import io.openhire.jobingestion.jobs.Job;
import io.openhire.jobingestion.jobs.JobNormaliser;
import io.openhire.jobingestion.jobs.JobStore;
import io.openhire.jobingestion.jobs.Jobs;
import io.openhire.jobingestion.upload.PostingInput;
import io.openhire.platform.security.AuthenticatedUser;
import io.openhire.platform.web.DateOrInstant;
import io.openhire.platform.web.ProblemException;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Jobs in — {@code POST /api/v1/jobs/ingest} (a source's crawl, or postings pushed in the body) and
 * {@code POST /api/v1/jobs/upload} (a CSV or JSON file) — and out: the list with filters, one job with
 * its near duplicates and provenance, a crawl's progress.
 */
@RestController
@RequestMapping("/api/v1/jobs")
class JobController {

    private final JobStore store;
    private final JobNormaliser normaliser;
    private final Jobs jobs;
    private final CrawlService crawlService;
    private final Crawls crawls;
    private final JobIngestionProperties properties;
    private final JsonMapper json;
    private final Clock clock;

    JobController(
            JobStore store,
            JobNormaliser normaliser,
            Jobs jobs,
            CrawlService crawlService,
            Crawls crawls,
            JobIngestionProperties properties,
            JsonMapper json,
            Clock clock) {
        this.store = store;
        this.normaliser = normaliser;
        this.jobs = jobs;
        this.crawlService = crawlService;
        this.crawls = crawls;
        this.properties = properties;
        this.json = json;
        this.clock = clock;
    }

    /**
     * {@code {sourceId}} (job-ingestion-client's {@code CrawlRequest}) or {@code {postings: [...]}}, not both.
     * Postings stay JSON here: they come in their sources' shapes (OpenHire's, schema.org JobPosting), and
     * {@link PostingInput} reads each shape.
     */
    record IngestRequest(UUID sourceId, JsonNode postings) {}

    record PostingResult(int index, UUID jobId, String externalId, JobStore.Result result, UUID duplicateOf) {}

    record IngestResult(int created, int updated, int unchanged, int duplicates, List<PostingResult> postings) {}

    @PostMapping(path = "/ingest", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAnyRole('ADMIN', 'RECRUITER', 'SERVICE')")
    ResponseEntity<?> ingest(AuthenticatedUser caller, @RequestBody IngestRequest request) {
        if ((request.sourceId() == null)
                == (request.postings() == null || request.postings().isNull())) {
            throw ProblemException.badRequest(
                    "ingest-request", "Send either {\"sourceId\": …} to crawl a source or {\"postings\": […]}.");
        }
        if (request.sourceId() != null) {
            CrawlService.Requested requested = crawlService.request(
                    caller.organizationId(), request.sourceId(), caller.subject(), Crawl.Trigger.MANUAL);
            return ResponseEntity.status(HttpStatus.ACCEPTED)
                    .location(URI.create(
                            "/api/v1/jobs/crawls/" + requested.crawl().id()))
                    .body(CrawlViews.of(requested.crawl(), requested.alreadyActive()));
        }
        List<Posting> postings;
        try {
            postings = PostingInput.fromJson(request.postings());
        } catch (PostingInput.BadInput e) {
            throw ProblemException.badRequest("invalid-postings", e.getMessage());
        }
        return ResponseEntity.ok(store(caller, postings, JobStore.Origin.push()));
    }

    @PostMapping(path = "/upload", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasAnyRole('ADMIN', 'RECRUITER')")
    IngestResult upload(AuthenticatedUser caller, @RequestPart("file") MultipartFile file) {
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(file.getBytes()))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new ProblemException(
                    HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                    "unsupported-postings-file",
                    "Unsupported file",
                    "Postings are uploaded as UTF-8 CSV or JSON.");
        } catch (IOException e) {
            throw ProblemException.badRequest("unreadable-upload", "The uploaded file could not be read completely.");
        }
        if (text.isBlank()) {
            throw ProblemException.badRequest("empty-file", "The uploaded file is empty.");
        }
        List<Posting> postings;
        try {
            String start = text.stripLeading();
            if (start.startsWith("{") || start.startsWith("[")) {
                JsonNode root;
                try {
                    root = json.readTree(text);
                } catch (JacksonException e) {
                    throw new PostingInput.BadInput("The JSON is malformed at line "
                            + (e.getLocation() == null ? "?" : e.getLocation().getLineNr()));
                }
                postings = PostingInput.fromJson(root.isArray() ? root : root.get("postings"));
            } else {
                postings = PostingInput.fromCsv(text);
            }
        } catch (PostingInput.BadInput e) {
            throw ProblemException.badRequest("invalid-postings", e.getMessage());
        }
        return store(caller, postings, JobStore.Origin.upload());
    }

    /** All postings are checked before any is stored: a batch with one bad posting changes nothing. */
    private IngestResult store(AuthenticatedUser caller, List<Posting> postings, JobStore.Origin origin) {
        if (postings.isEmpty()) {
            throw ProblemException.badRequest("invalid-postings", "There are no postings.");
        }
        if (postings.size() > properties.maxPostingsPerRequest()) {
            throw new ProblemException(
                    HttpStatus.CONTENT_TOO_LARGE,
                    "too-many-postings",
                    "Too many postings",
                    "At most " + properties.maxPostingsPerRequest() + " postings per request; split the batch.");
        }
        List<Map<String, Object>> errors = new ArrayList<>();
        List<JobNormaliser.Normalised> normalised = new ArrayList<>();
        for (int i = 0; i < postings.size(); i++) {
            try {
                normalised.add(normaliser.normalise(postings.get(i)));
            } catch (JobNormaliser.InvalidPosting e) {
                errors.add(Map.of("index", i, "message", e.getMessage()));
            }
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(
                            HttpStatus.UNPROCESSABLE_CONTENT,
                            "invalid-postings",
                            "Invalid postings",
                            errors.size() + " of " + postings.size() + " postings cannot be jobs; none was stored.")
                    .with("errors", errors.size() > 50 ? errors.subList(0, 50) : errors);
        }
        List<PostingResult> results = new ArrayList<>();
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        int duplicates = 0;
        for (int i = 0; i < postings.size(); i++) {
            JobStore.Outcome outcome = store.ingest(caller.organizationId(), origin, normalised.get(i));
            results.add(new PostingResult(
                    i, outcome.jobId(), outcome.externalId(), outcome.result(), outcome.duplicateOf()));
            switch (outcome.result()) {
                case CREATED -> created++;
                case UPDATED -> updated++;
                case UNCHANGED -> unchanged++;
            }
            if (outcome.duplicateOf() != null && outcome.result() == JobStore.Result.CREATED) {
                duplicates++;
            }
        }
        return new IngestResult(created, updated, unchanged, duplicates, results);
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('ADMIN', 'RECRUITER', 'CLIENT', 'SERVICE')")
    JobPage list(
            AuthenticatedUser caller,
            @RequestParam(required = false) String text,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String location,
            @RequestParam(required = false) Boolean remote,
            @RequestParam(required = false) String source,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(defaultValue = "false") boolean includeDuplicates,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        if (page < 0 || page > 10_000) {
            throw ProblemException.invalidField("page", "0 to 10000");
        }
        if (size < 1 || size > 100) {
            throw ProblemException.invalidField("size", "1 to 100");
        }
        String statusFilter = status == null ? null : status.strip().toUpperCase(Locale.ROOT);
        if (statusFilter != null && !List.of("OPEN", "CLOSED", "EXPIRED").contains(statusFilter)) {
            throw ProblemException.invalidField("status", "OPEN, CLOSED or EXPIRED");
        }
        if (text != null && text.length() > 200) {
            throw ProblemException.invalidField("text", "at most 200 characters");
        }
        if (location != null && location.length() > 100) {
            throw ProblemException.invalidField("location", "at most 100 characters");
        }
        String origin = source == null ? null : source.strip().toUpperCase(Locale.ROOT);
        if (origin != null && !origin.equals("PUSH") && !origin.equals("UPLOAD")) {
            try {
                origin = UUID.fromString(source.strip()).toString();
            } catch (IllegalArgumentException e) {
                throw ProblemException.invalidField("source", "a source id, PUSH or UPLOAD");
            }
        }
        Instant now = clock.instant();
        Jobs.Page result = jobs.list(
                caller.organizationId(),
                new Jobs.Filter(
                        blankToNull(text),
                        statusFilter,
                        blankToNull(location),
                        remote,
                        origin,
                        DateOrInstant.atStart("from", from),
                        DateOrInstant.atStart("to", to),
                        includeDuplicates),
                now,
                page,
                size);
        return new JobPage(
                result.items().stream().map(j -> JobViews.summary(j, now)).toList(), page, size, result.total());
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAnyRole('ADMIN', 'RECRUITER', 'CLIENT', 'SERVICE')")
    JobView get(AuthenticatedUser caller, @PathVariable UUID id) {
        Job job = jobs.find(caller.organizationId(), id).orElseThrow(() -> ProblemException.notFound("Job " + id));
        return JobViews.of(
                job,
                clock.instant(),
                job.description(),
                jobs.duplicatesOf(caller.organizationId(), id).stream()
                        .map(JobViews::duplicate)
                        .toList());
    }

    @GetMapping("/crawls/{id}")
    @PreAuthorize("hasAnyRole('ADMIN', 'RECRUITER', 'SERVICE')")
    CrawlView crawl(AuthenticatedUser caller, @PathVariable UUID id) {
        return CrawlViews.of(
                crawls.find(caller.organizationId(), id).orElseThrow(() -> ProblemException.notFound("Crawl " + id)),
                false);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}

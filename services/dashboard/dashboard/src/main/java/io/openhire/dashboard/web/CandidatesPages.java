package io.openhire.dashboard.web;

import io.openhire.applications.client.ApplicationsApi;
import io.openhire.dashboard.api.ApiProblem;
import io.openhire.jobingestion.client.JobIngestionApi;
import io.openhire.jobingestion.client.JobQuery;
import io.openhire.jobingestion.client.JobView;
import io.openhire.matching.client.MatchingApi;
import io.openhire.platform.errors.DomainException;
import io.openhire.platform.web.ProblemException;
import io.openhire.privacy.client.PrivacyApi;
import io.openhire.resumeingestion.client.ResumeIngestionApi;
import io.openhire.resumeingestion.client.ResumePage;
import io.openhire.resumeingestion.client.ResumeStatus;
import io.openhire.resumeingestion.client.ResumeView;
import io.openhire.resumeingestion.client.UploadAccepted;
import io.openhire.resumeprocessing.client.CandidateProfile;
import io.openhire.resumeprocessing.client.OptimizeRequest;
import io.openhire.resumeprocessing.client.ProfileView;
import io.openhire.resumeprocessing.client.ResumeProcessingApi;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;
import org.springframework.web.multipart.MultipartFile;

/**
 * Candidates: upload (one file per request, so the page shows each file's progress and outcome), the list
 * of resumes with their parse status (updated live), a resume's parsed profile with the parser's
 * confidence per field, the jobs it matches, and an ATS report against a chosen job.
 */
@Controller
class CandidatesPages {

    static final int PAGE_SIZE = 25;

    private final ResumeIngestionApi resumes;
    private final ResumeProcessingApi profiles;
    private final JobIngestionApi jobs;
    private final MatchingApi matches;
    private final ApplicationsApi applications;
    private final PrivacyApi privacy;

    CandidatesPages(
            ResumeIngestionApi resumes,
            ResumeProcessingApi profiles,
            JobIngestionApi jobs,
            MatchingApi matches,
            ApplicationsApi applications,
            PrivacyApi privacy) {
        this.applications = applications;
        this.privacy = privacy;
        this.resumes = resumes;
        this.profiles = profiles;
        this.jobs = jobs;
        this.matches = matches;
    }

    @GetMapping("/candidates")
    String list(
            @RequestParam(required = false) String status,
            @RequestParam(defaultValue = "0") int page,
            HttpServletRequest request,
            Model model) {
        boolean filtered = status != null && !status.isBlank();
        ResumeStatus chosen = Arrays.stream(ResumeStatus.values())
                .filter(known -> known.name().equals(status))
                .findFirst()
                .orElse(null);
        if ((filtered && chosen == null) || page < 0 || page > 10_000) {
            throw ProblemException.badRequest("filter", "Choose a status of Received, Parsed, Needs OCR or Failed.");
        }
        ResumePage found = resumes.resumes(chosen, null, page, PAGE_SIZE);
        model.addAttribute("resumes", found.items());
        model.addAttribute("total", found.total());
        model.addAttribute("page", page);
        model.addAttribute("lastPage", (found.total() - 1) / PAGE_SIZE);
        model.addAttribute("status", status == null ? "" : status);
        // The people search above the files keeps the query of a saved search's link.
        model.addAttribute(
                "peopleUrl",
                org.springframework.web.util.UriComponentsBuilder.fromPath("/candidates/people")
                        .queryParamIfPresent("q", present(request.getParameter("q")))
                        .queryParamIfPresent("skill", present(request.getParameter("skill")))
                        .queryParamIfPresent("tag", present(request.getParameter("tag")))
                        .queryParamIfPresent("stageId", present(request.getParameter("stageId")))
                        .queryParamIfPresent("jobId", present(request.getParameter("jobId")))
                        .queryParamIfPresent("page", present(request.getParameter("peoplePage")))
                        .encode()
                        .build()
                        .toUriString());
        return PageModel.partial(request) ? "candidates :: results" : "candidates";
    }

    private static java.util.Optional<String> present(String value) {
        return value == null || value.isBlank() ? java.util.Optional.empty() : java.util.Optional.of(value);
    }

    /** One row again, when its resume changed (live update). */
    @GetMapping("/candidates/{id}/row")
    String row(@PathVariable UUID id, Model model) {
        model.addAttribute("resume", resumes.resume(id));
        return "candidates :: row";
    }

    /** What the upload area's script reads for one file: the resume it became, or why it was refused. */
    sealed interface UploadAnswer {}

    record Uploaded(UUID id, ResumeStatus status, boolean duplicate, String fileName) implements UploadAnswer {}

    record Refused(String fileName, String error) implements UploadAnswer {}

    /**
     * One file from the upload area: sent on to resume-ingestion with the person's token. Answers JSON for
     * the page's script: the resume id and status, or a sentence saying why the file was refused.
     */
    @PostMapping("/candidates/upload")
    @ResponseBody
    ResponseEntity<UploadAnswer> upload(@RequestParam("file") MultipartFile file) {
        String name = file.getOriginalFilename() == null ? "resume" : file.getOriginalFilename();
        if (file.isEmpty()) {
            return ResponseEntity.badRequest().body(new Refused(name, "The file is empty."));
        }
        try {
            UploadAccepted accepted = resumes.upload(file.getResource(), name, "UPLOAD");
            return ResponseEntity.status(HttpStatus.ACCEPTED)
                    .body(new Uploaded(accepted.id(), accepted.status(), accepted.duplicate(), name));
        } catch (RestClientResponseException e) {
            HttpStatus status = HttpStatus.resolve(e.getStatusCode().value());
            return ResponseEntity.status(status == null || status.is5xxServerError() ? HttpStatus.BAD_GATEWAY : status)
                    .body(new Refused(name, ApiProblem.message(e)));
        }
    }

    @GetMapping("/candidates/{id}")
    String resume(@PathVariable UUID id, Model model) {
        ResumeView resume = resumes.resume(id);
        ProfileView parse = resume.profile();
        CandidateProfile profile = parse == null ? null : parse.profile();
        model.addAttribute("resume", resume);
        model.addAttribute("anonymisable", ANONYMISABLE.contains(resume.mediaType()));
        model.addAttribute("parse", parse);
        model.addAttribute("profile", profile);
        model.addAttribute("fields", fields(profile));
        // Headed by the person: their name as corrected in the pipeline, else as parsed; never the file's name.
        String name = personName(id);
        if (name == null
                && profile != null
                && profile.name() != null
                && !profile.name().isBlank()) {
            name = profile.name();
        }
        model.addAttribute("title", name != null ? name : "No name on the resume");
        model.addAttribute(
                "openJobs",
                jobs.jobs(JobQuery.firstPage(100).withStatus("OPEN").params()).items());
        return "candidate";
    }

    /** The name of the person the resume is filed under; null while unknown or applications is away. */
    private String personName(UUID resumeId) {
        try {
            String name = applications.candidateOfResume(resumeId).name();
            return name == null || name.isBlank() ? null : name;
        } catch (RestClientException | DomainException notYet) {
            return null;
        }
    }

    /** The original file, downloaded as an attachment with the name resume-ingestion gives it. */
    @GetMapping("/candidates/{id}/original")
    ResponseEntity<byte[]> original(@PathVariable UUID id) {
        ResponseEntity<byte[]> original = resumes.original(id);
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_OCTET_STREAM);
        String disposition = original.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION);
        headers.set(
                HttpHeaders.CONTENT_DISPOSITION, disposition != null ? disposition : "attachment; filename=\"resume\"");
        headers.set("X-Content-Type-Options", "nosniff");
        return new ResponseEntity<>(original.getBody(), headers, HttpStatus.OK);
    }

    /** The media types the privacy service anonymises as documents; the page offers the blind copy for these. */
    static final Set<String> ANONYMISABLE =
            Set.of("application/pdf", "application/vnd.openxmlformats-officedocument.wordprocessingml.document");

    /**
     * The resume without the person (name, contacts, photo, …) to share blind with a client: the original, sent
     * through the privacy service's document anonymiser. The file name is the service's, not the candidate's.
     */
    @GetMapping("/candidates/{id}/anonymised")
    ResponseEntity<byte[]> anonymised(@PathVariable UUID id) {
        byte[] original = resumes.original(id).getBody();
        ResponseEntity<byte[]> anonymised;
        try {
            anonymised = privacy.anonymizeDocument(new ByteArrayResource(original == null ? new byte[0] : original) {
                @Override
                public String getFilename() {
                    return "resume";
                }
            });
        } catch (HttpClientErrorException.UnsupportedMediaType | HttpClientErrorException.UnprocessableContent e) {
            // Not a PDF or .docx, or one that cannot be read: say so in words, not with the service's problem JSON.
            return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT)
                    .contentType(MediaType.TEXT_PLAIN)
                    .body(("This resume cannot be anonymised: only readable PDF and Word (.docx) files can be.")
                            .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(Optional.ofNullable(anonymised.getHeaders().getContentType())
                .orElse(MediaType.APPLICATION_OCTET_STREAM));
        headers.set(
                HttpHeaders.CONTENT_DISPOSITION,
                Optional.ofNullable(anonymised.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION))
                        .orElse("attachment; filename=\"anonymised\""));
        headers.set("X-Content-Type-Options", "nosniff");
        headers.setCacheControl("no-store");
        return new ResponseEntity<>(anonymised.getBody(), headers, HttpStatus.OK);
    }

    /** The jobs this resume fits best, with the reasons (loaded after the page). */
    @GetMapping("/candidates/{id}/matches")
    String matchingJobs(@PathVariable UUID id, Model model) {
        try {
            model.addAttribute("list", matches.jobsForResume(id, 5));
        } catch (HttpClientErrorException.NotFound | HttpClientErrorException.UnprocessableContent e) {
            model.addAttribute("notYet", "Not searchable yet: the resume is still being parsed and indexed.");
        }
        return "candidate :: matches";
    }

    /** How an applicant tracking system would read the resume for the chosen job, with suggestions. */
    @PostMapping("/candidates/{id}/ats")
    String atsReport(@PathVariable UUID id, @RequestParam UUID jobId, Model model) {
        JobView job = jobs.job(jobId);
        String text = job.description() == null ? "" : job.description();
        model.addAttribute("report", profiles.atsReport(new OptimizeRequest(id, jobId, text, job.title())));
        model.addAttribute("job", job);
        return "candidate :: ats";
    }

    /** A parsed field as the profile table shows it: its value and how sure the parser is (0–100, null: not said). */
    record Field(String label, String value, Long confidence) {}

    static List<Field> fields(CandidateProfile profile) {
        if (profile == null) {
            return List.of();
        }
        Map<String, Double> confidence = profile.confidence() == null ? Map.of() : profile.confidence();
        Double years = profile.totalYearsExperience();
        return List.of(
                field("Name", profile.name(), confidence, "name"),
                field("Email", joined(profile.emails()), confidence, "emails"),
                field("Phone", joined(profile.phones()), confidence, "phones"),
                field(
                        "Location",
                        profile.location() == null ? null : profile.location().text(),
                        confidence,
                        "location"),
                field("Headline", profile.headline(), confidence, "headline"),
                field(
                        "Experience",
                        years == null ? null : String.format(Locale.ROOT, "%.1f years", years),
                        confidence,
                        "totalYearsExperience"),
                field("Summary", profile.summary(), confidence, "summary"),
                field("Work history", count(profile.work(), "job"), confidence, "work"),
                field("Education", count(profile.education(), "entry"), confidence, "education"),
                field("Skills", count(profile.skills(), "skill"), confidence, "skills"),
                field("Languages", joined(profile.languages()), confidence, "languages"));
    }

    /** @param key the profile field's name, as the parser's {@code confidence} names it */
    private static Field field(String label, String value, Map<String, Double> confidence, String key) {
        Double sure = confidence.get(key);
        return new Field(
                label, value == null || value.isBlank() ? null : value, sure == null ? null : Math.round(sure * 100));
    }

    private static String count(List<?> items, String what) {
        int n = items == null ? 0 : items.size();
        return n == 0 ? null : n + " " + (n == 1 ? what : what.equals("entry") ? "entries" : what + "s");
    }

    private static String joined(List<String> items) {
        return items == null || items.isEmpty() ? null : String.join(", ", items);
    }
}

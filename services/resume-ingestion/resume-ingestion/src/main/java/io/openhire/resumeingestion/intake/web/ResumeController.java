package io.openhire.resumeingestion.intake.web;

import io.openhire.platform.audit.AuditTrail;
import io.openhire.platform.http.ServiceAccount;
import io.openhire.platform.security.AuthenticatedUser;
import io.openhire.platform.web.DateOrInstant;
import io.openhire.platform.web.ProblemException;
import io.openhire.resumeingestion.client.ResumePage;
import io.openhire.resumeingestion.client.ResumeView;
import io.openhire.resumeingestion.client.UploadAccepted;
import io.openhire.resumeingestion.intake.Resume;
import io.openhire.resumeingestion.intake.ResumeErasure;
import io.openhire.resumeingestion.intake.ResumeIntake;
import io.openhire.resumeingestion.intake.Resumes;
import io.openhire.resumeprocessing.client.ProfileView;
import io.openhire.resumeprocessing.client.ResumeProcessingApi;
import io.openhire.storage.client.StorageApi;
import io.openhire.storage.client.StorageBuckets;
import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Resumes in: {@code POST /api/v1/resumes/upload}; and out: the list, one resume with its parsed
 * profile, and the original file. Candidates see only what they uploaded themselves. The answers are
 * resume-ingestion-client's records, the ones other services read.
 */
@RestController
@RequestMapping("/api/v1/resumes")
class ResumeController {

    private static final Logger log = LoggerFactory.getLogger(ResumeController.class);
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}$");
    private static final Pattern SOURCE = Pattern.compile("^[A-Za-z0-9_-]{1,40}$");
    private static final Pattern FILE_NAME_UNSAFE = Pattern.compile("[\\p{Cntrl}/\\\\]");

    private final ResumeIntake intake;
    private final Resumes resumes;
    private final ResumeProcessingApi processing;
    private final StorageApi storage;
    private final ServiceAccount serviceAccount;
    private final ResumeErasure erasure;
    private final AuditTrail audit;

    ResumeController(
            ResumeIntake intake,
            Resumes resumes,
            ResumeProcessingApi processing,
            StorageApi storage,
            ServiceAccount serviceAccount,
            ResumeErasure erasure,
            AuditTrail audit) {
        this.audit = audit;
        this.intake = intake;
        this.resumes = resumes;
        this.processing = processing;
        this.storage = storage;
        this.serviceAccount = serviceAccount;
        this.erasure = erasure;
    }

    /** Staff, a candidate (their own), or a service for the organisation (applications: the career site's). */
    @PostMapping(path = "/upload", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasAnyRole('ADMIN', 'RECRUITER', 'CANDIDATE', 'SERVICE')")
    ResponseEntity<UploadAccepted> upload(
            AuthenticatedUser caller,
            @RequestPart("file") MultipartFile file,
            @RequestParam(required = false) String candidateEmail,
            @RequestParam(required = false) UUID jobId,
            @RequestParam(required = false) String source) {
        if (candidateEmail != null
                && (candidateEmail.length() > 254
                        || !EMAIL.matcher(candidateEmail.strip()).matches())) {
            throw ProblemException.invalidField("candidateEmail", "must be an email address");
        }
        if (source != null && !SOURCE.matcher(source).matches()) {
            throw ProblemException.invalidField("source", "1–40 letters, digits, '-' or '_'");
        }
        byte[] bytes;
        try {
            bytes = file.getBytes();
        } catch (IOException e) {
            throw ProblemException.badRequest("unreadable-upload", "The uploaded file could not be read completely.");
        }
        ResumeIntake.Outcome outcome = intake.submit(new ResumeIntake.Submission(
                caller.organizationId(),
                bytes,
                fileName(file.getOriginalFilename()),
                source == null ? "UPLOAD" : source.toUpperCase(Locale.ROOT),
                candidateEmail == null ? null : candidateEmail.strip(),
                jobId,
                caller.subject(),
                null,
                ownOnly(caller) == null
                        ? ResumeIntake.DuplicatesAmong.ORGANISATION
                        : ResumeIntake.DuplicatesAmong.UPLOADER));
        Resume resume = outcome.resume();
        UploadAccepted body = new UploadAccepted(resume.id(), ResumeViews.status(resume.status()), !outcome.created());
        if (!outcome.created()) {
            return ResponseEntity.ok().location(location(resume)).body(body);
        }
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .location(location(resume))
                .body(body);
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('ADMIN', 'RECRUITER', 'CANDIDATE')")
    ResumePage list(
            AuthenticatedUser caller,
            @RequestParam(required = false) Resume.Status status,
            @RequestParam(required = false) String source,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        if (page < 0 || page > 10_000) {
            throw ProblemException.invalidField("page", "must be between 0 and 10000");
        }
        if (size < 1 || size > 100) {
            throw ProblemException.invalidField("size", "must be between 1 and 100");
        }
        Resumes.Filter filter = new Resumes.Filter(
                status,
                source == null ? null : source.toUpperCase(Locale.ROOT),
                DateOrInstant.atStart("from", from),
                DateOrInstant.afterEnd("to", to),
                ownOnly(caller));
        Resumes.Page found = resumes.list(caller.organizationId(), filter, page, size);
        return new ResumePage(
                found.items().stream().map(r -> ResumeViews.view(r, null)).toList(), page, size, found.total());
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAnyRole('ADMIN', 'RECRUITER', 'CANDIDATE')")
    ResumeView get(AuthenticatedUser caller, @PathVariable UUID id) {
        Resume resume = visible(caller, id);
        ProfileView profile = null;
        if (resume.status() == Resume.Status.PARSED) {
            try {
                profile = serviceAccount.onBehalfOf(caller.organizationId(), () -> processing.profile(id));
            } catch (RuntimeException e) {
                // The resume is still worth showing; the profile comes back with resume-processing.
                log.warn(
                        "Profile of resume {} unavailable: {}", id, e.getClass().getSimpleName());
            }
        }
        audit.read("resume.viewed", "resume", id);
        return ResumeViews.view(resume, profile);
    }

    /** Also for a service of the organisation: applications puts a candidate's originals in their data download. */
    @GetMapping("/{id}/original")
    @PreAuthorize("hasAnyRole('ADMIN', 'RECRUITER', 'CANDIDATE', 'SERVICE')")
    ResponseEntity<byte[]> original(AuthenticatedUser caller, @PathVariable UUID id) {
        Resume resume = visible(caller, id);
        byte[] stored = serviceAccount.onBehalfOf(
                caller.organizationId(), () -> storage.get(StorageBuckets.RESUMES, resume.objectKey()));
        String name = resume.fileName() == null ? "resume" : resume.fileName();
        audit.read("resume.downloaded", "resume", id);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(resume.mediaType()))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        org.springframework.http.ContentDisposition.attachment()
                                .filename(name, java.nio.charset.StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(stored);
    }

    /**
     * Deletes the resume, its original and (through resume.deleted.v1) its profile, text and reports.
     * Candidates may delete what they uploaded (their right to erasure); staff, anything of the
     * organisation; a service, too (resume-processing erasing a person it found by their parsed profile).
     */
    @org.springframework.web.bind.annotation.DeleteMapping("/{id}")
    @PreAuthorize("hasAnyRole('ADMIN', 'RECRUITER', 'CANDIDATE', 'SERVICE')")
    ResponseEntity<Void> delete(AuthenticatedUser caller, @PathVariable UUID id) {
        erasure.erase(visible(caller, id));
        return ResponseEntity.noContent().build();
    }

    private Resume visible(AuthenticatedUser caller, UUID id) {
        Resume resume =
                resumes.find(caller.organizationId(), id).orElseThrow(() -> ProblemException.notFound("The resume"));
        String own = ownOnly(caller);
        if (own != null && !own.equals(resume.uploadedBy())) {
            throw ProblemException.notFound("The resume");
        }
        return resume;
    }

    /** Candidates see their own uploads only; recruiters and admins see the organisation's. */
    private static String ownOnly(AuthenticatedUser caller) {
        // a service acts for the whole organisation: a resume sent twice is found as the organisation's duplicate
        boolean staff = caller.hasRole("ADMIN") || caller.hasRole("RECRUITER") || caller.hasRole("SERVICE");
        return staff ? null : caller.subject();
    }

    private static URI location(Resume resume) {
        return URI.create("/api/v1/resumes/" + resume.id());
    }

    static String fileName(String original) {
        if (original == null || original.isBlank()) {
            return null;
        }
        String name = original.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1);
        name = FILE_NAME_UNSAFE.matcher(name).replaceAll("_").strip();
        return name.length() > 200 ? name.substring(0, 200) : name;
    }
}

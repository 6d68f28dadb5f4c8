package io.openhire.resumeingestion.client;

import java.util.UUID;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.DeleteExchange;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.PostExchange;

/**
 * resume-ingestion's API for other services, as an HTTP interface for {@code ServiceClients}: uploads, the
 * list of resumes with their status, one resume with its parsed profile, the original file.
 *
 * <pre>{@code
 * ResumeIngestionApi resumes = serviceClients.create(ResumeIngestionApi.class, "resume-ingestion");
 * UploadAccepted accepted = resumes.upload(file, "cv.pdf", "UPLOAD");   // then follow resume.parsed.v1
 * ResumeView resume = resumes.resume(accepted.id());
 * }</pre>
 *
 * Staff see the organisation's resumes; a candidate only what they uploaded.
 */
public interface ResumeIngestionApi {

    /**
     * One file, as a multipart form (a {@code file} part, and optional {@code source}, {@code candidateEmail},
     * {@code jobId} parts): answers 202 for a new resume, 200 with {@code duplicate} for one already here.
     * {@link #upload(Resource, String, String)} builds the form.
     */
    @PostExchange(url = "/api/v1/resumes/upload", contentType = MediaType.MULTIPART_FORM_DATA_VALUE)
    UploadAccepted upload(@RequestBody MultiValueMap<String, HttpEntity<?>> form);

    /**
     * One file under its name, from {@code source} ({@code UPLOAD}, {@code EMAIL}…). resume-ingestion finds
     * the type from the content, so the file goes as plain bytes.
     */
    default UploadAccepted upload(Resource file, String fileName, String source) {
        return upload(file, fileName, source, null, null);
    }

    /**
     * As {@link #upload(Resource, String, String)}, for a candidate's application: their email address (the
     * resume's owner) and the job they apply to, when given.
     */
    default UploadAccepted upload(
            Resource file, String fileName, String source, String candidateEmail, java.util.UUID jobId) {
        HttpHeaders fileHeaders = new HttpHeaders();
        fileHeaders.setContentType(MediaType.APPLICATION_OCTET_STREAM);
        fileHeaders.setContentDisposition(
                ContentDisposition.formData().name("file").filename(fileName).build());
        MultiValueMap<String, HttpEntity<?>> form = new LinkedMultiValueMap<>();
        form.add("file", new HttpEntity<>(file, fileHeaders));
        form.add("source", new HttpEntity<>(source, text("source")));
        if (candidateEmail != null) {
            form.add("candidateEmail", new HttpEntity<>(candidateEmail, text("candidateEmail")));
        }
        if (jobId != null) {
            form.add("jobId", new HttpEntity<>(jobId.toString(), text("jobId")));
        }
        return upload(form);
    }

    private static HttpHeaders text(String name) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(new MediaType(MediaType.TEXT_PLAIN, java.nio.charset.StandardCharsets.UTF_8));
        headers.setContentDisposition(ContentDisposition.formData().name(name).build());
        return headers;
    }

    /** A page of resumes, newest first; {@code status} and {@code source} filter when not null; size 1–100. */
    @GetExchange("/api/v1/resumes")
    ResumePage resumes(
            @RequestParam(required = false) ResumeStatus status,
            @RequestParam(required = false) String source,
            @RequestParam int page,
            @RequestParam int size);

    /** Deletes a resume everywhere: the original, the row, and resume.deleted.v1 for the services that follow. */
    @DeleteExchange("/api/v1/resumes/{id}")
    void delete(@PathVariable UUID id);

    /** The resume with its status and, once parsed, resume-processing's profile of it. */
    @GetExchange("/api/v1/resumes/{id}")
    ResumeView resume(@PathVariable UUID id);

    /** The original file as uploaded, with its name in {@code Content-Disposition}. */
    @GetExchange("/api/v1/resumes/{id}/original")
    ResponseEntity<byte[]> original(@PathVariable UUID id);
}

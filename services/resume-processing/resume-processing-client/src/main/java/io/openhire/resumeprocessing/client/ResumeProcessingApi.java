package io.openhire.resumeprocessing.client;

import java.util.UUID;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.PostExchange;

/**
 * resume-processing's API for other services, as an HTTP interface for {@code ServiceClients}:
 *
 * <pre>{@code
 * ResumeProcessingApi processing = serviceClients.create(ResumeProcessingApi.class, "resume-processing");
 * ProfileView view = processing.profile(resumeId);   // 404 for another organisation's resume
 * }</pre>
 *
 * Profiles are read by staff and services only (ADMIN, RECRUITER, SERVICE); ATS reports by ADMIN and RECRUITER.
 */
public interface ResumeProcessingApi {

    /** The resume's latest parse, without its extracted text. */
    @GetExchange("/api/v1/resumes/{id}/profile")
    ProfileView profile(@PathVariable UUID id);

    /** The resume's latest parse with the extracted text ({@link ProfileView#text()}), for indexing and evidence. */
    @GetExchange("/api/v1/resumes/{id}/profile?include=text")
    ProfileView profileWithText(@PathVariable UUID id);

    /**
     * How the resume reads to an applicant tracking system for a job, stored as the resume's latest report.
     * A 409 ({@code resume-not-parsed}) while the resume has no parsed profile.
     */
    @PostExchange("/api/v1/resumes/optimize")
    AtsReport atsReport(@RequestBody OptimizeRequest request);
}

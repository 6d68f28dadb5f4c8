package io.openhire.applications.client;

import java.util.UUID;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.PostExchange;

/**
 * applications' public career-site API (no account, no token): an organisation's open jobs, one job with what
 * an applicant consents to, and applying. For the dashboard's public career pages.
 */
public interface CareersApi {

    @GetExchange("/api/v1/careers/{organizationId}")
    CareerSite site(@PathVariable UUID organizationId, @RequestParam(required = false) String q);

    @GetExchange("/api/v1/careers/{organizationId}/jobs/{jobId}")
    CareerPosting posting(@PathVariable UUID organizationId, @PathVariable UUID jobId);

    /** {@link #apply(UUID, UUID, Applicant, Resource, String)} builds the form. Answers 202. */
    /** Asks for a candidate portal sign-in link; the same 202 whether or not the address applied here. */
    @PostExchange("/api/v1/careers/{organizationId}/sign-in")
    ApplyAccepted signIn(@PathVariable UUID organizationId, @RequestBody SignInRequest request);

    @PostExchange(
            url = "/api/v1/careers/{organizationId}/jobs/{jobId}/applications",
            contentType = MediaType.MULTIPART_FORM_DATA_VALUE)
    ApplyAccepted apply(
            @PathVariable UUID organizationId,
            @PathVariable UUID jobId,
            @RequestBody MultiValueMap<String, HttpEntity<?>> form);

    /**
     * What an applicant gives.
     *
     * @param website the form's hidden honeypot field, as it came (people leave it empty)
     * @param via the job board whose link brought the applicant ({@code ?via=…} on the career link), if any
     * @param ref that board's tracking token ({@code ?ref=…}), if any
     * @param answers the answers to the job's questions, in their order
     */
    record Applicant(
            String name,
            String email,
            String phone,
            boolean consent,
            int noticeVersion,
            String website,
            String via,
            String ref,
            java.util.List<String> answers) {}

    default ApplyAccepted apply(
            UUID organizationId, UUID jobId, Applicant applicant, Resource resume, String fileName) {
        MultiValueMap<String, HttpEntity<?>> form = new LinkedMultiValueMap<>();
        HttpHeaders fileHeaders = new HttpHeaders();
        fileHeaders.setContentType(MediaType.APPLICATION_OCTET_STREAM);
        fileHeaders.setContentDisposition(
                ContentDisposition.formData().name("resume").filename(fileName).build());
        form.add("resume", new HttpEntity<>(resume, fileHeaders));
        text(form, "name", applicant.name());
        text(form, "email", applicant.email());
        text(form, "phone", applicant.phone());
        text(form, "consent", String.valueOf(applicant.consent()));
        text(form, "noticeVersion", String.valueOf(applicant.noticeVersion()));
        text(form, "website", applicant.website());
        text(form, "via", applicant.via());
        text(form, "ref", applicant.ref());
        if (applicant.answers() != null) {
            for (String answer : applicant.answers()) {
                text(form, "answers", answer == null ? "" : answer);
            }
        }
        return apply(organizationId, jobId, form);
    }

    private static void text(MultiValueMap<String, HttpEntity<?>> form, String name, String value) {
        if (value == null) {
            return;
        }
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(new MediaType(MediaType.TEXT_PLAIN, java.nio.charset.StandardCharsets.UTF_8));
        headers.setContentDisposition(ContentDisposition.formData().name(name).build());
        form.add(name, new HttpEntity<>(value, headers));
    }
}

package io.openhire.applications.client;

import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpEntity;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.PatchExchange;
import org.springframework.web.service.annotation.PostExchange;

/**
 * The candidate portal (applications), for a signed-in candidate's own token: their record, applications, data.
 *
 * <pre>{@code
 * PortalApi portal = serviceClients.create(PortalApi.class, "applications");
 * PortalView me = portal.me();   // 404 for an account that opens no record
 * }</pre>
 */
public interface PortalApi {

    @GetExchange("/api/v1/portal/me")
    PortalView me();

    @PatchExchange("/api/v1/portal/me")
    PortalView correct(@RequestBody CandidateCorrection correction);

    @PostExchange("/api/v1/portal/applications/{id}/withdraw")
    PortalView withdraw(@PathVariable UUID id);

    @PostExchange("/api/v1/portal/consent/withdraw")
    PortalView withdrawConsent();

    /** A multipart form with a {@code file} part. */
    @PostExchange(url = "/api/v1/portal/resumes", contentType = MediaType.MULTIPART_FORM_DATA_VALUE)
    PortalView upload(@RequestBody MultiValueMap<String, HttpEntity<?>> form);

    /** A zip: {@code my-data.json} and the original resumes. */
    @GetExchange("/api/v1/portal/export")
    ResponseEntity<byte[]> export();

    /**
     * Files a request about their data with the organisation's privacy office (201); 409 {@code
     * request-already-open} while one of the type is open.
     */
    @PostExchange("/api/v1/portal/privacy-requests")
    PortalPrivacyRequest filePrivacyRequest(@RequestBody PortalPrivacyRequestForm form);

    /** Their requests, newest first, with the status the privacy service gives them now. */
    @GetExchange("/api/v1/portal/privacy-requests")
    List<PortalPrivacyRequest> privacyRequests();

    /** Who of the organisation looked at their file, newest first (at most 100). */
    @GetExchange("/api/v1/portal/views")
    List<PortalFileView> views();
}

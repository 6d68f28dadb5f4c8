package io.openhire.applications.portal.web;

import io.openhire.applications.client.CandidateCorrection;
import io.openhire.applications.client.PortalFileView;
import io.openhire.applications.client.PortalPrivacyRequest;
import io.openhire.applications.client.PortalPrivacyRequestForm;
import io.openhire.applications.client.PortalView;
import io.openhire.applications.portal.CandidatePortal;
import io.openhire.applications.portal.DataExport;
import io.openhire.applications.portal.PortalPrivacy;
import io.openhire.platform.security.AuthenticatedUser;
import io.openhire.platform.web.ProblemException;
import java.io.IOException;
import java.util.List;
import java.util.UUID;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.multipart.MultipartFile;

/**
 * The candidate portal's API: a signed-in candidate (CANDIDATE, by a sign-in link) and their own record only.
 * Nothing here takes a candidate's id: the record is the one the caller's account opens.
 */
@RestController
@RequestMapping("/api/v1/portal")
@PreAuthorize("hasRole('CANDIDATE')")
class PortalController {

    private final CandidatePortal portal;
    private final DataExport export;
    private final PortalPrivacy privacy;

    PortalController(CandidatePortal portal, DataExport export, PortalPrivacy privacy) {
        this.portal = portal;
        this.export = export;
        this.privacy = privacy;
    }

    @GetMapping("/me")
    PortalView me(AuthenticatedUser caller) {
        return portal.view(caller);
    }

    /** Corrects what was read from the resume (name, email, phone, location, headline, current title). */
    @PatchMapping("/me")
    PortalView correct(AuthenticatedUser caller, @RequestBody CandidateCorrection correction) {
        return portal.correct(caller, correction);
    }

    @PostMapping("/applications/{id}/withdraw")
    PortalView withdraw(AuthenticatedUser caller, @PathVariable UUID id) {
        return portal.withdraw(caller, id);
    }

    @PostMapping("/consent/withdraw")
    PortalView withdrawConsent(AuthenticatedUser caller) {
        return portal.withdrawConsent(caller);
    }

    @PostMapping(value = "/resumes", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<?> upload(AuthenticatedUser caller, @RequestPart(required = false) MultipartFile file) {
        byte[] bytes;
        try {
            bytes = file == null ? null : file.getBytes();
        } catch (IOException e) {
            throw ProblemException.badRequest("unreadable-upload", "The uploaded file could not be read completely.");
        }
        try {
            return ResponseEntity.ok(portal.upload(caller, bytes, file == null ? null : file.getOriginalFilename()));
        } catch (HttpClientErrorException refused) {
            return io.openhire.applications.web.ResumeIngestionRefusal.asAnswered(refused);
        }
    }

    /** Everything held about the caller: a zip of {@code my-data.json} and their resumes' original files. */
    @GetMapping("/export")
    ResponseEntity<byte[]> export(AuthenticatedUser caller) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/zip"))
                .cacheControl(CacheControl.noStore())
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("my-data.zip")
                                .build()
                                .toString())
                .body(export.export(caller));
    }

    /**
     * A request about their data (a copy, deletion, correction, restriction), filed with the organisation's privacy
     * office for the caller: who they are comes from their account and record, never from the body.
     */
    @PostMapping("/privacy-requests")
    ResponseEntity<PortalPrivacyRequest> filePrivacyRequest(
            AuthenticatedUser caller, @RequestBody(required = false) PortalPrivacyRequestForm form) {
        return ResponseEntity.status(HttpStatus.CREATED).body(privacy.file(caller, form));
    }

    @GetMapping("/privacy-requests")
    List<PortalPrivacyRequest> privacyRequests(AuthenticatedUser caller) {
        return privacy.requests(caller);
    }

    /** Who of the organisation looked at the caller's file, newest first. */
    @GetMapping("/views")
    List<PortalFileView> views(AuthenticatedUser caller) {
        return privacy.views(caller);
    }
}

package io.openhire.applications.careers.web;

import io.openhire.applications.careers.CareerSites;
import io.openhire.applications.client.ApplyAccepted;
import io.openhire.applications.client.CareerPosting;
import io.openhire.applications.client.CareerSite;
import io.openhire.platform.web.ProblemException;
import java.io.IOException;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.multipart.MultipartFile;

/**
 * The public career-site API: no account, no token (the gateway budgets applications per address). Another
 * organisation's job, a closed one or an unknown organisation are all a plain 404.
 */
@RestController
@RequestMapping("/api/v1/careers/{organizationId}")
class CareerController {

    private static final String RECEIVED = "Thank you: we received your application and sent you a confirmation.";

    private static final String LINK_SENT =
            "If this address has applied here, a sign-in link is on its way to it. It works once, for 30 minutes.";

    private final CareerSites sites;
    private final io.openhire.applications.portal.CandidatePortal portal;

    CareerController(CareerSites sites, io.openhire.applications.portal.CandidatePortal portal) {
        this.sites = sites;
        this.portal = portal;
    }

    /**
     * A candidate asks for a link to the candidate portal. The same 202 whether or not the address is known here,
     * so the answer tells no one who applied.
     */
    @PostMapping("/sign-in")
    ResponseEntity<ApplyAccepted> signIn(
            @PathVariable UUID organizationId,
            @RequestBody(required = false) io.openhire.applications.client.SignInRequest request) {
        portal.requestSignIn(organizationId, request == null ? null : request.email());
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(new ApplyAccepted(LINK_SENT));
    }

    @GetMapping
    CareerSite site(@PathVariable UUID organizationId, @RequestParam(required = false) String q) {
        return sites.site(organizationId, q);
    }

    @GetMapping("/jobs/{jobId}")
    CareerPosting posting(@PathVariable UUID organizationId, @PathVariable UUID jobId) {
        return sites.posting(organizationId, jobId);
    }

    /** Answers 202 (also to a bot caught by the honeypot, which is told nothing more). */
    @PostMapping(value = "/jobs/{jobId}/applications", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<?> apply(
            @PathVariable UUID organizationId,
            @PathVariable UUID jobId,
            @RequestParam(required = false) String name,
            @RequestParam(required = false) String email,
            @RequestParam(required = false) String phone,
            @RequestParam(defaultValue = "false") boolean consent,
            @RequestParam(required = false) Integer noticeVersion,
            @RequestParam(required = false) String website,
            @RequestParam(required = false) String via,
            @RequestParam(required = false) String ref,
            @RequestParam(required = false) java.util.List<String> answers,
            @RequestPart(required = false) MultipartFile resume) {
        byte[] bytes;
        try {
            bytes = resume == null ? null : resume.getBytes();
        } catch (IOException e) {
            throw ProblemException.badRequest("unreadable-upload", "The uploaded file could not be read completely.");
        }
        try {
            sites.apply(
                    organizationId,
                    jobId,
                    new CareerSites.Application(
                            name,
                            email,
                            phone,
                            consent,
                            noticeVersion,
                            website,
                            bytes,
                            resume == null ? null : resume.getOriginalFilename(),
                            via,
                            ref,
                            answers));
        } catch (HttpClientErrorException refused) {
            return io.openhire.applications.web.ResumeIngestionRefusal.asAnswered(refused);
        }
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(new ApplyAccepted(RECEIVED));
    }
}

package io.openhire.communication.templates.web;

import io.openhire.communication.client.Preview;
import io.openhire.communication.client.PreviewRequest;
import io.openhire.communication.client.TemplateRequest;
import io.openhire.communication.client.TemplateView;
import io.openhire.communication.messages.Sending;
import io.openhire.communication.templates.Templates;
import io.openhire.platform.security.AuthenticatedUser;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The organisation's message templates: recruiters use and preview them, admins write them. */
@RestController
@RequestMapping("/api/v1/communications/templates")
class TemplateController {

    private final Templates templates;
    private final Sending previews;

    TemplateController(Templates templates, Sending previews) {
        this.templates = templates;
        this.previews = previews;
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('ADMIN', 'RECRUITER', 'SERVICE')")
    List<TemplateView> list(AuthenticatedUser caller) {
        return templates.list(caller.organizationId());
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAnyRole('ADMIN', 'RECRUITER', 'SERVICE')")
    TemplateView get(AuthenticatedUser caller, @PathVariable UUID id) {
        return templates.latest(caller.organizationId(), id);
    }

    @PostMapping
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<TemplateView> create(AuthenticatedUser caller, @RequestBody TemplateRequest request) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(templates.create(caller.organizationId(), request, caller.actor()));
    }

    @PutMapping("/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    TemplateView update(AuthenticatedUser caller, @PathVariable UUID id, @RequestBody TemplateRequest request) {
        return templates.update(caller.organizationId(), id, request, caller.actor());
    }

    @PostMapping("/{id}/preview")
    @PreAuthorize("hasAnyRole('ADMIN', 'RECRUITER')")
    Preview preview(
            AuthenticatedUser caller,
            @RequestHeader(name = "Authorization", required = false) String bearer,
            @PathVariable UUID id,
            @RequestBody(required = false) PreviewRequest request) {
        return previews.preview(caller, bearer, id, request == null ? new PreviewRequest(null, null, null) : request);
    }
}

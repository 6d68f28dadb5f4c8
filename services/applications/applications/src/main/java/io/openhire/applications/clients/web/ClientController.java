package io.openhire.applications.clients.web;

import io.openhire.applications.client.ClientCompany;
import io.openhire.applications.client.ClientCompanyRequest;
import io.openhire.applications.client.ClientMemberRequest;
import io.openhire.applications.client.JobClientRequest;
import io.openhire.applications.client.ShareRequest;
import io.openhire.applications.client.ShareView;
import io.openhire.applications.clients.ClientCompanies;
import io.openhire.applications.clients.Shortlists;
import io.openhire.platform.security.AuthenticatedUser;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Client companies for the organisation's staff: admins keep the list and its users; recruiters link jobs to
 * clients and share applications with them.
 */
@RestController
class ClientController {

    private static final String STAFF = "hasAnyRole('ADMIN', 'RECRUITER')";
    private static final String ADMIN = "hasRole('ADMIN')";

    private final ClientCompanies clients;
    private final Shortlists shortlists;

    ClientController(ClientCompanies clients, Shortlists shortlists) {
        this.clients = clients;
        this.shortlists = shortlists;
    }

    @GetMapping("/api/v1/clients")
    @PreAuthorize(STAFF)
    List<ClientCompany> list(AuthenticatedUser caller) {
        return clients.list(caller.organizationId());
    }

    @PostMapping("/api/v1/clients")
    @PreAuthorize(ADMIN)
    ResponseEntity<ClientCompany> create(
            AuthenticatedUser caller, @RequestBody(required = false) ClientCompanyRequest request) {
        ClientCompany created = clients.create(caller.organizationId(), request == null ? null : request.name());
        return ResponseEntity.status(201).body(created);
    }

    @GetMapping("/api/v1/clients/{id}")
    @PreAuthorize(STAFF)
    ClientCompany get(AuthenticatedUser caller, @PathVariable UUID id) {
        return clients.get(caller.organizationId(), id);
    }

    @DeleteMapping("/api/v1/clients/{id}")
    @PreAuthorize(ADMIN)
    ResponseEntity<Void> delete(AuthenticatedUser caller, @PathVariable UUID id) {
        clients.delete(caller.organizationId(), id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/v1/clients/{id}/members")
    @PreAuthorize(ADMIN)
    ClientCompany addMember(
            AuthenticatedUser caller,
            @PathVariable UUID id,
            @RequestBody(required = false) ClientMemberRequest request) {
        return clients.addMember(caller.organizationId(), id, request == null ? null : request.userId());
    }

    @DeleteMapping("/api/v1/clients/{id}/members/{userId}")
    @PreAuthorize(ADMIN)
    ClientCompany removeMember(AuthenticatedUser caller, @PathVariable UUID id, @PathVariable UUID userId) {
        return clients.removeMember(caller.organizationId(), id, userId);
    }

    /** The client a job is run for: 204 when unlinked. */
    @GetMapping("/api/v1/applications/jobs/{jobId}/client")
    @PreAuthorize(STAFF)
    ResponseEntity<ClientCompany> jobClient(AuthenticatedUser caller, @PathVariable UUID jobId) {
        return clients.ofJob(caller.organizationId(), jobId)
                .map(ResponseEntity::ok)
                .orElseGet(() -> ResponseEntity.noContent().build());
    }

    @PutMapping("/api/v1/applications/jobs/{jobId}/client")
    @PreAuthorize(STAFF)
    ResponseEntity<ClientCompany> linkJob(
            AuthenticatedUser caller,
            @PathVariable UUID jobId,
            @RequestBody(required = false) JobClientRequest request) {
        return clients.linkJob(caller.organizationId(), jobId, request == null ? null : request.clientId())
                .map(ResponseEntity::ok)
                .orElseGet(() -> ResponseEntity.noContent().build());
    }

    @GetMapping("/api/v1/applications/{id}/share")
    @PreAuthorize(STAFF)
    ShareView share(AuthenticatedUser caller, @PathVariable UUID id) {
        return shortlists.shareOf(caller.organizationId(), id);
    }

    /** Shares the application with its job's client (blind unless {@code revealed}); 409 when the job has none. */
    @PutMapping("/api/v1/applications/{id}/share")
    @PreAuthorize(STAFF)
    ShareView share(
            AuthenticatedUser caller, @PathVariable UUID id, @RequestBody(required = false) ShareRequest request) {
        boolean revealed = request != null && Boolean.TRUE.equals(request.revealed());
        return shortlists.share(caller.organizationId(), id, revealed, caller.actor());
    }

    @DeleteMapping("/api/v1/applications/{id}/share")
    @PreAuthorize(STAFF)
    ShareView unshare(AuthenticatedUser caller, @PathVariable UUID id) {
        return shortlists.unshare(caller.organizationId(), id);
    }
}

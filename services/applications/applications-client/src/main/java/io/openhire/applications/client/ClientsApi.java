package io.openhire.applications.client;

import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.service.annotation.DeleteExchange;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.PostExchange;
import org.springframework.web.service.annotation.PutExchange;

/**
 * Client companies and shared shortlists (applications): the staff's side (clients, their users, jobs linked to
 * them, shares) and the client portal's (a CLIENT user's jobs, shortlists and feedback).
 */
public interface ClientsApi {

    @GetExchange("/api/v1/clients")
    List<ClientCompany> clients();

    /** Admins only. */
    @PostExchange("/api/v1/clients")
    ClientCompany create(@RequestBody ClientCompanyRequest request);

    /** Admins only. */
    @DeleteExchange("/api/v1/clients/{id}")
    void delete(@PathVariable UUID id);

    /** Admins only: a CLIENT user of the organisation joins the company. */
    @PostExchange("/api/v1/clients/{id}/members")
    ClientCompany addMember(@PathVariable UUID id, @RequestBody ClientMemberRequest request);

    @DeleteExchange("/api/v1/clients/{id}/members/{userId}")
    ClientCompany removeMember(@PathVariable UUID id, @PathVariable UUID userId);

    /** 204 (an empty body) when the job is run for no client. */
    @GetExchange("/api/v1/applications/jobs/{jobId}/client")
    ResponseEntity<ClientCompany> jobClient(@PathVariable UUID jobId);

    @PutExchange("/api/v1/applications/jobs/{jobId}/client")
    ResponseEntity<ClientCompany> linkJob(@PathVariable UUID jobId, @RequestBody JobClientRequest request);

    @GetExchange("/api/v1/applications/{id}/share")
    ShareView share(@PathVariable UUID id);

    @PutExchange("/api/v1/applications/{id}/share")
    ShareView share(@PathVariable UUID id, @RequestBody ShareRequest request);

    @DeleteExchange("/api/v1/applications/{id}/share")
    ShareView unshare(@PathVariable UUID id);

    // ---- the client portal (CLIENT users)

    @GetExchange("/api/v1/client-portal/jobs")
    List<ClientJob> clientJobs();

    @GetExchange("/api/v1/client-portal/jobs/{jobId}")
    Shortlist shortlist(@PathVariable UUID jobId);

    @PostExchange("/api/v1/client-portal/applications/{id}/feedback")
    ClientFeedbackView feedback(@PathVariable UUID id, @RequestBody ClientFeedbackRequest request);
}

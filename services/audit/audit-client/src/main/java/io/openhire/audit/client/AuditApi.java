package io.openhire.audit.client;

import java.time.Instant;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.DeleteExchange;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.PostExchange;

/**
 * The audit log of the caller's organisation, as an HTTP interface for {@code ServiceClients} (an admin's pages):
 *
 * <pre>{@code
 * AuditApi audit = serviceClients.create(AuditApi.class, "audit");
 * AuditPage downloads = audit.entries(null, "resume.downloaded", null, null, null, null, null, 50);
 * }</pre>
 *
 * Only the organisation's admins read it. Entries are written by every service through platform-core's
 * {@code AuditTrail}, never through this API.
 */
public interface AuditApi {

    /** Entries newest first, filtered by any of the parameters (all optional), {@code limit} 1–500 (default 50). */
    @GetExchange("/api/v1/logs")
    AuditPage entries(
            @RequestParam(required = false) String actor,
            @RequestParam(required = false) String action,
            @RequestParam(required = false) String resourceType,
            @RequestParam(required = false) String resourceId,
            @RequestParam(required = false) Instant from,
            @RequestParam(required = false) Instant to,
            @RequestParam(required = false) Long before,
            @RequestParam(required = false) Integer limit);

    /** Every entry that passes the filters as CSV (a header line, then an entry a line, newest first). */
    @GetExchange("/api/v1/logs/export")
    ResponseEntity<byte[]> export(
            @RequestParam(required = false) String actor,
            @RequestParam(required = false) String action,
            @RequestParam(required = false) String resourceType,
            @RequestParam(required = false) String resourceId,
            @RequestParam(required = false) Instant from,
            @RequestParam(required = false) Instant to);

    /** The organisation's alert rules, oldest first. */
    @GetExchange("/api/v1/logs/alert")
    java.util.List<AlertRule> alertRules();

    /** Adds an alert rule (201); at most 50 an organisation. */
    @PostExchange("/api/v1/logs/alert")
    AlertRule addAlertRule(@RequestBody NewAlertRule rule);

    /** Removes a rule and the alerts it raised (204; 404 for another organisation's). */
    @DeleteExchange("/api/v1/logs/alert/{id}")
    void removeAlertRule(@PathVariable java.util.UUID id);

    /** The alerts raised, newest first (the latest 100). */
    @GetExchange("/api/v1/logs/alerts")
    java.util.List<RaisedAlert> alerts();

    /** Checks the organisation's chain from its first entry. */
    @GetExchange("/api/v1/logs/verify")
    ChainVerification verify();
}

package io.openhire.platform.audit;

import java.time.Instant;
import java.util.UUID;

/**
 * One entry for the audit log (topic {@value #TOPIC}): who did what to which record of which organisation, when,
 * from where and with what result. Every service writes these through {@link AuditTrail}; the audit service
 * appends them to the organisation's hash chain. It names records by id only: no personal data travels here.
 *
 * @param entryId the entry's own id (a redelivered event appends nothing)
 * @param actor {@code user:<id>}, {@code api-key:<id>} or {@code service:<name>} ({@code AuthenticatedUser.actor()})
 * @param action what was done, {@code <resource>.<past tense>}: {@code resume.downloaded}, {@code candidate.viewed}
 * @param resourceType the kind of record, e.g. {@code resume}, {@code candidate}
 * @param ip the caller's address as the gateway saw it, or null outside a request
 * @param requestId the request's id (X-Request-Id: the same in every service's logs), or null
 * @param service the service that recorded it
 */
public record AuditRecorded(
        UUID entryId,
        UUID organizationId,
        String actor,
        String action,
        String resourceType,
        String resourceId,
        Result result,
        String ip,
        String requestId,
        String service,
        Instant occurredAt) {

    public static final String TOPIC = "audit.recorded.v1";

    public enum Result {
        SUCCESS,
        /** refused: the caller had no right to it */
        DENIED,
        FAILED
    }
}

package io.openhire.privacy.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A person asked an organisation for their data (ACCESS) or for its erasure (ERASURE), and every service that
 * may hold them is to answer. The event names no one: a service reads the subject (emails, phones) from the
 * privacy service while the request is open ({@code GET /api/v1/privacy/requests/{id}/subject}), does its part and
 * answers ({@code PUT /api/v1/privacy/requests/{id}/answers/{service}}). privacy-client's
 * {@code DataSubjectRequestListener} does all of that for a service around its {@code DataSubjectHandler}.
 *
 * @param requestId the request (also the Kafka key)
 * @param organizationId the organisation the person asked
 * @param type ACCESS or ERASURE
 * @param dueAt the legal deadline (one month after it was received)
 * @param occurredAt when it was opened (or sent again)
 */
public record DataSubjectRequestOpened(
        UUID requestId, UUID organizationId, Type type, Instant dueAt, Instant occurredAt) {

    public static final String TOPIC = "privacy.request-opened.v1";

    public enum Type {
        ACCESS,
        ERASURE
    }
}

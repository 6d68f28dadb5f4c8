package io.openhire.applications.client;

import java.time.Instant;
import java.util.UUID;

/**
 * A request about their data a candidate filed from the portal, as the privacy service answers it.
 *
 * @param id the privacy service's id of the request
 * @param type ACCESS, ERASURE, RECTIFICATION or RESTRICTION
 * @param status OPEN, COMPLETED or REJECTED
 * @param dueAt the legal deadline: one month after it was received
 * @param resolution what the organisation did, or why not (once closed)
 * @param stale true when the privacy service could not be asked just now, or no longer knows the request: it is
 *     shown as last known (at the latest, as it was filed)
 */
public record PortalPrivacyRequest(
        UUID id,
        String type,
        String status,
        Instant receivedAt,
        Instant dueAt,
        Instant completedAt,
        boolean overdue,
        String resolution,
        boolean stale) {}

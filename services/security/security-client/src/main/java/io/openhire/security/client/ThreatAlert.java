package io.openhire.security.client;

import java.time.Instant;
import java.util.UUID;

/**
 * A threat found in the organisation's audit stream.
 *
 * @param kind {@code CREDENTIAL_STUFFING}, {@code BRUTE_FORCE}, {@code MASS_DOWNLOAD} or {@code PRIVILEGE_CHANGE}
 * @param actor who ({@code user:<id>}, {@code api-key:<id>}), or null when the alert is about an address
 * @param ip the address, when known
 * @param occurredAt when the entry that crossed the line happened
 * @param raisedAt when the alert was raised
 */
public record ThreatAlert(
        UUID id, String kind, String actor, String ip, String detail, Instant occurredAt, Instant raisedAt) {}

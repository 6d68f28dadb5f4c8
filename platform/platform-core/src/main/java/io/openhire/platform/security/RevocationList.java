package io.openhire.platform.security;

import java.util.List;

/**
 * identity's {@code GET /.well-known/revocations} ({@link PublishedRevocations} reads it every few seconds):
 * token subjects revoked within a token's lifetime, as SHA-256 hashes so that the list names nobody. A
 * platform protocol (ADR 9), so identity writes and every service reads these records.
 *
 * @param tokenLifetimeSeconds how long an access token lives: older entries cannot matter any more
 */
public record RevocationList(List<Entry> revoked, long tokenLifetimeSeconds) {

    public RevocationList {
        revoked = revoked == null ? List.of() : List.copyOf(revoked);
    }

    /**
     * @param subject SHA-256 (hex) of the token subject
     * @param notBefore epoch seconds: tokens issued at or before this are refused
     */
    public record Entry(String subject, long notBefore) {}
}

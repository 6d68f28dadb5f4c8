package io.openhire.security.client;

import java.time.Instant;

/**
 * One version of the organisation's data key: {@code ACTIVE} (encrypts; there is one) or {@code RETIRED} (still
 * decrypts what it encrypted), and the id of the key-encryption key it is wrapped with. The key itself never leaves
 * the service.
 */
public record DataKeyVersion(int version, String state, String kekId, Instant createdAt, Instant retiredAt) {}

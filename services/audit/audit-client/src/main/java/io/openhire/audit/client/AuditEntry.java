package io.openhire.audit.client;

import java.time.Instant;
import java.util.UUID;

/**
 * One entry of an organisation's audit log, as stored: its place in the organisation's hash chain, what was done,
 * by whom, from where, and the hashes that chain it to the entry before.
 *
 * @param position 1 for the organisation's first entry, then each entry the next number
 * @param actor {@code user:<id>}, {@code api-key:<id>} or {@code service:<name>}
 * @param action {@code <resource>.<past tense>}, e.g. {@code resume.downloaded}
 * @param result {@code SUCCESS}, {@code DENIED} or {@code FAILED}
 * @param occurredAt when the service did it; {@code recordedAt} when the audit log appended it
 * @param previousHash the hash of the entry before (64 zeros for the first)
 * @param hash SHA-256 of this entry's fields and {@code previousHash} (see the audit service's README)
 */
public record AuditEntry(
        long position,
        UUID id,
        UUID organizationId,
        Instant occurredAt,
        Instant recordedAt,
        String actor,
        String action,
        String resourceType,
        String resourceId,
        String result,
        String ip,
        String requestId,
        String service,
        String previousHash,
        String hash) {}

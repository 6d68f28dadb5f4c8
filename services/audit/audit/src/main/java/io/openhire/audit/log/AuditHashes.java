package io.openhire.audit.log;

import io.openhire.audit.client.AuditEntry;
import io.openhire.platform.crypto.Sha256;
import java.time.temporal.ChronoUnit;

/**
 * How an entry is hashed: SHA-256 (hex) of its fields and the previous entry's hash, each field written as its
 * length, a colon and its text (a missing one as a dash), so that no two different entries read the same ("ab" + "c" is not "a" + "bc").
 * Times are in microseconds (what PostgreSQL keeps). Anyone with an export can recompute the chain with this.
 */
final class AuditHashes {

    /** The previous hash of an organisation's first entry. */
    static final String GENESIS = "0".repeat(64);

    private AuditHashes() {}

    static String hash(AuditEntry e) {
        StringBuilder text = new StringBuilder();
        field(text, Long.toString(e.position()));
        field(text, e.id().toString());
        field(text, e.organizationId().toString());
        field(text, e.occurredAt().truncatedTo(ChronoUnit.MICROS).toString());
        field(text, e.recordedAt().truncatedTo(ChronoUnit.MICROS).toString());
        field(text, e.actor());
        field(text, e.action());
        field(text, e.resourceType());
        field(text, e.resourceId());
        field(text, e.result());
        field(text, e.ip());
        field(text, e.requestId());
        field(text, e.service());
        field(text, e.previousHash());
        return Sha256.hex(text.toString());
    }

    private static void field(StringBuilder text, String value) {
        if (value == null) {
            text.append("-\n"); // told apart from an empty text ("0:")
        } else {
            text.append(value.length()).append(':').append(value).append('\n');
        }
    }
}

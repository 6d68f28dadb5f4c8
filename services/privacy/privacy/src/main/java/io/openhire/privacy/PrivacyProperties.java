package io.openhire.privacy;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param key base64 of 32 random bytes: seals pseudonymised values and request subjects, and keys each
 *     organisation's hashes (the all-in-one launcher makes one in its data directory; distributed mode:
 *     {@code OPENHIRE_PRIVACY_KEY})
 * @param participants the services that hold people's data: an access or erasure request is complete when every
 *     one of them has answered (an erasure: with nothing of the person left)
 * @param exportRetention how long an access request's export is kept after it is complete
 * @param erasureLedger the file every completed erasure is written to, outside the database (next to the backups:
 *     the all-in-one's {@code <data>/backups/erasures.ledger}), and filed again from after a restore; none, none kept
 * @param erasureLedgerRetention how long a ledger line is kept: longer than the oldest backup is
 */
@ConfigurationProperties("openhire.privacy")
public record PrivacyProperties(
        String key,
        List<String> participants,
        Duration exportRetention,
        String erasureLedger,
        Duration erasureLedgerRetention) {

    public PrivacyProperties {
        participants = participants == null ? List.of() : List.copyOf(participants);
        exportRetention = exportRetention == null ? Duration.ofDays(30) : exportRetention;
        erasureLedger = erasureLedger == null || erasureLedger.isBlank() ? null : erasureLedger;
        erasureLedgerRetention = erasureLedgerRetention == null ? Duration.ofDays(60) : erasureLedgerRetention;
    }
}

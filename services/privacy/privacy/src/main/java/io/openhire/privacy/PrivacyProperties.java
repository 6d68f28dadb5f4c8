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
 */
@ConfigurationProperties("openhire.privacy")
public record PrivacyProperties(String key, List<String> participants, Duration exportRetention) {

    public PrivacyProperties {
        participants = participants == null ? List.of() : List.copyOf(participants);
        exportRetention = exportRetention == null ? Duration.ofDays(30) : exportRetention;
    }
}

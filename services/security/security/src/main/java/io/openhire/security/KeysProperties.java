package io.openhire.security;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The security service's settings ({@code openhire.keys.*}: {@code openhire.security.*} is platform-core's token
 * checking). {@link #toString()} leaves the keys and the Vault token out.
 *
 * @param kekProvider where the key-encryption key lives: {@code configured} (default) or {@code vault}
 * @param kek the current key-encryption key, base64 of 32 random bytes (provider {@code configured})
 * @param kekId the current key's id; by default derived from the key ({@code kek} and 8 hex digits of its SHA-256)
 * @param previousKeks id → base64 key: keys that still unwrap the data keys wrapped with them until the re-wrap has
 *     run (and, while a new key is being rolled out, the new key, so that instances not yet switched can unwrap)
 * @param vault the transit engine (provider {@code vault})
 * @param cacheTtl how long an unwrapped data key stays in memory (default 5 minutes)
 * @param threats the thresholds of threat detection
 */
@ConfigurationProperties("openhire.keys")
public record KeysProperties(
        KekProvider kekProvider,
        String kek,
        String kekId,
        Map<String, String> previousKeks,
        Vault vault,
        Duration cacheTtl,
        Threats threats) {

    public enum KekProvider {
        CONFIGURED,
        VAULT
    }

    public KeysProperties {
        kekProvider = kekProvider == null ? KekProvider.CONFIGURED : kekProvider;
        previousKeks = previousKeks == null ? Map.of() : Map.copyOf(previousKeks);
        vault = vault == null ? new Vault(null, null, null, null) : vault;
        cacheTtl = cacheTtl == null ? Duration.ofMinutes(5) : cacheTtl;
        if (cacheTtl.isNegative() || cacheTtl.isZero()) {
            throw new IllegalStateException("openhire.keys.cache-ttl must be positive");
        }
        threats = threats == null ? new Threats(null, null, null, null, null, null, null, null) : threats;
    }

    @Override
    public String toString() {
        return "KeysProperties[kekProvider=" + kekProvider + ", kekId=" + kekId + ", previousKeks="
                + previousKeks.keySet() + ", vault=" + vault + ", cacheTtl=" + cacheTtl + ", threats=" + threats + "]";
    }

    /**
     * Vault's transit secrets engine.
     *
     * @param url Vault's address, e.g. {@code https://vault.internal:8200}
     * @param token sent as {@code X-Vault-Token}; needs update on {@code transit/encrypt|decrypt|rewrap/<key>} and
     *     {@code transit/keys/<key>/rotate}, read on {@code transit/keys/<key>}
     * @param keyName the transit key (default {@code openhire})
     * @param mount where the engine is mounted (default {@code transit})
     */
    public record Vault(String url, String token, String keyName, String mount) {

        public Vault {
            keyName = keyName == null || keyName.isBlank() ? "openhire" : keyName.strip();
            mount = mount == null || mount.isBlank() ? "transit" : mount.strip().replaceAll("^/+|/+$", "");
        }

        @Override
        public String toString() {
            return "Vault[url=" + url + ", keyName=" + keyName + ", mount=" + mount + ", token="
                    + (token == null || token.isBlank() ? "(none)" : "(set)") + "]";
        }
    }

    /**
     * When an alert is raised (see the README's threat table).
     *
     * @param credentialStuffingAccounts distinct accounts failing to sign in from one address (default 5)
     * @param credentialStuffingWindow within this long (default 10 minutes)
     * @param bruteForceFailures failed sign-ins of one account (default 10)
     * @param bruteForceWindow within this long (default 10 minutes)
     * @param massDownloads resumes downloaded by one actor (default 50)
     * @param massDownloadWindow within this long (default 60 minutes)
     * @param privilegeActions audit actions that are an alert each time (default {@code user.role-changed},
     *     {@code api-key.created})
     * @param signalRetention how long the sign-in failures and downloads counted are kept (default 1 day; at least
     *     the longest window)
     */
    public record Threats(
            Integer credentialStuffingAccounts,
            Duration credentialStuffingWindow,
            Integer bruteForceFailures,
            Duration bruteForceWindow,
            Integer massDownloads,
            Duration massDownloadWindow,
            List<String> privilegeActions,
            Duration signalRetention) {

        public Threats {
            credentialStuffingAccounts = atLeastOne("credential-stuffing-accounts", credentialStuffingAccounts, 5);
            credentialStuffingWindow = positive("credential-stuffing-window", credentialStuffingWindow, 10);
            bruteForceFailures = atLeastOne("brute-force-failures", bruteForceFailures, 10);
            bruteForceWindow = positive("brute-force-window", bruteForceWindow, 10);
            massDownloads = atLeastOne("mass-downloads", massDownloads, 50);
            massDownloadWindow = positive("mass-download-window", massDownloadWindow, 60);
            privilegeActions = privilegeActions == null
                    ? List.of("user.role-changed", "api-key.created")
                    : List.copyOf(privilegeActions);
            signalRetention = positive("signal-retention", signalRetention, 24 * 60);
            Duration longest = credentialStuffingWindow;
            for (Duration window : List.of(bruteForceWindow, massDownloadWindow)) {
                longest = window.compareTo(longest) > 0 ? window : longest;
            }
            if (signalRetention.compareTo(longest) < 0) {
                throw new IllegalStateException(
                        "openhire.keys.threats.signal-retention must be at least the longest window (" + longest + ")");
            }
        }

        private static int atLeastOne(String property, Integer value, int fallback) {
            if (value == null) {
                return fallback;
            }
            if (value < 1) {
                throw new IllegalStateException("openhire.keys.threats." + property + " must be at least 1");
            }
            return value;
        }

        private static Duration positive(String property, Duration value, int fallbackMinutes) {
            if (value == null) {
                return Duration.ofMinutes(fallbackMinutes);
            }
            if (value.isNegative() || value.isZero()) {
                throw new IllegalStateException("openhire.keys.threats." + property + " must be positive");
            }
            return value;
        }
    }
}

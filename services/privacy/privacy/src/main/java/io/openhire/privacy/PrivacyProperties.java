package io.openhire.privacy;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param key base64 of 32 random bytes: seals the values behind pseudonyms and keys each organisation's hashes
 *     (the all-in-one launcher makes one in its data directory; distributed mode: {@code OPENHIRE_PRIVACY_KEY})
 */
@ConfigurationProperties("openhire.privacy")
public record PrivacyProperties(String key) {}

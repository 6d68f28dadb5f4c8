package io.openhire.privacy.detection;

import io.openhire.pii.Anonymizer;
import io.openhire.platform.crypto.AesGcm;
import io.openhire.privacy.PrivacyProperties;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The keys the anonymiser works with, all from the service's one key: each organisation's hash key (derived,
 * never stored: one organisation's hashes cannot be matched against another's) and the cipher that seals
 * pseudonymised values.
 */
@Component
public class OrganisationKeys {

    private final byte[] serviceKey;
    private final AesGcm cipher;

    OrganisationKeys(PrivacyProperties properties) {
        this.cipher = AesGcm.fromBase64Key("openhire.privacy.key", properties.key());
        this.serviceKey = Base64.getDecoder().decode(properties.key().strip());
    }

    /** HMAC-SHA256(service key, "organisation:" + id): the organisation's key for hashes and lookups. */
    public byte[] hashKey(UUID organizationId) {
        return HexFormat.of().parseHex(Anonymizer.hmac(serviceKey, "organisation:" + organizationId));
    }

    public AesGcm cipher() {
        return cipher;
    }

    static byte[] utf8(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}

package io.openhire.communication.consent;

import io.openhire.communication.CommunicationProperties;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * One-click unsubscribe links (RFC 8058): the message id and an HMAC of it under the service's key, so that
 * nobody can unsubscribe an address from a message they did not receive.
 */
@Component
public class UnsubscribeLinks {

    private final SecretKeySpec key;
    private final String publicUrl;

    UnsubscribeLinks(CommunicationProperties properties) {
        if (properties.key() == null || properties.key().isBlank()) {
            throw new IllegalStateException(
                    "openhire.communication.key is not set (base64 of 32 random bytes; OPENHIRE_COMMUNICATION_KEY)");
        }
        byte[] bytes = Base64.getDecoder().decode(properties.key().strip());
        if (bytes.length < 32) {
            throw new IllegalStateException("openhire.communication.key must be at least 32 bytes (base64)");
        }
        this.key = new SecretKeySpec(bytes, "HmacSHA256");
        this.publicUrl = properties.publicUrl().replaceAll("/+$", "");
    }

    public String link(UUID messageId) {
        return publicUrl + "/api/v1/communications/unsubscribe?m=" + messageId + "&t=" + token(messageId);
    }

    public boolean valid(UUID messageId, String token) {
        return token != null
                && MessageDigest.isEqual(
                        token(messageId).getBytes(StandardCharsets.US_ASCII),
                        token.getBytes(StandardCharsets.US_ASCII));
    }

    private String token(UUID messageId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] digest = mac.doFinal(("unsubscribe:" + messageId).getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(digest)
                    .substring(0, 32);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}

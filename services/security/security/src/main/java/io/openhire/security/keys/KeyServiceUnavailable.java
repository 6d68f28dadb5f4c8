package io.openhire.security.keys;

import io.openhire.platform.errors.DomainException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A data key could not be wrapped or unwrapped: the key service (Vault) is away or refused, or a key-encryption key
 * is missing from the configuration. The caller sees a 503 with nothing of the cause; the log has the cause (never
 * key material, never the Vault token).
 */
public final class KeyServiceUnavailable extends DomainException {

    private static final Logger log = LoggerFactory.getLogger(KeyServiceUnavailable.class);

    private final String reason;

    private KeyServiceUnavailable(String reason) {
        super(
                Category.UNAVAILABLE,
                "key-service-unavailable",
                "Service unavailable",
                "The key service is unavailable. Try again shortly; quote the request id if it lasts.");
        this.reason = reason;
        with("retryAfterSeconds", 5);
    }

    /** Logs {@code reason} and answers the exception to throw. */
    public static KeyServiceUnavailable because(String reason) {
        log.warn("Key service unavailable: {}", reason);
        return new KeyServiceUnavailable(reason);
    }

    /** What went wrong, for logs and tests; not shown to the caller. */
    public String reason() {
        return reason;
    }
}

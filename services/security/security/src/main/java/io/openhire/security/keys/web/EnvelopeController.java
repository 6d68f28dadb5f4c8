package io.openhire.security.keys.web;

import io.openhire.platform.security.AuthenticatedUser;
import io.openhire.platform.web.ProblemException;
import io.openhire.security.client.DecryptRequest;
import io.openhire.security.client.DecryptResult;
import io.openhire.security.client.EncryptRequest;
import io.openhire.security.client.EncryptResult;
import io.openhire.security.keys.Envelope;
import java.util.Arrays;
import java.util.Base64;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/security/encrypt}, {@code /decrypt} and {@code /rewrap}: envelope encryption for OpenHire's services
 * (role {@code SERVICE}), always under the caller's organisation as its token says. People never call these: a
 * service decides what it encrypts and when it decrypts.
 */
@RestController
@RequestMapping("/api/v1/security")
class EnvelopeController {

    /** 1 MiB: secrets and fields, not documents (storage encrypts those itself). */
    static final int MAX_PLAINTEXT = 1 << 20;

    static final int MAX_CONTEXT = 200;

    private final Envelope envelope;

    EnvelopeController(Envelope envelope) {
        this.envelope = envelope;
    }

    @PostMapping("/encrypt")
    @PreAuthorize("hasRole('SERVICE')")
    EncryptResult encrypt(AuthenticatedUser caller, @RequestBody EncryptRequest request) {
        byte[] plaintext = plaintext(request.plaintext());
        try {
            Envelope.Sealed sealed = envelope.encrypt(caller.organizationId(), plaintext, context(request.context()));
            return new EncryptResult(sealed.ciphertext(), sealed.keyVersion());
        } finally {
            Arrays.fill(plaintext, (byte) 0);
        }
    }

    @PostMapping("/decrypt")
    @PreAuthorize("hasRole('SERVICE')")
    DecryptResult decrypt(AuthenticatedUser caller, @RequestBody DecryptRequest request) {
        Envelope.Opened opened =
                envelope.decrypt(caller.organizationId(), request.ciphertext(), context(request.context()));
        try {
            return new DecryptResult(Base64.getEncoder().encodeToString(opened.plaintext()), opened.keyVersion());
        } finally {
            Arrays.fill(opened.plaintext(), (byte) 0);
        }
    }

    @PostMapping("/rewrap")
    @PreAuthorize("hasRole('SERVICE')")
    EncryptResult rewrap(AuthenticatedUser caller, @RequestBody DecryptRequest request) {
        Envelope.Sealed sealed =
                envelope.rewrap(caller.organizationId(), request.ciphertext(), context(request.context()));
        return new EncryptResult(sealed.ciphertext(), sealed.keyVersion());
    }

    private static byte[] plaintext(String base64) {
        if (base64 == null) {
            throw ProblemException.invalidField("plaintext", "is required (the bytes to encrypt, base64)");
        }
        // checked before decoding, so that an oversized body costs no more than its reading
        if (base64.length() > (MAX_PLAINTEXT + 2) / 3 * 4) {
            throw ProblemException.invalidField("plaintext", "must be at most 1 MiB once decoded");
        }
        byte[] plaintext;
        try {
            plaintext = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("plaintext", "is not base64 (RFC 4648, the standard alphabet)");
        }
        if (plaintext.length > MAX_PLAINTEXT) { // base64 comes in groups of 3 bytes: the length check above is coarse
            throw ProblemException.invalidField("plaintext", "must be at most 1 MiB once decoded");
        }
        return plaintext;
    }

    /** Optional; up to 200 characters. It is part of what the ciphertext is bound to, so it is taken as given. */
    static String context(String context) {
        if (context == null) {
            return null;
        }
        if (context.length() > MAX_CONTEXT) {
            throw ProblemException.invalidField("context", "must be at most 200 characters");
        }
        if (context.chars().anyMatch(Character::isISOControl)) {
            throw ProblemException.invalidField("context", "must not contain control characters");
        }
        return context;
    }
}

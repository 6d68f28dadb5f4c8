package io.openhire.security.client;

import java.util.List;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.PostExchange;

/**
 * The security service as an HTTP interface for {@code ServiceClients}: envelope encryption and tokenisation under
 * the calling organisation's data keys (services only), the organisation's key versions and its threat alerts.
 *
 * <pre>{@code
 * SecurityApi security = serviceClients.create(SecurityApi.class, "security");
 * EncryptResult sealed = security.encrypt(EncryptRequest.of(password, "mailbox-password"));
 * byte[] password = security.decrypt(new DecryptRequest(sealed.ciphertext(), "mailbox-password")).bytes();
 * }</pre>
 */
public interface SecurityApi {

    @PostExchange("/api/v1/security/encrypt")
    EncryptResult encrypt(@RequestBody EncryptRequest request);

    @PostExchange("/api/v1/security/decrypt")
    DecryptResult decrypt(@RequestBody DecryptRequest request);

    /** The ciphertext again, under the organisation's active key version: what a re-encryption job calls. */
    @PostExchange("/api/v1/security/rewrap")
    EncryptResult rewrap(@RequestBody DecryptRequest request);

    @PostExchange("/api/v1/security/tokenize")
    TokenizeResult tokenize(@RequestBody TokenizeRequest request);

    @PostExchange("/api/v1/security/detokenize")
    DetokenizeResult detokenize(@RequestBody DetokenizeRequest request);

    @GetExchange("/api/v1/security/keys")
    List<DataKeyVersion> keys();

    /** A new active data key version for the organisation (admins); the previous one keeps decrypting. */
    @PostExchange("/api/v1/security/keys/rotate")
    DataKeyVersion rotate();

    @GetExchange("/api/v1/security/threats")
    List<ThreatAlert> threats(@RequestParam(required = false) Integer limit);
}

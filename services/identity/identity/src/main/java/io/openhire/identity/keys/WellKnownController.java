package io.openhire.identity.keys;

import io.openhire.identity.IdentityProperties;
import io.openhire.identity.revocation.Revocations;
import io.openhire.platform.security.RevocationList;
import io.openhire.platform.security.SecurityProperties;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Where services and clients find the public signing keys and the token endpoints. */
@RestController
class WellKnownController {

    private final SigningKeys keys;
    private final SecurityProperties security;
    private final Revocations revocations;
    private final IdentityProperties identity;

    WellKnownController(
            SigningKeys keys, SecurityProperties security, Revocations revocations, IdentityProperties identity) {
        this.keys = keys;
        this.security = security;
        this.revocations = revocations;
        this.identity = identity;
    }

    @GetMapping(value = "/.well-known/jwks.json", produces = "application/jwk-set+json")
    ResponseEntity<Map<String, Object>> jwks() {
        return ResponseEntity.ok()
                .cacheControl(CacheControl.maxAge(5, TimeUnit.MINUTES).cachePublic())
                .body(keys.published().toJSONObject(true));
    }

    /**
     * Token subjects revoked recently enough to matter (SHA-256 hashes, so the list names nobody): every
     * service reads it every few seconds and refuses tokens issued at or before {@code notBefore}.
     */
    @GetMapping("/.well-known/revocations")
    ResponseEntity<RevocationList> revocations() {
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .body(new RevocationList(
                        revocations.published(), identity.accessTokenTtl().toSeconds()));
    }

    @GetMapping("/.well-known/openid-configuration")
    Map<String, Object> configuration() {
        String issuer = security.issuer();
        return Map.of(
                "issuer",
                issuer,
                "jwks_uri",
                issuer + "/.well-known/jwks.json",
                "token_endpoint",
                issuer + "/api/v1/users/login",
                "revocation_endpoint",
                issuer + "/api/v1/users/logout",
                "userinfo_endpoint",
                issuer + "/api/v1/users/profile",
                "id_token_signing_alg_values_supported",
                List.of("RS256"),
                "subject_types_supported",
                List.of("public"),
                "response_types_supported",
                List.of("token"));
    }
}

package io.openhire.identity.login.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.openhire.identity.apikeys.ApiKeyService;
import io.openhire.identity.login.LoginService;
import io.openhire.identity.serviceaccounts.ServiceTokens;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Token endpoints: password login, refresh, logout, and API-key exchange for machine clients. */
@RestController
@RequestMapping("/api/v1/users")
class LoginController {

    private final LoginService logins;
    private final ApiKeyService apiKeys;
    private final ServiceTokens serviceTokens;

    LoginController(LoginService logins, ApiKeyService apiKeys, ServiceTokens serviceTokens) {
        this.logins = logins;
        this.apiKeys = apiKeys;
        this.serviceTokens = serviceTokens;
    }

    record LoginRequest(
            @NotBlank @Size(max = 254) String email,
            @NotBlank @Size(max = 1024) String password) {}

    record RefreshRequest(
            @JsonProperty("refresh_token") @NotBlank @Size(max = 512)
            String refreshToken) {}

    record ApiKeyTokenRequest(
            @JsonProperty("api_key") @NotBlank @Size(max = 512)
            String apiKey) {}

    record ServiceTokenRequest(
            @JsonProperty("client_id") @NotBlank @Size(max = 100)
            String clientId,

            @JsonProperty("client_secret") @NotBlank @Size(max = 512)
            String clientSecret,

            @JsonProperty("organization_id") @NotNull UUID organizationId) {}

    /** OAuth 2.0 token response field names (RFC 6749 section 5.1). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record TokenResponse(
            @JsonProperty("access_token") String accessToken,
            @JsonProperty("refresh_token") String refreshToken,
            @JsonProperty("token_type") String tokenType,
            @JsonProperty("expires_in") long expiresIn) {

        static TokenResponse of(LoginService.Tokens tokens) {
            return new TokenResponse(tokens.accessToken(), tokens.refreshToken(), "Bearer", tokens.expiresInSeconds());
        }
    }

    @PostMapping("/login")
    ResponseEntity<TokenResponse> login(@Valid @RequestBody LoginRequest request) {
        return noStore(TokenResponse.of(logins.login(request.email().strip(), request.password())));
    }

    @PostMapping("/refresh")
    ResponseEntity<TokenResponse> refresh(@Valid @RequestBody RefreshRequest request) {
        return noStore(TokenResponse.of(logins.refresh(request.refreshToken())));
    }

    @PostMapping("/logout")
    ResponseEntity<Void> logout(@Valid @RequestBody RefreshRequest request) {
        logins.logout(request.refreshToken());
        return ResponseEntity.noContent().build();
    }

    /** Client-credentials style: an API key buys a short-lived access token, no refresh token. */
    @PostMapping("/token")
    ResponseEntity<TokenResponse> token(@Valid @RequestBody ApiKeyTokenRequest request) {
        ApiKeyService.Token token = apiKeys.exchange(request.apiKey());
        return noStore(new TokenResponse(token.accessToken(), null, "Bearer", token.expiresInSeconds()));
    }

    /**
     * For OpenHire's own services acting for an organisation (client credentials plus the organisation).
     * Not routed publicly in practice: the gateway requires a token for it.
     */
    @PostMapping("/service-token")
    ResponseEntity<TokenResponse> serviceToken(@Valid @RequestBody ServiceTokenRequest request) {
        ServiceTokens.Token token =
                serviceTokens.issue(request.clientId(), request.clientSecret(), request.organizationId());
        return noStore(new TokenResponse(token.accessToken(), null, "Bearer", token.expiresInSeconds()));
    }

    private static <T> ResponseEntity<T> noStore(T body) {
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .header("Pragma", "no-cache")
                .body(body);
    }
}

package io.openhire.identity.login.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.openhire.identity.apikeys.ApiKeyService;
import io.openhire.identity.login.LoginService;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
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

    LoginController(LoginService logins, ApiKeyService apiKeys) {
        this.logins = logins;
        this.apiKeys = apiKeys;
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

    private static <T> ResponseEntity<T> noStore(T body) {
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .header("Pragma", "no-cache")
                .body(body);
    }
}

package io.openhire.identity.login.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.openhire.identity.apikeys.ApiKeyService;
import io.openhire.identity.client.LoginRequest;
import io.openhire.identity.client.RedeemSignInLink;
import io.openhire.identity.client.RefreshRequest;
import io.openhire.identity.client.SignInLink;
import io.openhire.identity.client.SignInLinkRequest;
import io.openhire.identity.client.TokenResponse;
import io.openhire.identity.login.LoginService;
import io.openhire.identity.login.SignInLinks;
import io.openhire.identity.serviceaccounts.ServiceTokens;
import io.openhire.platform.http.ServiceTokenExchange;
import io.openhire.platform.security.AuthenticatedUser;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Token endpoints: password login, refresh, logout, and API-key exchange for machine clients. */
@RestController
@RequestMapping("/api/v1/users")
class LoginController {

    private final LoginService logins;
    private final SignInLinks links;
    private final ApiKeyService apiKeys;
    private final ServiceTokens serviceTokens;

    LoginController(LoginService logins, SignInLinks links, ApiKeyService apiKeys, ServiceTokens serviceTokens) {
        this.logins = logins;
        this.links = links;
        this.apiKeys = apiKeys;
        this.serviceTokens = serviceTokens;
    }

    record ApiKeyTokenRequest(
            @JsonProperty("api_key") @NotBlank @Size(max = 512)
            String apiKey) {}

    /**
     * The answer to a password sign-in or a refresh: with a refresh token. The request and answer records are
     * identity-client's, the ones other services read.
     */
    private static TokenResponse tokens(LoginService.Tokens tokens) {
        return new TokenResponse(tokens.accessToken(), tokens.refreshToken(), "Bearer", tokens.expiresInSeconds());
    }

    @PostMapping("/login")
    ResponseEntity<TokenResponse> login(@Valid @RequestBody LoginRequest request) {
        return noStore(tokens(logins.login(request.email().strip(), request.password())));
    }

    @PostMapping("/refresh")
    ResponseEntity<TokenResponse> refresh(@Valid @RequestBody RefreshRequest request) {
        return noStore(tokens(logins.refresh(request.refreshToken())));
    }

    @PostMapping("/logout")
    ResponseEntity<Void> logout(@Valid @RequestBody RefreshRequest request) {
        logins.logout(request.refreshToken());
        return ResponseEntity.noContent().build();
    }

    /**
     * A candidate's one-time sign-in link, for the service that mails it (applications' candidate portal). Services
     * only: the secret comes back in the answer.
     */
    @PostMapping("/sign-in-links")
    @PreAuthorize("hasRole('SERVICE')")
    ResponseEntity<SignInLink> signInLink(AuthenticatedUser service, @Valid @RequestBody SignInLinkRequest request) {
        SignInLinks.Link link = links.issue(service, request.email().strip(), request.name());
        return noStore(new SignInLink(link.userId(), link.token(), link.expiresAt()));
    }

    /** Signs in with a sign-in link (public: the link is the credential). */
    @PostMapping("/sign-in-links/redeem")
    ResponseEntity<TokenResponse> redeemSignInLink(@Valid @RequestBody RedeemSignInLink request) {
        return noStore(tokens(links.redeem(request.token())));
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
    ResponseEntity<ServiceTokenExchange.Answer> serviceToken(@Valid @RequestBody ServiceTokenExchange.Request request) {
        ServiceTokens.Token token =
                serviceTokens.issue(request.clientId(), request.clientSecret(), request.organizationId());
        return noStore(new ServiceTokenExchange.Answer(token.accessToken(), "Bearer", token.expiresInSeconds()));
    }

    private static <T> ResponseEntity<T> noStore(T body) {
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .header("Pragma", "no-cache")
                .body(body);
    }
}

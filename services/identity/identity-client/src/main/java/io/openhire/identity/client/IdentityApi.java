package io.openhire.identity.client;

import java.util.UUID;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.PatchExchange;
import org.springframework.web.service.annotation.PostExchange;

/**
 * identity's API for other services, as an HTTP interface for {@code ServiceClients}: password sign-in and
 * token renewal, the signed-in person's profile, and (for an organisation's admins) its users.
 *
 * <pre>{@code
 * IdentityApi identity = serviceClients.create(IdentityApi.class, "identity");
 * TokenResponse tokens = identity.login(new LoginRequest(email, password));
 * UserProfile me = identity.profile("Bearer " + tokens.accessToken());
 * }</pre>
 *
 * Errors are problem details (RFC 9457): 401 for a wrong password, 403 for an account that is not active,
 * 423 or 429 for a locked one, 400 with field errors for invalid input.
 */
public interface IdentityApi {

    @PostExchange("/api/v1/users/login")
    TokenResponse login(@RequestBody LoginRequest credentials);

    /** New tokens for a refresh token; the old refresh token is spent (identity rotates them). */
    @PostExchange("/api/v1/users/refresh")
    TokenResponse refresh(@RequestBody RefreshRequest request);

    /** Revokes the refresh token (signing out). */
    @PostExchange("/api/v1/users/logout")
    void logout(@RequestBody RefreshRequest request);

    /**
     * A one-time sign-in link for a candidate of the caller's organisation (services only): the caller mails it.
     * 409 when the address is a staff login of the organisation.
     */
    @PostExchange("/api/v1/users/sign-in-links")
    SignInLink signInLink(@RequestBody SignInLinkRequest request);

    /** Signs in with a sign-in link (once, within 30 minutes); 401 when it is unknown, used or expired. */
    @PostExchange("/api/v1/users/sign-in-links/redeem")
    TokenResponse redeemSignInLink(@RequestBody RedeemSignInLink request);

    /** A user of the caller's organisation (admins, or the user themself). */
    @GetExchange("/api/v1/users/{id}")
    UserProfile user(@PathVariable UUID id);

    /** With an explicit token ({@code Bearer …}): for a caller that holds one before its session does. */
    @GetExchange("/api/v1/users/profile")
    UserProfile profile(@RequestHeader("Authorization") String bearer);

    /** The caller's organisation's users (admins only), by name; {@code limit} 1–200. */
    /** The organisation's active staff (admins and recruiters) by name, for mentions; staff only. */
    @GetExchange("/api/v1/users/colleagues")
    java.util.List<Colleague> colleagues();

    @GetExchange("/api/v1/users")
    UserPage users(@RequestParam int offset, @RequestParam int limit);

    /** Adds someone to the caller's organisation (admins only): with a password, or invited (no password). */
    @PostExchange("/api/v1/users")
    AddedUser addUser(@RequestBody AddUserRequest user);

    /** Changes a user's role and/or status (admins only); a null field stays as it is. */
    @PatchExchange("/api/v1/users/{id}")
    UserProfile changeUser(@PathVariable UUID id, @RequestBody UserUpdate change);
}

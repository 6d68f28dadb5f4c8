package io.openhire.dashboard.api;

import java.util.Map;
import java.util.UUID;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.PatchExchange;
import org.springframework.web.service.annotation.PostExchange;

/** identity: sign-in tokens, the signed-in user's profile, the organisation's users. */
public interface IdentityApi {

    record Tokens(String access_token, String refresh_token, long expires_in) {}

    @PostExchange("/api/v1/users/login")
    Tokens login(@RequestBody Map<String, String> credentials);

    @PostExchange("/api/v1/users/refresh")
    Tokens refresh(@RequestBody Map<String, String> refreshToken);

    @PostExchange("/api/v1/users/logout")
    void logout(@RequestBody Map<String, String> refreshToken);

    /** With an explicit token: called while signing in, before the session holds one. */
    @GetExchange("/api/v1/users/profile")
    Map<String, Object> profile(@RequestHeader("Authorization") String bearer);

    @GetExchange("/api/v1/users")
    Map<String, Object> users(@RequestParam int offset, @RequestParam int limit);

    @PostExchange("/api/v1/users")
    Map<String, Object> addUser(@RequestBody Map<String, Object> user);

    @PatchExchange("/api/v1/users/{id}")
    Map<String, Object> changeUser(@PathVariable UUID id, @RequestBody Map<String, Object> change);
}

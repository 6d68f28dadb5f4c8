package io.openhire.identity.client;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A refresh token, to renew ({@code /refresh}) or revoke ({@code /logout}); OAuth 2.0's field name. */
public record RefreshRequest(
        @JsonProperty("refresh_token") @NotBlank @Size(max = 512)
        String refreshToken) {}

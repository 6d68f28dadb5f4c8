package io.openhire.identity.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Tokens, with OAuth 2.0's token response field names (RFC 6749 section 5.1).
 *
 * @param refreshToken null for machine clients (API keys, service accounts), which ask again instead
 * @param expiresIn seconds the access token is valid for
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TokenResponse(
        @JsonProperty("access_token") String accessToken,
        @JsonProperty("refresh_token") String refreshToken,
        @JsonProperty("token_type") String tokenType,
        @JsonProperty("expires_in") long expiresIn) {}

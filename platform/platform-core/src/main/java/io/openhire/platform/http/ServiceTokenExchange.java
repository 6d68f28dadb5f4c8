package io.openhire.platform.http;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/**
 * How a service gets a token to act for an organisation ({@link ServiceAccount}): the body it sends to
 * identity's {@code POST /api/v1/users/service-token} and the answer, with OAuth 2.0's client-credentials
 * field names. A platform protocol, so both sides use these records: identity to read and answer, every
 * service to ask.
 */
public final class ServiceTokenExchange {

    private ServiceTokenExchange() {}

    public record Request(
            @JsonProperty("client_id") @NotBlank @Size(max = 100)
            String clientId,

            @JsonProperty("client_secret") @NotBlank @Size(max = 512)
            String clientSecret,

            @JsonProperty("organization_id") @NotNull UUID organizationId) {

        @Override
        public String toString() {
            return "Request[clientId=" + clientId + ", organizationId=" + organizationId + "]"; // no secret in logs
        }
    }

    /** @param expiresIn seconds the access token is valid for */
    public record Answer(
            @JsonProperty("access_token") String accessToken,
            @JsonProperty("token_type") String tokenType,
            @JsonProperty("expires_in") long expiresIn) {

        @Override
        public String toString() {
            return "Answer[tokenType=" + tokenType + ", expiresIn=" + expiresIn + "]";
        }
    }
}

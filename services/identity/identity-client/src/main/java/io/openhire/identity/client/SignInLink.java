package io.openhire.identity.client;

import java.time.Instant;
import java.util.UUID;

/**
 * A one-time sign-in link's secret, for the service to mail (never to log), and the account it opens.
 *
 * @param token what the person sends back to {@code POST /api/v1/users/sign-in-links/redeem}
 */
public record SignInLink(UUID userId, String token, Instant expiresAt) {}

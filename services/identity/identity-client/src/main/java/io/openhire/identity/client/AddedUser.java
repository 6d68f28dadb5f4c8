package io.openhire.identity.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * A user just added. {@code invitationToken} is there only when they were invited (added without a
 * password): shown once, never stored in clear, valid until {@code invitationExpiresAt}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AddedUser(UserProfile user, String invitationToken, Instant invitationExpiresAt) {}

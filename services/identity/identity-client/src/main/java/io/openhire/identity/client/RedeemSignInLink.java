package io.openhire.identity.client;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The secret of a sign-in link, spent by signing in with it. */
public record RedeemSignInLink(@NotBlank @Size(max = 512) String token) {}

package io.openhire.identity.client;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A service asks for a candidate's sign-in link (for the caller's organisation; the account is made the first
 * time).
 *
 * @param name how to call the person when their account is new (else their address)
 */
public record SignInLinkRequest(
        @NotBlank @Email @Size(max = 254) String email,
        @Size(max = 200) String name) {}

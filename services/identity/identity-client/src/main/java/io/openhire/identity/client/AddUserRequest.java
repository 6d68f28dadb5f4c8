package io.openhire.identity.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Someone an admin adds to their organisation.
 *
 * @param password their password, checked against identity's password policy; null to invite them instead
 *     (the answer then carries a one-time invitation token)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AddUserRequest(
        @NotBlank @Email @Size(max = 254) String email,
        @NotBlank @Size(max = 200) String name,
        @NotNull Role role,
        String password) {}

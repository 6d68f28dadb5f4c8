package io.openhire.identity.client;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Password sign-in ({@code POST /api/v1/users/login}). */
public record LoginRequest(
        @NotBlank @Size(max = 254) String email,
        @NotBlank @Size(max = 1024) String password) {}

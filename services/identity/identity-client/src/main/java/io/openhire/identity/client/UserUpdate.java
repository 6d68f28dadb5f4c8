package io.openhire.identity.client;

import com.fasterxml.jackson.annotation.JsonInclude;

/** An admin's change to a user: a null field is left as it is. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UserUpdate(Role role, UserStatus status) {}

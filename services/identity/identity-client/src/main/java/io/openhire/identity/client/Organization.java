package io.openhire.identity.client;

import java.util.UUID;

/** The organisation a user belongs to. */
public record Organization(UUID id, String name) {}

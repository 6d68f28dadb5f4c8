package io.openhire.identity.client;

import java.util.UUID;

/** A member of the organisation's staff as colleagues see them: whom a note can mention. No email, no role. */
public record Colleague(UUID id, String name) {}

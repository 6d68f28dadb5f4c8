package io.openhire.applications.client;

import java.util.UUID;

/** A CLIENT user of the organisation who belongs to the client company. */
public record ClientMemberRequest(UUID userId) {}

package io.openhire.applications.client;

import java.util.UUID;

/** The client company a job is run for; null to unlink it (its shortlist stops being shown). */
public record JobClientRequest(UUID clientId) {}

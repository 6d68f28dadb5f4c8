package io.openhire.applications.client;

import java.time.Instant;
import java.util.UUID;

/** A person's saved candidate search. */
public record SavedSearch(UUID id, String name, CandidateQuery query, Instant createdAt) {}

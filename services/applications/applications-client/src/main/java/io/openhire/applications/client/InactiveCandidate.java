package io.openhire.applications.client;

import java.time.Instant;
import java.util.UUID;

/**
 * A candidate nothing has happened to since {@code lastActivityAt} (their record, a resume, an application, a move):
 * what the privacy service's retention run needs to ask for their erasure.
 */
public record InactiveCandidate(UUID candidateId, String name, String email, String phone, Instant lastActivityAt) {}

package io.openhire.applications.client;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A line of candidate search: who, what they do, where, tags, and how many applications are open. */
public record CandidateSummary(
        UUID id,
        String name,
        String email,
        String headline,
        String location,
        List<String> skills,
        List<String> tags,
        int openApplications,
        Instant updatedAt) {}

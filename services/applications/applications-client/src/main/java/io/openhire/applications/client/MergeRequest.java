package io.openhire.applications.client;

import java.util.UUID;

/** Merges the duplicate record {@code candidateId} into the one named in the path. */
public record MergeRequest(UUID candidateId) {}

package io.openhire.matching.client;

import java.util.List;
import java.util.UUID;

/** A blind-listed candidate's name and contacts, revealed for one job. */
public record Revealed(UUID jobId, UUID candidateId, String name, List<String> emails, List<String> phones) {}

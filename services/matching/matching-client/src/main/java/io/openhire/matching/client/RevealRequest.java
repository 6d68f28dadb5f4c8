package io.openhire.matching.client;

import jakarta.validation.constraints.NotNull;
import java.util.UUID;

/** Blind review: show who this candidate is, for this job. */
public record RevealRequest(@NotNull UUID jobId, @NotNull UUID candidateId) {}

package io.openhire.applications.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.UUID;

/** Moves up to 500 applications to one stage at once (a bulk rejection is a move to the Rejected stage). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BulkMoveRequest(List<UUID> applicationIds, UUID stageId, String reason) {}

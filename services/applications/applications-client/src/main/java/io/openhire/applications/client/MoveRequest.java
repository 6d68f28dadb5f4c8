package io.openhire.applications.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.UUID;

/**
 * Moves an application to a stage.
 *
 * @param reason required for a stage of category Rejected, one of the organisation's rejection reasons
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MoveRequest(UUID stageId, String reason) {}

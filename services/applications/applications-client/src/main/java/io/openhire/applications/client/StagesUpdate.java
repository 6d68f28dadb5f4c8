package io.openhire.applications.client;

import io.openhire.applications.events.StageCategory;
import java.util.List;
import java.util.UUID;

/**
 * The whole list of stages, in order, as it should be. A stage with an id is kept (renamed, moved); one without
 * is new; one left out is removed (refused while applications are in it). There is exactly one each of Hired,
 * Rejected and Withdrawn; the active stages (Applied, Screening, Interview, Offer categories) start with one
 * of category Applied.
 *
 * @param rejectionReasons the list a rejection chooses from (1–30 reasons)
 */
public record StagesUpdate(List<Stage> stages, List<String> rejectionReasons) {

    public record Stage(UUID id, String name, StageCategory category) {}
}

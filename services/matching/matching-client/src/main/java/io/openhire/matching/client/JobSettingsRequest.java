package io.openhire.matching.client;

import io.openhire.matching.events.ScoreCategory;
import java.util.Map;

/**
 * A job's settings to save. Both are sent, also when null: null hands the setting back to the default.
 *
 * @param blind null: the organisation's
 * @param weights relative weights per category (any scale, at least one above 0); null: the model's
 */
public record JobSettingsRequest(Boolean blind, Map<ScoreCategory, Double> weights) {}

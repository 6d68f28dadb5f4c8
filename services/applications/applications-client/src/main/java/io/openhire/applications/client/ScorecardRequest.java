package io.openhire.applications.client;

import java.util.Map;

/**
 * The caller's scorecard of an application in its current stage.
 *
 * @param ratings 1 (strong no) – 4 (strong yes) for every criterion of the job
 * @param overall 1–4
 * @param comment at most 2,000 characters
 */
public record ScorecardRequest(Map<String, Integer> ratings, Integer overall, String comment) {}

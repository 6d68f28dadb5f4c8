package io.openhire.modelregistry.client;

/**
 * A promotion gate: a version becomes {@code champion} only if its metric is present and within bounds.
 *
 * @param metric the metric's name as registered, e.g. {@code ndcg@10}
 * @param min the lowest acceptable value, or null
 * @param max the highest acceptable value (for latencies, error rates), or null
 */
public record Gate(String metric, Double min, Double max) {}

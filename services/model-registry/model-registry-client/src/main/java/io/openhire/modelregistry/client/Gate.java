package io.openhire.modelregistry.client;

/**
 * A promotion gate: a version becomes {@code champion} only if it reports the metric, within the bounds and,
 * with {@code atLeastChampion}, not below the current champion's value of it (a champion that does not
 * report the metric leaves nothing to compare: that part of the gate passes).
 *
 * @param metric the metric's name as registered, e.g. {@code ndcg@10}
 * @param min the lowest acceptable value, or null
 * @param max the highest acceptable value (for latencies, error rates), or null
 * @param atLeastChampion true: the value must be at least the current champion's (for metrics where higher
 *     is better); null or false: no comparison
 */
public record Gate(String metric, Double min, Double max, Boolean atLeastChampion) {

    /** A gate of bounds only. */
    public Gate(String metric, Double min, Double max) {
        this(metric, min, max, null);
    }

    /** A version must do at least as well as the champion on {@code metric}. */
    public static Gate atLeastChampion(String metric) {
        return new Gate(metric, null, null, true);
    }

    public boolean comparesWithChampion() {
        return Boolean.TRUE.equals(atLeastChampion);
    }
}

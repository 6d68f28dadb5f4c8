package io.openhire.modelregistry.models;

import java.time.Instant;
import java.util.List;

/** A named model (e.g. {@code text-embedding}) whose versions are promoted under aliases. */
public record RegisteredModel(
        String name, String task, String description, List<Gate> gates, Instant createdAt, Instant updatedAt) {

    /**
     * A promotion gate: a version becomes {@code champion} only if it reports the metric, within the bounds
     * and, with {@code atLeastChampion}, not below the current champion's value (when the champion has one).
     *
     * @param metric the metric's name as registered, e.g. {@code ndcg@10}
     * @param min the lowest acceptable value, or null
     * @param max the highest acceptable value (for latencies, error rates), or null
     * @param atLeastChampion true: not below the current champion's value; null (gates set before it existed)
     *     or false: no comparison
     */
    public record Gate(String metric, Double min, Double max, Boolean atLeastChampion) {

        public boolean comparesWithChampion() {
            return Boolean.TRUE.equals(atLeastChampion);
        }
    }
}

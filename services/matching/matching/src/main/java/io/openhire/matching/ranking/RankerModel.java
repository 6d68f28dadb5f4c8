package io.openhire.matching.ranking;

import io.openhire.platform.web.ProblemException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The ranking function, as the registry's {@code match-ranker} version says: a weight per category of the
 * match breakdown (version 1 is this transparent weighted sum) and how many candidates retrieval hands it.
 *
 * @param version the registry version, or null for the built-in copy of version 1 used until the registry
 *     answers
 */
public record RankerModel(Integer version, Map<String, Double> weights, int lexicalCandidates, int vectorCandidates) {

    public static final String NAME = "match-ranker";

    /** The categories of a match breakdown, in the order they are shown. */
    public static final List<String> CATEGORIES =
            List.of("requiredSkills", "niceToHaveSkills", "title", "semantic", "experience", "location", "salary");

    /** Version 1's numbers (the registry seeds the same file), for a start while the registry is away. */
    public static RankerModel builtIn() {
        Map<String, Double> weights = new LinkedHashMap<>();
        weights.put("requiredSkills", 0.30);
        weights.put("niceToHaveSkills", 0.10);
        weights.put("title", 0.15);
        weights.put("semantic", 0.20);
        weights.put("experience", 0.15);
        weights.put("location", 0.07);
        weights.put("salary", 0.03);
        return new RankerModel(null, weights, 200, 100);
    }

    /** Reads a {@code openhire-weighted-ranker/1} file. */
    public static RankerModel parse(int version, JsonNode file) {
        if (!"openhire-weighted-ranker/1".equals(file.path("format").asString(""))) {
            throw new IllegalArgumentException(
                    "match-ranker version " + version + " is not an openhire-weighted-ranker/1 file");
        }
        Map<String, Double> weights = new LinkedHashMap<>();
        for (String category : CATEGORIES) {
            weights.put(category, file.path("weights").path(category).asDouble(0));
        }
        checkWeights(weights);
        JsonNode retrieval = file.path("retrieval");
        return new RankerModel(
                version,
                weights,
                Math.max(10, retrieval.path("lexicalCandidates").asInt(200)),
                Math.max(10, retrieval.path("vectorCandidates").asInt(100)));
    }

    /**
     * Weights a recruiter sets for a job: any subset of the categories, each 0–10, not all 0.
     *
     * @throws ProblemException 400 naming the first bad entry
     */
    public static Map<String, Double> validWeights(Map<String, Double> weights) {
        if (weights == null || weights.isEmpty()) {
            throw ProblemException.invalidField("weights", "must name at least one of " + CATEGORIES);
        }
        for (Map.Entry<String, Double> entry : weights.entrySet()) {
            if (!CATEGORIES.contains(entry.getKey())) {
                throw ProblemException.invalidField("weights", "unknown category; use " + CATEGORIES);
            }
            Double value = entry.getValue();
            if (value == null || !Double.isFinite(value) || value < 0 || value > 10) {
                throw ProblemException.invalidField("weights." + entry.getKey(), "must be a number from 0 to 10");
            }
        }
        if (weights.values().stream().allMatch(w -> w == 0)) {
            throw ProblemException.invalidField("weights", "at least one weight must be above 0");
        }
        return Map.copyOf(weights);
    }

    private static void checkWeights(Map<String, Double> weights) {
        for (double w : weights.values()) {
            if (!Double.isFinite(w) || w < 0) {
                throw new IllegalArgumentException("match-ranker weights must be finite and not negative");
            }
        }
        if (weights.values().stream().allMatch(w -> w == 0)) {
            throw new IllegalArgumentException("match-ranker weights are all 0");
        }
    }

    /** The model's weights with a job's overrides on top (categories the job does not name keep theirs). */
    public Map<String, Double> weightsWith(Map<String, Double> overrides) {
        Map<String, Double> merged = new LinkedHashMap<>(weights);
        if (overrides != null) {
            merged.putAll(overrides);
        }
        return merged;
    }
}

package io.openhire.matching.ranking;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.openhire.matching.events.ScoreCategory;
import io.openhire.platform.errors.DomainException;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * The ranking function, as the registry's {@code match-ranker} version says: a weight per category of the
 * match breakdown (version 1 is this transparent weighted sum) and how many candidates retrieval hands it.
 *
 * @param weights per category, in {@link ScoreCategory} order; a category the file does not name weighs 0
 * @param version the registry version, or null for the built-in copy of version 1 used until the registry
 *     answers
 */
public record RankerModel(
        Integer version, Map<ScoreCategory, Double> weights, int lexicalCandidates, int vectorCandidates) {

    public static final String NAME = "match-ranker";
    static final String FORMAT = "openhire-weighted-ranker/1";

    /** The keys clients and model files use, in the order a breakdown shows them (for error messages). */
    static final List<String> KEYS =
            Arrays.stream(ScoreCategory.values()).map(ScoreCategory::key).toList();

    public RankerModel {
        Map<ScoreCategory, Double> copy = new EnumMap<>(ScoreCategory.class);
        copy.putAll(weights);
        weights = Collections.unmodifiableMap(copy);
    }

    /** Version 1's numbers (the registry seeds the same file), for a start while the registry is away. */
    public static RankerModel builtIn() {
        Map<ScoreCategory, Double> weights = new EnumMap<>(ScoreCategory.class);
        weights.put(ScoreCategory.REQUIRED_SKILLS, 0.30);
        weights.put(ScoreCategory.NICE_TO_HAVE_SKILLS, 0.10);
        weights.put(ScoreCategory.TITLE, 0.15);
        weights.put(ScoreCategory.SEMANTIC, 0.20);
        weights.put(ScoreCategory.EXPERIENCE, 0.15);
        weights.put(ScoreCategory.LOCATION, 0.07);
        weights.put(ScoreCategory.SALARY, 0.03);
        return new RankerModel(null, weights, 200, 100);
    }

    /**
     * An {@code openhire-weighted-ranker/1} file as the registry stores it: the weights by category key
     * ({@code requiredSkills}, …) and the retrieval sizes.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record File(String format, Map<String, Double> weights, Retrieval retrieval) {

        record Retrieval(Integer lexicalCandidates, Integer vectorCandidates) {}
    }

    /**
     * Reads an {@code openhire-weighted-ranker/1} file.
     *
     * @throws IllegalArgumentException when it is another format, names a category matching does not know
     *     (a typo would otherwise weigh 0 silently), or its weights are negative or all 0
     */
    public static RankerModel parse(int version, byte[] file, JsonMapper json) {
        File read = json.readValue(file, File.class);
        if (read == null || !FORMAT.equals(read.format())) {
            throw new IllegalArgumentException("match-ranker version " + version + " is not an " + FORMAT + " file");
        }
        Map<ScoreCategory, Double> weights = new EnumMap<>(ScoreCategory.class);
        for (ScoreCategory category : ScoreCategory.values()) {
            weights.put(category, 0.0);
        }
        if (read.weights() != null) {
            read.weights().forEach((key, weight) -> {
                ScoreCategory category = ScoreCategory.ofKey(key)
                        .orElseThrow(() -> new IllegalArgumentException("match-ranker version " + version
                                + " weighs an unknown category \"" + key + "\"; the categories are " + KEYS));
                weights.put(category, weight == null ? 0.0 : weight);
            });
        }
        checkWeights(weights);
        File.Retrieval retrieval = read.retrieval() == null ? new File.Retrieval(null, null) : read.retrieval();
        return new RankerModel(
                version,
                weights,
                Math.max(10, retrieval.lexicalCandidates() == null ? 200 : retrieval.lexicalCandidates()),
                Math.max(10, retrieval.vectorCandidates() == null ? 100 : retrieval.vectorCandidates()));
    }

    /**
     * Weights a recruiter sets for a job: any subset of the categories by their keys, each 0–10, not all 0.
     *
     * @throws DomainException invalid, naming the first bad entry
     */
    public static Map<ScoreCategory, Double> validWeights(Map<String, Double> weights) {
        if (weights == null || weights.isEmpty()) {
            throw DomainException.invalidField("weights", "must name at least one of " + KEYS);
        }
        Map<ScoreCategory, Double> valid = new EnumMap<>(ScoreCategory.class);
        for (Map.Entry<String, Double> entry : weights.entrySet()) {
            ScoreCategory category = ScoreCategory.ofKey(entry.getKey())
                    .orElseThrow(() -> DomainException.invalidField("weights", "unknown category; use " + KEYS));
            Double value = entry.getValue();
            if (value == null || !Double.isFinite(value) || value < 0 || value > 10) {
                throw DomainException.invalidField("weights." + entry.getKey(), "must be a number from 0 to 10");
            }
            valid.put(category, value);
        }
        if (valid.values().stream().allMatch(w -> w == 0)) {
            throw DomainException.invalidField("weights", "at least one weight must be above 0");
        }
        return Collections.unmodifiableMap(valid);
    }

    private static void checkWeights(Map<ScoreCategory, Double> weights) {
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
    public Map<ScoreCategory, Double> weightsWith(Map<ScoreCategory, Double> overrides) {
        Map<ScoreCategory, Double> merged = new EnumMap<>(ScoreCategory.class);
        merged.putAll(weights);
        if (overrides != null) {
            merged.putAll(overrides);
        }
        return merged;
    }
}

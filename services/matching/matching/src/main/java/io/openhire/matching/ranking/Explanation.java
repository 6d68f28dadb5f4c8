package io.openhire.matching.ranking;

import io.openhire.matching.client.MatchList.Category;
import io.openhire.matching.client.MatchList.Evidence;
import io.openhire.matching.events.ScoreCategory;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Why a candidate and a job match: a score per category with its weight and a sentence, the skills
 * matched and missing, and the resume lines that show them.
 *
 * @param breakdown per category (in {@link ScoreCategory} order); a category whose {@code score} is null did
 *     not apply and its weight went to the others
 */
public record Explanation(
        Map<ScoreCategory, Category> breakdown,
        List<String> matchedRequiredSkills,
        List<String> missingRequiredSkills,
        List<String> matchedNiceToHaveSkills,
        List<Evidence> evidence) {

    /** The category scores that applied (for storage and feedback). */
    public Map<ScoreCategory, Double> features() {
        Map<ScoreCategory, Double> features = new EnumMap<>(ScoreCategory.class);
        breakdown.forEach((name, category) -> {
            if (category.score() != null) {
                features.put(name, category.score());
            }
        });
        return features;
    }

    /** The weighted mean of the categories that applied, 0–100 with one decimal. */
    public double total() {
        double sum = 0;
        double weights = 0;
        for (Category category : breakdown.values()) {
            if (category.score() != null && category.weight() > 0) {
                sum += category.score() * category.weight();
                weights += category.weight();
            }
        }
        return weights == 0 ? 0 : Math.round(1000 * sum / weights) / 10.0;
    }
}

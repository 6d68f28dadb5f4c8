package io.openhire.matching.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Optional;

/**
 * The parts a match score is made of. Their {@link #key() keys} are the names used on the wire: in
 * a match's breakdown, in per-job and organisation weights, in the features of {@code match.feedback.v1},
 * and in the ranker model's JSON ({@code weights}, {@code features}). Every reader and writer of those names
 * uses this type, so that renaming one is a compile error, not a silent zero at run time.
 */
public enum ScoreCategory {
    REQUIRED_SKILLS("requiredSkills", "Required skills"),
    NICE_TO_HAVE_SKILLS("niceToHaveSkills", "Nice-to-have skills"),
    TITLE("title", "Job title"),
    SEMANTIC("semantic", "Overall fit (semantic)"),
    EXPERIENCE("experience", "Experience"),
    LOCATION("location", "Location"),
    SALARY("salary", "Salary");

    private final String key;
    private final String label;

    ScoreCategory(String key, String label) {
        this.key = key;
        this.label = label;
    }

    /** The name on the wire and in model files ({@code requiredSkills}). */
    @JsonValue
    public String key() {
        return key;
    }

    /** How a person reads it (a column heading, a slider's label). */
    public String label() {
        return label;
    }

    public static Optional<ScoreCategory> ofKey(String key) {
        return Arrays.stream(values()).filter(c -> c.key.equals(key)).findFirst();
    }

    /** Reading JSON: an unknown name is an error, not a silent null. */
    @JsonCreator
    public static ScoreCategory fromKey(String key) {
        return ofKey(key).orElseThrow(() -> new IllegalArgumentException("Unknown score category: " + key));
    }

    @Override
    public String toString() {
        return key;
    }
}

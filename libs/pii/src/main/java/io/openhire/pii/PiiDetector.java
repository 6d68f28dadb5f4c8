package io.openhire.pii;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * The one detector of personal data: runs every recogniser over a text, keeps the spans of the asked
 * types at or above a score, and where spans overlap keeps the surest (then the longest), so each
 * character is reported once — the rules' spans before the learned tagger's, which only fill the gaps. Thread-safe; build one and share it.
 */
public final class PiiDetector {

    /** Below this a span is a guess: a nationality word, a bare "married". */
    public static final double DEFAULT_THRESHOLD = 0.5;

    private final List<Recogniser> recognisers;

    public PiiDetector(List<Recogniser> recognisers) {
        this.recognisers = List.copyOf(recognisers);
    }

    /** The detector with {@link Recognisers#defaults()}. */
    public static PiiDetector standard() {
        return Holder.STANDARD;
    }

    private static final class Holder {
        static final PiiDetector STANDARD = new PiiDetector(Recognisers.defaults());
    }

    public List<PiiSpan> analyze(String text) {
        return analyze(text, Set.of(), DEFAULT_THRESHOLD);
    }

    /**
     * @param types the types to report; empty for all
     * @param threshold the lowest score reported
     * @return non-overlapping spans in text order
     */
    public List<PiiSpan> analyze(String text, Set<PiiType> types, double threshold) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        List<PiiSpan> kept = new ArrayList<>();
        // The rules first, then the fallback recognisers (the learned tagger) where the rules left a gap.
        for (boolean fallback : new boolean[] {false, true}) {
            List<PiiSpan> candidates = new ArrayList<>();
            for (Recogniser recogniser : recognisers) {
                if (recogniser.fallback() != fallback || !mayFind(recogniser, types)) {
                    continue;
                }
                for (PiiSpan span : recogniser.find(text)) {
                    if (span.score() >= threshold && (types.isEmpty() || types.contains(span.type()))) {
                        candidates.add(span);
                    }
                }
            }
            candidates.sort(Comparator.comparingDouble(PiiSpan::score)
                    .reversed()
                    .thenComparing(Comparator.comparingInt(PiiSpan::length).reversed())
                    .thenComparingInt(PiiSpan::start));
            for (PiiSpan candidate : candidates) {
                if (kept.stream().noneMatch(candidate::overlaps)) {
                    kept.add(candidate);
                }
            }
        }
        kept.sort(Comparator.comparingInt(PiiSpan::start));
        return kept;
    }

    /** Whether the recogniser can find one of the asked types (all are asked when {@code types} is empty). */
    private static boolean mayFind(Recogniser recogniser, Set<PiiType> types) {
        return types.isEmpty()
                || recogniser.types().isEmpty()
                || recogniser.types().stream().anyMatch(types::contains);
    }
}

package io.openhire.pii;

/**
 * One piece of personal data in a text: characters {@code [start, end)}, how sure the recogniser is
 * (0..1) and which recogniser found it.
 */
public record PiiSpan(PiiType type, int start, int end, double score, String recogniser) {

    public PiiSpan {
        if (type == null || start < 0 || end <= start) {
            throw new IllegalArgumentException("a span needs a type and start < end");
        }
        score = Math.max(0, Math.min(1, score));
    }

    public int length() {
        return end - start;
    }

    public boolean overlaps(PiiSpan other) {
        return start < other.end && other.start < end;
    }

    PiiSpan withScore(double newScore) {
        return new PiiSpan(type, start, end, newScore, recogniser);
    }

    PiiSpan withType(PiiType newType, double newScore) {
        return new PiiSpan(newType, start, end, newScore, recogniser);
    }
}

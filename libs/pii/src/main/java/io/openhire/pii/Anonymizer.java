package io.openhire.pii;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Replaces the detected spans of a text by what an {@link Operator} says: removed, the type's name, masked,
 * a keyed hash, or a pseudonym. Where spans overlap the first one stands.
 */
public final class Anonymizer {

    /** What becomes of one kind of personal data. */
    public sealed interface Operator {}

    /** Removed: nothing is left where it stood. */
    public record Redact() implements Operator {}

    /** The type in angle brackets ({@code <PERSON>}), or the given text. */
    public record Replace(String with) implements Operator {}

    /** Every letter and digit but the last {@code keepLast} becomes {@code maskChar}; separators stay. */
    public record Mask(char maskChar, int keepLast) implements Operator {}

    /**
     * HMAC-SHA256 of the value under the organisation's key, hex, the first 16 characters: the same value
     * gives the same hash (records can still be joined), and without the key it cannot be recomputed from a
     * guess.
     */
    public record Hash(byte[] key) implements Operator {}

    /** A pseudonym from {@link Pseudonyms}: the same person gets the same one, and it can be reversed. */
    public record Pseudonymise(Pseudonyms pseudonyms) implements Operator {}

    /** Gives each distinct value of a type its pseudonym (the privacy service keeps them per organisation). */
    @FunctionalInterface
    public interface Pseudonyms {
        String pseudonymFor(PiiType type, String value);
    }

    /** One replaced span: where its replacement stands in the output, and how it was made. */
    public record Replaced(PiiType type, int start, int end, String operator, String replacement) {}

    public record Result(String text, List<Replaced> items) {}

    private Anonymizer() {}

    /**
     * @param operators per type; {@code fallback} for the types not named
     */
    public static Result anonymize(
            String text, List<PiiSpan> spans, Map<PiiType, Operator> operators, Operator fallback) {
        List<PiiSpan> leftToRight = new ArrayList<>(spans);
        leftToRight.sort(Comparator.comparingInt(PiiSpan::start));
        StringBuilder out = new StringBuilder(text.length());
        List<Replaced> items = new ArrayList<>();
        int copied = 0;
        for (PiiSpan span : leftToRight) {
            if (span.start() < copied || span.end() > text.length()) {
                continue; // overlapping spans: the first stands
            }
            Operator operator = operators.getOrDefault(span.type(), fallback);
            // Left to right, so pseudonyms are handed out in reading order.
            String replacement = replacement(operator, span.type(), text.substring(span.start(), span.end()));
            out.append(text, copied, span.start());
            int start = out.length();
            out.append(replacement);
            items.add(new Replaced(span.type(), start, out.length(), nameOf(operator), replacement));
            copied = span.end();
        }
        out.append(text, copied, text.length());
        return new Result(out.toString(), items);
    }

    static String replacement(Operator operator, PiiType type, String value) {
        return switch (operator) {
            case Redact r -> "";
            case Replace r -> r.with() == null || r.with().isEmpty() ? "<" + type.name() + ">" : r.with();
            case Mask m -> mask(value, m.maskChar(), m.keepLast());
            case Hash h -> hmac(h.key(), type.name() + "\u0000" + value).substring(0, 16);
            case Pseudonymise p -> p.pseudonyms().pseudonymFor(type, value);
        };
    }

    static String nameOf(Operator operator) {
        return switch (operator) {
            case Redact r -> "redact";
            case Replace r -> "replace";
            case Mask m -> "mask";
            case Hash h -> "hash";
            case Pseudonymise p -> "pseudonymise";
        };
    }

    private static String mask(String value, char maskChar, int keepLast) {
        int toMask = 0;
        for (int i = 0; i < value.length(); i++) {
            if (Character.isLetterOrDigit(value.charAt(i))) {
                toMask++;
            }
        }
        toMask -= Math.max(0, keepLast);
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isLetterOrDigit(c) && toMask > 0) {
                out.append(maskChar);
                toMask--;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** HMAC-SHA256, hex. */
    public static String hmac(byte[] key, String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}

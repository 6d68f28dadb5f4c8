package io.openhire.privacy.client;

/**
 * What becomes of one entity type: {@code type} one of {@code redact}, {@code replace} ({@code with}: the text,
 * default {@code <TYPE>}), {@code mask} ({@code maskChar}, default {@code *}; {@code keepLast} characters kept,
 * default 0), {@code hash} (keyed by the organisation), {@code pseudonymise} (the same value always gets the same
 * pseudonym in the organisation; admins can reverse it).
 */
public record OperatorSpec(String type, String with, String maskChar, Integer keepLast) {

    public static OperatorSpec of(String type) {
        return new OperatorSpec(type, null, null, null);
    }
}

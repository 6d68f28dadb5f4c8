package io.openhire.platform.web;

import io.openhire.platform.errors.DomainException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * A request value that may be a day ({@code 2026-11-21}, a day in UTC) or an instant
 * ({@code 2026-11-21T10:15:30Z}), as the {@code from}/{@code to} filters of the list endpoints take them. A
 * blank value is {@code null} (no bound); anything else is refused as an invalid field (400), naming it.
 */
public final class DateOrInstant {

    static final String EXPECTED = "must be a date (2026-11-21) or an instant (2026-11-21T10:15:30Z)";

    private DateOrInstant() {}

    /** A day is its first instant: for a lower bound, or a date that stands for its start. */
    public static Instant atStart(String field, String value) {
        return parse(field, value, false);
    }

    /**
     * A day is the first instant after it: for an exclusive upper bound ({@code < to}) that includes the whole
     * of the day named.
     */
    public static Instant afterEnd(String field, String value) {
        return parse(field, value, true);
    }

    private static Instant parse(String field, String value, boolean afterEnd) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip();
        try {
            LocalDate day = LocalDate.parse(text);
            return (afterEnd ? day.plusDays(1) : day)
                    .atStartOfDay(ZoneOffset.UTC)
                    .toInstant();
        } catch (DateTimeParseException notADay) {
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException notAnInstant) {
                throw DomainException.invalidField(field, EXPECTED);
            }
        }
    }
}

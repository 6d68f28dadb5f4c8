package io.openhire.communication.sms;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/** When an SMS may go: not between {@code from} and {@code until} in the recipient's own time zone. */
public record QuietHours(LocalTime from, LocalTime until) {

    /** {@code now} itself when it is not quiet there, else the next {@code until} in that zone. */
    public Instant nextAllowed(Instant now, ZoneId zone) {
        ZonedDateTime local = now.atZone(zone);
        LocalTime time = local.toLocalTime();
        boolean quiet = from.isAfter(until)
                ? !time.isBefore(from) || time.isBefore(until) // over midnight: 21:00–08:00
                : !time.isBefore(from) && time.isBefore(until);
        if (!quiet) {
            return now;
        }
        ZonedDateTime next = local.with(until);
        if (!next.isAfter(local)) {
            next = next.plusDays(1);
        }
        return next.toInstant();
    }
}

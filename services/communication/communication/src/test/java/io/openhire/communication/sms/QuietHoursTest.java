package io.openhire.communication.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class QuietHoursTest {

    static final QuietHours NIGHT = new QuietHours(LocalTime.of(21, 0), LocalTime.of(8, 0));
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void duringTheDayAnSmsGoesAtOnce() {
        Instant noon = Instant.parse("2026-12-08T11:00:00Z"); // 12:00 in Berlin
        assertThat(NIGHT.nextAllowed(noon, BERLIN)).isEqualTo(noon);
    }

    @Test
    void lateInTheEveningItWaitsForTheNextMorningInTheRecipientsZone() {
        Instant late = Instant.parse("2026-12-08T21:30:00Z"); // 22:30 in Berlin
        assertThat(NIGHT.nextAllowed(late, BERLIN)).isEqualTo(Instant.parse("2026-12-09T07:00:00Z"));
    }

    @Test
    void earlyInTheMorningItWaitsUntilEightTheSameDay() {
        Instant early = Instant.parse("2026-12-08T05:30:00Z"); // 06:30 in Berlin
        assertThat(NIGHT.nextAllowed(early, BERLIN)).isEqualTo(Instant.parse("2026-12-08T07:00:00Z"));
    }

    @Test
    void theSameInstantIsQuietInOneZoneAndNotInAnother() {
        Instant at = Instant.parse("2026-12-08T22:00:00Z"); // 23:00 Berlin, 17:00 New York
        assertThat(NIGHT.nextAllowed(at, ZoneId.of("America/New_York"))).isEqualTo(at);
        assertThat(NIGHT.nextAllowed(at, BERLIN)).isAfter(at);
    }

    @Test
    void equalBoundsMeanNoQuietHours() {
        QuietHours none = new QuietHours(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT);
        Instant at = Instant.parse("2026-12-08T02:00:00Z");
        assertThat(none.nextAllowed(at, BERLIN)).isEqualTo(at);
    }
}

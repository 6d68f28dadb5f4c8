package io.openhire.communication.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class PhonesTest {

    @Test
    void mobileNumbersAsWrittenInResumesBecomeE164() {
        assertThat(Phones.e164("+49 151 23456789", "US")).contains("+4915123456789");
        assertThat(Phones.e164("(415) 555-2671", "US")).contains("+14155552671");
        assertThat(Phones.e164("07400 123456", "GB")).contains("+447400123456");
    }

    @Test
    void whatCannotReceiveAnSmsIsRefused() {
        assertThat(Phones.e164("+49 30 12345678", "US")).isEmpty(); // a Berlin landline
        assertThat(Phones.e164("call me maybe", "US")).isEmpty();
        assertThat(Phones.e164("+1 800 555 0199", "US")).isEmpty(); // toll free
        assertThat(Phones.e164("", "US")).isEmpty();
    }

    @Test
    void aNumberRingsInItsCountrysZone() {
        assertThat(Phones.zoneOf("+4915123456789")).isEqualTo(ZoneId.of("Europe/Berlin"));
        assertThat(Phones.zoneOf("+14155552671")).isEqualTo(ZoneId.of("America/Los_Angeles"));
        // UK mobiles may ring in Guernsey, Jersey or the Isle of Man: the same clock as London
        java.time.Instant at = java.time.Instant.parse("2026-07-01T12:00:00Z");
        assertThat(Phones.zoneOf("+447400123456").getRules().getOffset(at))
                .isEqualTo(ZoneId.of("Europe/London").getRules().getOffset(at));
    }
}

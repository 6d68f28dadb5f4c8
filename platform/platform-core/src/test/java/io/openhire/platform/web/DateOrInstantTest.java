package io.openhire.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openhire.platform.errors.DomainException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class DateOrInstantTest {

    @ParameterizedTest
    @CsvSource({
        "2026-11-21,            2026-11-21T00:00:00Z, 2026-11-22T00:00:00Z",
        "' 2026-11-21 ',        2026-11-21T00:00:00Z, 2026-11-22T00:00:00Z",
        "2026-12-31,            2026-12-31T00:00:00Z, 2027-01-01T00:00:00Z",
        "2026-11-21T10:15:30Z,  2026-11-21T10:15:30Z, 2026-11-21T10:15:30Z",
        "2026-11-21T10:15:30.5Z, 2026-11-21T10:15:30.500Z, 2026-11-21T10:15:30.500Z"
    })
    void aDayIsItsStartOrTheFirstInstantAfterItAndAnInstantIsItself(String value, String start, String afterEnd) {
        assertThat(DateOrInstant.atStart("from", value)).isEqualTo(Instant.parse(start));
        assertThat(DateOrInstant.afterEnd("to", value)).isEqualTo(Instant.parse(afterEnd));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  "})
    void noValueIsNoBound(String value) {
        assertThat(DateOrInstant.atStart("from", value)).isNull();
        assertThat(DateOrInstant.afterEnd("to", value)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"yesterday", "2026-13-01", "21.11.2026", "2026-11-21T10:15"})
    void anythingElseIsAnInvalidFieldNamedAsTheCallerSentIt(String value) {
        assertThatThrownBy(() -> DateOrInstant.afterEnd("receivedTo", value))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.category()).isEqualTo(DomainException.Category.INVALID);
                    assertThat(e.kind()).isEqualTo("validation");
                    assertThat(e.properties())
                            .containsEntry(
                                    "errors",
                                    List.of(Map.of(
                                            "field",
                                            "receivedTo",
                                            "message",
                                            "must be a date (2026-11-21) or an instant (2026-11-21T10:15:30Z)")));
                });
    }

    @Test
    void anInstantWithAnOffsetIsTheSameMoment() {
        assertThat(DateOrInstant.atStart("from", "2026-11-21T12:00:00+02:00"))
                .isEqualTo(Instant.parse("2026-11-21T10:00:00Z"));
    }
}

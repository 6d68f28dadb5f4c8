package io.openhire.monitoring.errors;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which reports count as the same error. */
class FingerprintTest {

    static final String PARSE = "tools.jackson.core.exc.StreamReadException";
    static final List<String> JACKSON = List.of(
            "tools.jackson.core.JsonParser._constructReadException:1856",
            "tools.jackson.core.base.ParserMinimalBase._reportUnexpectedChar:1049",
            "tools.jackson.databind.ObjectMapper.readValue:1544");

    @Test
    void theSameCodeAfterAChangeMovedItDownItsFileIsTheSameError() {
        assertThat(ErrorLog.fingerprint(
                        "matching",
                        "request",
                        "java.lang.IllegalStateException",
                        List.of(
                                "io.openhire.matching.Ranker.rank:120",
                                "io.openhire.matching.web.MatchController.list:55")))
                .isEqualTo(ErrorLog.fingerprint(
                        "matching",
                        "request",
                        "java.lang.IllegalStateException",
                        List.of(
                                "io.openhire.matching.Ranker.rank:131",
                                "io.openhire.matching.web.MatchController.list:57")));
    }

    @Test
    void oneLibrarysExceptionInTwoServicesListenersIsTwoErrors() {
        List<String> applications =
                concat(JACKSON, "io.openhire.applications.messaging.SourceListeners.resumeParsed:56");
        List<String> shortlists = concat(JACKSON, "io.openhire.applications.messaging.ShortlistListener.on:40");

        assertThat(ErrorLog.fingerprint("applications", "listener", PARSE, applications))
                .isNotEqualTo(ErrorLog.fingerprint("applications", "listener", PARSE, shortlists));
        assertThat(ErrorLog.fingerprint("applications", "listener", PARSE, applications))
                .isNotEqualTo(ErrorLog.fingerprint("matching", "listener", PARSE, applications));
    }

    @Test
    void aBrowserFramesAddressIsReadWithoutItsQueryAndPosition() {
        assertThat(ErrorLog.fingerprint(
                        "browser", "browser", "TypeError", List.of("https://openhire.example/assets/app.js?v=3:10:5")))
                .isEqualTo(ErrorLog.fingerprint(
                        "browser", "browser", "TypeError", List.of("https://openhire.example/assets/app.js?v=4:12:9")));
        assertThat(ErrorLog.fingerprint(
                        "browser", "browser", "TypeError", List.of("https://openhire.example/assets/app.js:10:5")))
                .isNotEqualTo(ErrorLog.fingerprint(
                        "browser", "browser", "TypeError", List.of("https://openhire.example/assets/live.js:10:5")));
    }

    private static List<String> concat(List<String> frames, String more) {
        return java.util.stream.Stream.concat(frames.stream(), java.util.stream.Stream.of(more))
                .toList();
    }
}

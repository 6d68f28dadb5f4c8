package io.openhire.resumeprocessing.events;

import io.openhire.platform.test.GoldenEvents;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The JSON of each event version is a contract with its consumers (see identity's GoldenEventsTest). */
class GoldenEventsTest {

    static final UUID RESUME = UUID.fromString("3d1f6a52-8c1e-4d7a-9b1e-2f4a6c8e0b13");
    static final UUID ORG = UUID.fromString("6f1c1b9e-2f0a-4a57-9a53-7f1f3f3c2a10");
    static final Instant AT = Instant.parse("2026-11-21T10:15:31Z");

    @Test
    void resumeParsedMatchesItsGoldenSample() {
        ResumeParsed expected = new ResumeParsed(
                RESUME,
                ORG,
                1,
                "1.0.0",
                "1",
                "Senior Software Engineer",
                List.of("Senior Software Engineer", "Software Engineer"),
                List.of(new ResumeParsed.Skill("java", "Java"), new ResumeParsed.Skill("kubernetes", "Kubernetes")),
                7.5,
                new ResumeParsed.Location("Bengaluru", "Karnataka", "IN"),
                "Bachelor of Engineering",
                List.of("English", "Hindi"),
                AT);
        GoldenEvents.assertRoundTrip(ResumeParsed.TOPIC, ResumeParsed.class, expected);
    }

    @Test
    void resumeParseFailedMatchesItsGoldenSample() {
        ResumeParseFailed expected = new ResumeParseFailed(
                RESUME,
                ORG,
                1,
                "NEEDS_OCR",
                "The document has no text layer (a scan); it will be parsed once OCR is available.",
                "1.0.0",
                AT);
        GoldenEvents.assertRoundTrip(ResumeParseFailed.TOPIC, ResumeParseFailed.class, expected);
    }
}

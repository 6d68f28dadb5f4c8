package io.openhire.matching.events;

import io.openhire.platform.test.GoldenEvents;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The JSON of each event version is a contract with its consumers (see identity's GoldenEventsTest). */
class GoldenEventsTest {

    private static final UUID ORG = UUID.fromString("6f1c1b9e-2f0a-4a57-9a53-7f1f3f3c2a10");
    private static final UUID JOB = UUID.fromString("0b6c2a4e-5d1f-4c1a-9f0e-3a2b1c4d5e6f");
    private static final UUID CANDIDATE = UUID.fromString("9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a");
    private static final String ACTOR = "user:3f2e1d0c-9b8a-4765-8432-10fedcba9876";

    @Test
    void feedbackMatchesItsGoldenSample() {
        MatchFeedbackRecorded expected = new MatchFeedbackRecorded(
                UUID.fromString("5a0e3f4c-1f2b-4c3d-8e9f-0a1b2c3d4e5f"),
                ORG,
                JOB,
                CANDIDATE,
                UUID.fromString("2c3d4e5f-6a7b-4c8d-9e0f-1a2b3c4d5e6f"),
                "SHORTLISTED",
                "strong Kafka experience",
                UUID.fromString("7e6d5c4b-3a2f-4e1d-9c8b-7a6f5e4d3c2b"),
                2,
                81.5,
                Map.of(ScoreCategory.REQUIRED_SKILLS, 0.8, ScoreCategory.SEMANTIC, 0.71, ScoreCategory.TITLE, 1.0),
                1,
                1,
                ACTOR,
                Instant.parse("2026-11-22T09:00:00Z"));
        GoldenEvents.assertRoundTrip(MatchFeedbackRecorded.TOPIC, MatchFeedbackRecorded.class, expected);
    }

    @Test
    void revealMatchesItsGoldenSample() {
        CandidateRevealed expected =
                new CandidateRevealed(ORG, JOB, CANDIDATE, ACTOR, Instant.parse("2026-11-22T09:05:00Z"));
        GoldenEvents.assertRoundTrip(CandidateRevealed.TOPIC, CandidateRevealed.class, expected);
    }

    @Test
    void strongMatchFoundMatchesItsGoldenSample() {
        GoldenEvents.assertRoundTrip(
                StrongMatchFound.TOPIC,
                StrongMatchFound.class,
                new StrongMatchFound(
                        ORG,
                        JOB,
                        CANDIDATE,
                        UUID.fromString("4b5c6d7e-8f90-4a1b-8c2d-3e4f5a6b7c8d"),
                        83.4,
                        Instant.parse("2026-12-05T09:12:00Z")));
    }
}

package io.openhire.applications.events;

import io.openhire.platform.test.GoldenEvents;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The JSON of each event version is a contract with its consumers (see identity's GoldenEventsTest). */
class GoldenEventsTest {

    private static final UUID APPLICATION = UUID.fromString("a1d2c3b4-5e6f-4a7b-8c9d-0e1f2a3b4c5d");
    private static final UUID ORG = UUID.fromString("6f1c1b9e-2f0a-4a57-9a53-7f1f3f3c2a10");
    private static final UUID CANDIDATE = UUID.fromString("c0ffee00-1234-4abc-9def-0123456789ab");
    private static final UUID JOB = UUID.fromString("9b8a7c6d-5e4f-4321-8abc-def012345678");
    private static final UUID RESUME = UUID.fromString("3e2d1c0b-a987-4654-b321-0fedcba98765");
    private static final UUID APPLIED = UUID.fromString("5a4b3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c1d");
    private static final String RECRUITER = "user:0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";

    @Test
    void applicationCreatedMatchesItsGoldenSample() {
        GoldenEvents.assertRoundTrip(
                ApplicationCreated.TOPIC,
                ApplicationCreated.class,
                new ApplicationCreated(
                        APPLICATION,
                        ORG,
                        CANDIDATE,
                        JOB,
                        "CAREER_SITE",
                        RESUME,
                        APPLIED,
                        StageCategory.APPLIED,
                        "candidate",
                        Instant.parse("2026-12-05T09:15:00Z")));
    }

    @Test
    void applicationStageChangedMatchesItsGoldenSample() {
        GoldenEvents.assertRoundTrip(
                ApplicationStageChanged.TOPIC,
                ApplicationStageChanged.class,
                new ApplicationStageChanged(
                        UUID.fromString("7d6c5b4a-3f2e-4d1c-9b0a-8f7e6d5c4b3a"),
                        APPLICATION,
                        ORG,
                        CANDIDATE,
                        JOB,
                        RESUME,
                        APPLIED,
                        StageCategory.APPLIED,
                        UUID.fromString("1f2e3d4c-5b6a-4798-8a9b-0c1d2e3f4a5b"),
                        StageCategory.REJECTED,
                        "Not enough experience",
                        false,
                        RECRUITER,
                        Instant.parse("2026-12-05T10:30:00Z")));
    }

    @Test
    void applicationWithdrawnMatchesItsGoldenSample() {
        GoldenEvents.assertRoundTrip(
                ApplicationWithdrawn.TOPIC,
                ApplicationWithdrawn.class,
                new ApplicationWithdrawn(
                        APPLICATION, ORG, CANDIDATE, JOB, "candidate", Instant.parse("2026-12-05T11:00:00Z")));
    }

    @Test
    void candidateUpdatedMatchesItsGoldenSample() {
        GoldenEvents.assertRoundTrip(
                CandidateUpdated.TOPIC,
                CandidateUpdated.class,
                new CandidateUpdated(
                        CANDIDATE,
                        ORG,
                        List.of("name", "tags"),
                        List.of(UUID.fromString("d00dfeed-4321-4cba-8fed-ba9876543210")),
                        RECRUITER,
                        Instant.parse("2026-12-05T11:30:00Z")));
    }

    @Test
    void noteAddedMatchesItsGoldenSample() {
        GoldenEvents.assertRoundTrip(
                NoteAdded.TOPIC,
                NoteAdded.class,
                new NoteAdded(
                        UUID.fromString("e1e2e3e4-f5f6-4a7a-8b8b-9c9c0d0d1e1e"),
                        ORG,
                        CANDIDATE,
                        APPLICATION,
                        List.of(UUID.fromString("0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d")),
                        "user:1b2c3d4e-5f6a-4b7c-8d9e-0f1a2b3c4d5e",
                        Instant.parse("2026-12-05T12:00:00Z")));
    }
}

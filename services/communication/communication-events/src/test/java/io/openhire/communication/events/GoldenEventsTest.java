package io.openhire.communication.events;

import io.openhire.platform.test.GoldenEvents;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The JSON of each event version is a contract with its consumers (see identity's GoldenEventsTest). */
class GoldenEventsTest {

    static final UUID MESSAGE = UUID.fromString("5f0c3b8e-1d2a-4e7b-9c1f-2a3b4c5d6e7f");
    static final UUID ORG = UUID.fromString("6f1c1b9e-2f0a-4a57-9a53-7f1f3f3c2a10");
    static final UUID CANDIDATE = UUID.fromString("3a1f7c2e-9b4d-4e8a-8f2c-1d0e9f8a7b6c");
    static final UUID JOB = UUID.fromString("0b6c2a4e-5d1f-4c1a-9f0e-3a2b1c4d5e6f");

    @Test
    void messageSentMatchesItsGoldenSample() {
        GoldenEvents.assertRoundTrip(
                MessageSent.TOPIC,
                MessageSent.class,
                new MessageSent(
                        MESSAGE, ORG, CANDIDATE, JOB, Channel.EMAIL, false, Instant.parse("2026-12-05T09:30:00Z")));
    }

    @Test
    void messageDeliveredMatchesItsGoldenSample() {
        GoldenEvents.assertRoundTrip(
                MessageDelivered.TOPIC,
                MessageDelivered.class,
                new MessageDelivered(
                        MESSAGE, ORG, CANDIDATE, null, Channel.EMAIL, Instant.parse("2026-12-05T09:30:05Z")));
    }

    @Test
    void messageBouncedMatchesItsGoldenSample() {
        GoldenEvents.assertRoundTrip(
                MessageBounced.TOPIC,
                MessageBounced.class,
                new MessageBounced(
                        MESSAGE,
                        ORG,
                        null,
                        JOB,
                        Channel.EMAIL,
                        "5.1.1 user unknown",
                        true,
                        Instant.parse("2026-12-05T09:31:00Z")));
    }

    @Test
    void messageRepliedMatchesItsGoldenSample() {
        GoldenEvents.assertRoundTrip(
                MessageReplied.TOPIC,
                MessageReplied.class,
                new MessageReplied(
                        UUID.fromString("7b2d4f6a-8c0e-4a1b-b3c5-d7e9f1a3b5c7"),
                        ORG,
                        CANDIDATE,
                        JOB,
                        MESSAGE,
                        Channel.EMAIL,
                        Instant.parse("2026-12-05T11:02:00Z")));
    }

    @Test
    void interviewScheduledMatchesItsGoldenSample() {
        GoldenEvents.assertRoundTrip(
                InterviewScheduled.TOPIC,
                InterviewScheduled.class,
                new InterviewScheduled(
                        UUID.fromString("9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a"),
                        ORG,
                        CANDIDATE,
                        JOB,
                        Instant.parse("2026-12-08T09:00:00Z"),
                        Instant.parse("2026-12-08T09:45:00Z"),
                        "Europe/Berlin",
                        0,
                        Instant.parse("2026-12-05T12:00:00Z")));
    }

    @Test
    void interviewCancelledMatchesItsGoldenSample() {
        GoldenEvents.assertRoundTrip(
                InterviewCancelled.TOPIC,
                InterviewCancelled.class,
                new InterviewCancelled(
                        UUID.fromString("9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a"),
                        ORG,
                        CANDIDATE,
                        null,
                        true,
                        Instant.parse("2026-12-06T08:00:00Z")));
    }

    @Test
    void interviewDueMatchesItsGoldenSample() {
        GoldenEvents.assertRoundTrip(
                InterviewDue.TOPIC,
                InterviewDue.class,
                new InterviewDue(
                        UUID.fromString("9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a"),
                        ORG,
                        CANDIDATE,
                        JOB,
                        Instant.parse("2026-12-07T10:00:00Z"),
                        Instant.parse("2026-12-07T09:00:00Z")));
    }
}

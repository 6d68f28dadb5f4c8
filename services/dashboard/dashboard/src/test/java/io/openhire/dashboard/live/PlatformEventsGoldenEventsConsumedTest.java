package io.openhire.dashboard.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.openhire.communication.events.InterviewCancelled;
import io.openhire.communication.events.InterviewScheduled;
import io.openhire.communication.events.MessageBounced;
import io.openhire.communication.events.MessageReplied;
import io.openhire.communication.events.MessageSent;
import io.openhire.dashboard.DashboardProperties;
import io.openhire.jobingestion.events.JobIngested;
import io.openhire.jobprocessing.events.JobOptimized;
import io.openhire.matching.events.MatchFeedbackRecorded;
import io.openhire.notification.events.NotificationCreated;
import io.openhire.platform.test.GoldenEvents;
import io.openhire.resumeingestion.events.ResumeDeleted;
import io.openhire.resumeingestion.events.ResumeReceived;
import io.openhire.resumeprocessing.events.ResumeParseFailed;
import io.openhire.resumeprocessing.events.ResumeParsed;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The producers' golden samples (their {@code -events} test-jars), fed to the live updates as Kafka delivers
 * them: each reaches the pages of the event's organisation as the change the pages react to. A change of an
 * event that would leave the pages still here fails this test.
 */
class PlatformEventsGoldenEventsConsumedTest {

    static final UUID ORG = UUID.fromString("6f1c1b9e-2f0a-4a57-9a53-7f1f3f3c2a10");
    static final UUID RESUME = UUID.fromString("3d1f6a52-8c1e-4d7a-9b1e-2f4a6c8e0b13");
    static final UUID JOB = UUID.fromString("0b6c2a4e-5d1f-4c1a-9f0e-3a2b1c4d5e6f");

    record Published(UUID organizationId, LiveUpdates.Change change) {}

    final List<Published> published = new ArrayList<>();
    final LiveUpdates live = new LiveUpdates(new DashboardProperties(null, null, null)) {
        @Override
        public void publish(UUID organizationId, Change change) {
            published.add(new Published(organizationId, change));
        }
    };
    final PlatformEvents events = new PlatformEvents(live, GoldenEvents.JSON);

    @AfterEach
    void stop() {
        live.destroy();
    }

    @Test
    void resumeEventsChangeTheResumesRowsAndPages() {
        events.onEvent(GoldenEvents.record(ResumeReceived.TOPIC));
        events.onEvent(GoldenEvents.record(ResumeParsed.TOPIC));
        events.onEvent(GoldenEvents.record(ResumeParseFailed.TOPIC));
        events.onEvent(GoldenEvents.record(ResumeDeleted.TOPIC));

        assertThat(published)
                .containsExactly(
                        new Published(ORG, new LiveUpdates.Change("resume", RESUME, "RECEIVED")),
                        new Published(ORG, new LiveUpdates.Change("resume", RESUME, "PARSED")),
                        new Published(ORG, new LiveUpdates.Change("resume", RESUME, "NEEDS_OCR")),
                        new Published(ORG, new LiveUpdates.Change("resume", RESUME, "DELETED")));
    }

    @Test
    void anApplicationAddedOrMovedReloadsItsJobsBoard() {
        UUID job = UUID.fromString("9b8a7c6d-5e4f-4321-8abc-def012345678");
        events.onEvent(GoldenEvents.record(io.openhire.applications.events.ApplicationCreated.TOPIC));
        events.onEvent(GoldenEvents.record(io.openhire.applications.events.ApplicationStageChanged.TOPIC));

        assertThat(published)
                .containsExactly(
                        new Published(ORG, new LiveUpdates.Change("application", job, "CREATED")),
                        new Published(ORG, new LiveUpdates.Change("application", job, "REJECTED")));
    }

    @Test
    void messagesAndInterviewsReloadTheCandidatesConversation() {
        UUID candidate = UUID.fromString("3a1f7c2e-9b4d-4e8a-8f2c-1d0e9f8a7b6c");
        events.onEvent(GoldenEvents.record(MessageSent.TOPIC));
        events.onEvent(GoldenEvents.record(MessageBounced.TOPIC)); // to an address alone: no page shows it
        events.onEvent(GoldenEvents.record(MessageReplied.TOPIC));
        events.onEvent(GoldenEvents.record(InterviewScheduled.TOPIC));
        events.onEvent(GoldenEvents.record(InterviewCancelled.TOPIC));

        assertThat(published)
                .containsExactly(
                        new Published(ORG, new LiveUpdates.Change("conversation", candidate, "SENT")),
                        new Published(ORG, new LiveUpdates.Change("conversation", candidate, "REPLIED")),
                        new Published(ORG, new LiveUpdates.Change("conversation", candidate, "INTERVIEW_SCHEDULED")),
                        new Published(ORG, new LiveUpdates.Change("conversation", candidate, "INTERVIEW_CANCELLED")));
    }

    @Test
    void aNotificationRefreshesTheBells() {
        events.onEvent(GoldenEvents.record(NotificationCreated.TOPIC));

        assertThat(published)
                .containsExactly(new Published(
                        ORG,
                        new LiveUpdates.Change(
                                "notification",
                                UUID.fromString("2c4e6a8b-0d1f-4a3b-8c5d-7e9f1a2b3c4d"),
                                "CANDIDATE_REPLIED")));
    }

    @Test
    void jobEventsAndFeedbackChangeTheJobsPages() {
        events.onEvent(GoldenEvents.record(JobIngested.TOPIC));
        events.onEvent(GoldenEvents.record(JobOptimized.TOPIC));
        events.onEvent(GoldenEvents.record(MatchFeedbackRecorded.TOPIC));

        assertThat(published)
                .containsExactly(
                        new Published(ORG, new LiveUpdates.Change("job", JOB, "INGESTED")),
                        new Published(ORG, new LiveUpdates.Change("job", JOB, "ANALYSED")),
                        new Published(ORG, new LiveUpdates.Change("feedback", JOB, "SHORTLISTED")));
    }

    @Test
    void anUnreadableEventIsSkipped() {
        events.onEvent(new ConsumerRecord<>(ResumeParsed.TOPIC, 0, 7L, "key", "{not json"));
        events.onEvent(new ConsumerRecord<>(
                ResumeParsed.TOPIC,
                0,
                8L,
                "key",
                "{\"resumeId\": \"not a uuid\", \"organizationId\": \"" + ORG + "\"}"));

        assertThat(published).isEmpty();
    }
}

package io.openhire.dashboard.live;

import io.openhire.applications.events.ApplicationCreated;
import io.openhire.applications.events.ApplicationStageChanged;
import io.openhire.communication.events.InterviewCancelled;
import io.openhire.communication.events.InterviewScheduled;
import io.openhire.communication.events.MessageBounced;
import io.openhire.communication.events.MessageReplied;
import io.openhire.communication.events.MessageSent;
import io.openhire.jobingestion.events.JobIngested;
import io.openhire.jobprocessing.events.JobOptimized;
import io.openhire.matching.events.MatchFeedbackRecorded;
import io.openhire.notification.events.NotificationCreated;
import io.openhire.resumeingestion.events.ResumeDeleted;
import io.openhire.resumeingestion.events.ResumeReceived;
import io.openhire.resumeprocessing.events.ResumeParseFailed;
import io.openhire.resumeprocessing.events.ResumeParsed;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns the platform's events into live changes for the pages. Every dashboard instance must hear every
 * event (its own browsers are connected to it), so each has its own consumer group, from the newest
 * event: a page opened later reads the current state from the APIs anyway. Each event is read into its
 * producer's record ({@code <svc>-events}); {@code PlatformEventsGoldenEventsConsumedTest} feeds them the
 * producers' golden samples.
 */
@Component
class PlatformEvents {

    private static final Logger log = LoggerFactory.getLogger(PlatformEvents.class);

    private final LiveUpdates live;
    private final JsonMapper json;

    PlatformEvents(LiveUpdates live, JsonMapper json) {
        this.live = live;
        this.json = json;
    }

    /** A change and the organisation whose people see it. */
    record Routed(UUID organizationId, LiveUpdates.Change change) {}

    @KafkaListener(
            topics = {
                ResumeReceived.TOPIC,
                ResumeParsed.TOPIC,
                ResumeParseFailed.TOPIC,
                ResumeDeleted.TOPIC,
                JobIngested.TOPIC,
                JobOptimized.TOPIC,
                MatchFeedbackRecorded.TOPIC,
                MessageSent.TOPIC,
                MessageBounced.TOPIC,
                MessageReplied.TOPIC,
                InterviewScheduled.TOPIC,
                InterviewCancelled.TOPIC,
                NotificationCreated.TOPIC,
                ApplicationCreated.TOPIC,
                ApplicationStageChanged.TOPIC
            },
            groupId = "dashboard-#{T(java.util.UUID).randomUUID()}",
            properties = "auto.offset.reset=latest")
    void onEvent(ConsumerRecord<String, String> record) {
        Routed routed;
        try {
            routed = routed(record.topic(), record.value());
        } catch (RuntimeException e) {
            log.warn("Skipped an unreadable event on {} at offset {}", record.topic(), record.offset());
            return;
        }
        if (routed == null || routed.change().id() == null) {
            return;
        }
        if (routed.organizationId() != null) {
            live.publish(routed.organizationId(), routed.change());
        } else if ("notification".equals(routed.change().type())) {
            live.publishToEveryone(routed.change()); // a platform-wide notice (a model promoted)
        }
    }

    /** What the pages are told about an event of this topic; null for a topic they do not follow. */
    Routed routed(String topic, String event) {
        return switch (topic) {
            case ResumeReceived.TOPIC -> {
                ResumeReceived e = json.readValue(event, ResumeReceived.class);
                yield new Routed(e.organizationId(), new LiveUpdates.Change("resume", e.resumeId(), "RECEIVED"));
            }
            case ResumeParsed.TOPIC -> {
                ResumeParsed e = json.readValue(event, ResumeParsed.class);
                yield new Routed(e.organizationId(), new LiveUpdates.Change("resume", e.resumeId(), "PARSED"));
            }
            case ResumeParseFailed.TOPIC -> {
                ResumeParseFailed e = json.readValue(event, ResumeParseFailed.class);
                yield new Routed(
                        e.organizationId(),
                        new LiveUpdates.Change("resume", e.resumeId(), e.status() == null ? "FAILED" : e.status()));
            }
            case ResumeDeleted.TOPIC -> {
                ResumeDeleted e = json.readValue(event, ResumeDeleted.class);
                yield new Routed(e.organizationId(), new LiveUpdates.Change("resume", e.resumeId(), "DELETED"));
            }
            case JobIngested.TOPIC -> {
                JobIngested e = json.readValue(event, JobIngested.class);
                yield new Routed(e.organizationId(), new LiveUpdates.Change("job", e.jobId(), "INGESTED"));
            }
            case JobOptimized.TOPIC -> {
                JobOptimized e = json.readValue(event, JobOptimized.class);
                yield new Routed(e.organizationId(), new LiveUpdates.Change("job", e.jobId(), "ANALYSED"));
            }
            case MatchFeedbackRecorded.TOPIC -> {
                MatchFeedbackRecorded e = json.readValue(event, MatchFeedbackRecorded.class);
                yield new Routed(
                        e.organizationId(),
                        new LiveUpdates.Change("feedback", e.jobId(), e.outcome() == null ? "" : e.outcome()));
            }
            case MessageSent.TOPIC -> {
                MessageSent e = json.readValue(event, MessageSent.class);
                yield conversation(e.organizationId(), e.candidateId(), "SENT");
            }
            case MessageBounced.TOPIC -> {
                MessageBounced e = json.readValue(event, MessageBounced.class);
                yield conversation(e.organizationId(), e.candidateId(), "BOUNCED");
            }
            case MessageReplied.TOPIC -> {
                MessageReplied e = json.readValue(event, MessageReplied.class);
                yield conversation(e.organizationId(), e.candidateId(), "REPLIED");
            }
            case InterviewScheduled.TOPIC -> {
                InterviewScheduled e = json.readValue(event, InterviewScheduled.class);
                yield conversation(e.organizationId(), e.candidateId(), "INTERVIEW_SCHEDULED");
            }
            case InterviewCancelled.TOPIC -> {
                InterviewCancelled e = json.readValue(event, InterviewCancelled.class);
                yield conversation(e.organizationId(), e.candidateId(), "INTERVIEW_CANCELLED");
            }
            case ApplicationCreated.TOPIC -> {
                ApplicationCreated e = json.readValue(event, ApplicationCreated.class);
                yield new Routed(e.organizationId(), new LiveUpdates.Change("application", e.jobId(), "CREATED"));
            }
            case ApplicationStageChanged.TOPIC -> {
                ApplicationStageChanged e = json.readValue(event, ApplicationStageChanged.class);
                yield new Routed(
                        e.organizationId(),
                        new LiveUpdates.Change(
                                "application", e.jobId(), e.toCategory().name()));
            }
            case NotificationCreated.TOPIC -> {
                NotificationCreated e = json.readValue(event, NotificationCreated.class);
                // every open page of the organisation asks for its own person's count again
                yield new Routed(
                        e.organizationId(),
                        new LiveUpdates.Change(
                                "notification", e.notificationId(), e.type().name()));
            }
            default -> null;
        };
    }

    /** A change in a candidate's conversation (messages to an address alone concern no page). */
    private static Routed conversation(UUID organizationId, UUID candidateId, String status) {
        return candidateId == null
                ? null
                : new Routed(organizationId, new LiveUpdates.Change("conversation", candidateId, status));
    }
}

package io.openhire.notification.messaging;

import io.openhire.communication.events.InterviewCancelled;
import io.openhire.communication.events.InterviewScheduled;
import io.openhire.communication.events.MessageReplied;
import io.openhire.notification.events.NotificationType;
import io.openhire.notification.inbox.Notifications;
import io.openhire.platform.events.ProcessedEvents;
import io.openhire.resumeprocessing.events.ResumeParseFailed;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * The events people want to hear of, each turned into one notification for the organisation's staff (once per
 * event: the processed-event row commits with it). The texts carry no personal data beyond what the linked page
 * shows anyway; the links are dashboard paths.
 */
@Component
class PlatformEventListeners {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern(
                    "EEE d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private final ProcessedEvents processed;
    private final Notifications notifications;

    PlatformEventListeners(ProcessedEvents processed, Notifications notifications) {
        this.processed = processed;
        this.notifications = notifications;
    }

    @KafkaListener(topics = MessageReplied.TOPIC, groupId = "notification")
    void onReply(ConsumerRecord<String, String> record) {
        processed.handleOnce("notification-message-replied", record, MessageReplied.class, e -> {
            if (e.candidateId() != null) {
                notifications.create(
                        e.organizationId(),
                        null,
                        NotificationType.CANDIDATE_REPLIED,
                        "A candidate replied",
                        "Their answer is in the conversation.",
                        candidatePage(e.candidateId()),
                        "event:" + MessageReplied.TOPIC);
            }
        });
    }

    @KafkaListener(topics = InterviewScheduled.TOPIC, groupId = "notification")
    void onInterviewScheduled(ConsumerRecord<String, String> record) {
        processed.handleOnce(
                "notification-interview-scheduled",
                record,
                InterviewScheduled.class,
                e -> notifications.create(
                        e.organizationId(),
                        null,
                        NotificationType.INTERVIEW_SCHEDULED,
                        e.sequence() == 0 ? "Interview booked" : "Interview moved",
                        "On " + WHEN.format(e.startsAt()) + ".",
                        candidatePage(e.candidateId()),
                        "event:" + InterviewScheduled.TOPIC));
    }

    @KafkaListener(topics = InterviewCancelled.TOPIC, groupId = "notification")
    void onInterviewCancelled(ConsumerRecord<String, String> record) {
        processed.handleOnce(
                "notification-interview-cancelled",
                record,
                InterviewCancelled.class,
                e -> notifications.create(
                        e.organizationId(),
                        null,
                        NotificationType.INTERVIEW_CANCELLED,
                        "Interview cancelled",
                        e.wasBooked() ? "The booked time is free again." : "The proposal was withdrawn.",
                        candidatePage(e.candidateId()),
                        "event:" + InterviewCancelled.TOPIC));
    }

    @KafkaListener(topics = ResumeParseFailed.TOPIC, groupId = "notification")
    void onResumeFailed(ConsumerRecord<String, String> record) {
        processed.handleOnce(
                "notification-resume-failed",
                record,
                ResumeParseFailed.class,
                e -> notifications.create(
                        e.organizationId(),
                        null,
                        NotificationType.RESUME_FAILED,
                        "NEEDS_OCR".equals(e.status()) ? "A resume needs OCR" : "A resume could not be read",
                        e.reason(),
                        "/candidates/" + e.resumeId(),
                        "event:" + ResumeParseFailed.TOPIC));
    }

    /** The dashboard's page of a candidate known by their candidate id (it finds their newest resume). */
    static String candidatePage(java.util.UUID candidateId) {
        return candidateId == null ? null : "/candidates/of/" + candidateId;
    }
}

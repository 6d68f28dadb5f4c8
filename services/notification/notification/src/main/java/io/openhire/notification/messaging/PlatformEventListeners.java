package io.openhire.notification.messaging;

import io.openhire.applications.events.NoteAdded;
import io.openhire.audit.events.AuditAlertRaised;
import io.openhire.communication.events.InterviewCancelled;
import io.openhire.communication.events.InterviewDue;
import io.openhire.communication.events.InterviewScheduled;
import io.openhire.communication.events.MessageReplied;
import io.openhire.jobingestion.events.JobSourceFailing;
import io.openhire.matching.events.StrongMatchFound;
import io.openhire.modelregistry.events.ModelPromoted;
import io.openhire.notification.events.NotificationType;
import io.openhire.notification.follows.JobFollows;
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
    private final JobFollows follows;

    PlatformEventListeners(ProcessedEvents processed, Notifications notifications, JobFollows follows) {
        this.processed = processed;
        this.notifications = notifications;
        this.follows = follows;
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

    @KafkaListener(topics = InterviewDue.TOPIC, groupId = "notification")
    void onInterviewDue(ConsumerRecord<String, String> record) {
        processed.handleOnce(
                "notification-interview-due",
                record,
                InterviewDue.class,
                e -> notifications.create(
                        e.organizationId(),
                        null,
                        NotificationType.INTERVIEW_DUE,
                        "Interview in an hour",
                        "At " + WHEN.format(e.startsAt()) + ".",
                        candidatePage(e.candidateId()),
                        "event:" + InterviewDue.TOPIC));
    }

    /** One notification per person following the job whose own threshold the score reaches. */
    @KafkaListener(topics = StrongMatchFound.TOPIC, groupId = "notification")
    void onStrongMatch(ConsumerRecord<String, String> record) {
        processed.handleOnce("notification-strong-match", record, StrongMatchFound.class, e -> {
            long percent = Math.round(e.score());
            for (JobFollows.Follower follower : follows.followers(e.organizationId(), e.jobId())) {
                if (e.score() + 1e-9 >= follower.strongMatchScore()) {
                    notifications.create(
                            e.organizationId(),
                            follower.userId(),
                            NotificationType.STRONG_MATCH,
                            "Strong match: " + percent + "% for "
                                    + (follower.title() == null ? "a job you follow" : follower.title()),
                            "A new candidate ranks high for a job you follow.",
                            candidatePage(e.candidateId()),
                            "event:" + StrongMatchFound.TOPIC);
                }
            }
        });
    }

    /** One notification for each colleague mentioned in a note (not for the author, who knows). */
    @KafkaListener(topics = NoteAdded.TOPIC, groupId = "notification")
    void onNoteAdded(ConsumerRecord<String, String> record) {
        processed.handleOnce("notification-note-added", record, NoteAdded.class, e -> {
            for (java.util.UUID userId : e.mentionedUserIds()) {
                if (("user:" + userId).equals(e.actor())) {
                    continue;
                }
                notifications.create(
                        e.organizationId(),
                        userId,
                        NotificationType.MENTIONED,
                        "You were mentioned in a note",
                        "A colleague wrote a note on a candidate and mentioned you.",
                        candidatePage(e.candidateId()),
                        "event:" + NoteAdded.TOPIC);
            }
        });
    }

    @KafkaListener(topics = JobSourceFailing.TOPIC, groupId = "notification")
    void onJobSourceFailing(ConsumerRecord<String, String> record) {
        processed.handleOnce(
                "notification-job-source-failing",
                record,
                JobSourceFailing.class,
                e -> notifications.create(
                        e.organizationId(),
                        null,
                        NotificationType.JOB_SOURCE_FAILING,
                        "A job source is failing: " + abbreviate(e.sourceName(), 120),
                        abbreviate(e.reason(), 500),
                        "/sources",
                        "event:" + JobSourceFailing.TOPIC));
    }

    /**
     * For the admin who set the rule (an alert names who read what: not for everyone). A rule an API key set has
     * nobody to tell; its alerts are on the audit log's page.
     */
    @KafkaListener(topics = AuditAlertRaised.TOPIC, groupId = "notification")
    void onAuditAlertRaised(ConsumerRecord<String, String> record) {
        processed.handleOnce("notification-audit-alert-raised", record, AuditAlertRaised.class, e -> {
            if (e.notifyUserId() == null) {
                return;
            }
            notifications.create(
                    e.organizationId(),
                    e.notifyUserId(),
                    NotificationType.AUDIT_ALERT,
                    "Audit alert: " + abbreviate(e.ruleName(), 100),
                    // "resume.downloaded" → "resume downloaded": the audit log's page names the person and the action
                    "One person: " + e.entries() + " × "
                            + e.action().replace('.', ' ').replace('-', ' ')
                            + " within " + e.windowMinutes() + " minutes (the rule allows " + e.threshold()
                            + "). Open to see who.",
                    "/audit?action=" + e.action() + "&actor=" + e.actor(),
                    "event:" + AuditAlertRaised.TOPIC);
        });
    }

    /** For everyone on the platform: the models serve every organisation. */
    @KafkaListener(topics = ModelPromoted.TOPIC, groupId = "notification")
    void onModelPromoted(ConsumerRecord<String, String> record) {
        processed.handleOnce("notification-model-promoted", record, ModelPromoted.class, e -> {
            boolean rollback = "ROLLBACK".equals(e.action());
            notifications.create(
                    null,
                    null,
                    NotificationType.MODEL_PROMOTED,
                    (rollback ? "Model rolled back: " : "Model promoted: ") + e.model() + " v" + e.version()
                            + " is now " + e.alias(),
                    e.reason() == null || e.reason().isBlank() ? null : abbreviate(e.reason(), 500),
                    "/models/" + e.model(),
                    "event:" + ModelPromoted.TOPIC);
        });
    }

    private static String abbreviate(String text, int max) {
        if (text == null) {
            return null;
        }
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    /** The dashboard's page of a candidate known by their candidate id (it finds their newest resume). */
    static String candidatePage(java.util.UUID candidateId) {
        return candidateId == null ? null : "/candidates/of/" + candidateId;
    }
}

package io.openhire.notification.events;

/** What a notification is about; each person chooses per type whether they want it, in the app and by email. */
public enum NotificationType {
    /** A candidate answered an email. */
    CANDIDATE_REPLIED,
    /** A candidate booked an interview, or it was moved. */
    INTERVIEW_SCHEDULED,
    /** An interview was cancelled. */
    INTERVIEW_CANCELLED,
    /** A booked interview starts within the hour. */
    INTERVIEW_DUE,
    /** A new resume ranks high for a job the person follows (above their own score threshold). */
    STRONG_MATCH,
    /** A colleague mentioned the person in a note on a candidate. */
    MENTIONED,
    /** A resume could not be parsed (or needs OCR). */
    RESUME_FAILED,
    /** A job source that worked has started failing: its jobs are no longer kept up to date. */
    JOB_SOURCE_FAILING,
    /** The platform now ranks or reads with another model version (for everyone on the platform). */
    MODEL_PROMOTED,
    /** Written by an admin or a service for the organisation's people. */
    ANNOUNCEMENT,
    /** An audit alert rule the person (an admin) set was crossed: someone read more than it allows. */
    AUDIT_ALERT
}

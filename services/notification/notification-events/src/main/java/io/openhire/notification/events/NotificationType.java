package io.openhire.notification.events;

/** What a notification is about; each person chooses per type whether they want it. */
public enum NotificationType {
    /** A candidate answered an email. */
    CANDIDATE_REPLIED,
    /** A candidate booked an interview, or it was moved. */
    INTERVIEW_SCHEDULED,
    /** An interview was cancelled. */
    INTERVIEW_CANCELLED,
    /** A resume could not be parsed (or needs OCR). */
    RESUME_FAILED,
    /** Written by an admin or a service for the organisation's people. */
    ANNOUNCEMENT
}

package io.openhire.applications.events;

/**
 * What a stage means, whatever an organisation calls it: the four active steps, and the three ends. Consumers
 * (matching's feedback, analytics' funnel) read the category, never the stage's name.
 */
public enum StageCategory {
    APPLIED,
    SCREENING,
    INTERVIEW,
    OFFER,
    HIRED,
    REJECTED,
    WITHDRAWN;

    /** Hired, rejected and withdrawn end an application; it can still be moved back (undo). */
    public boolean isEnd() {
        return this == HIRED || this == REJECTED || this == WITHDRAWN;
    }
}

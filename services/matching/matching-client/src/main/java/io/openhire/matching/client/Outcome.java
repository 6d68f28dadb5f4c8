package io.openhire.matching.client;

/** What a recruiter decided about a candidate for a job. */
public enum Outcome {
    SHORTLISTED,
    REJECTED,
    INTERVIEWED,
    HIRED,
    WITHDRAWN
}

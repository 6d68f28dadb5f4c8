package io.openhire.resumeingestion.client;

/** How far a resume got. */
public enum ResumeStatus {
    /** Stored; parsing is under way. */
    RECEIVED,
    /** Parsed into a profile. */
    PARSED,
    /** The text could not be read; {@code statusReason} says why. */
    FAILED,
    /** A scan (images only): it needs text recognition before it can be parsed. */
    NEEDS_OCR
}

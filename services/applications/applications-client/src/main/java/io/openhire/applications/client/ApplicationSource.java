package io.openhire.applications.client;

/** Where an application came from. */
public enum ApplicationSource {
    CAREER_SITE,
    JOB_BOARD,
    REFERRAL,
    EMAIL,
    UPLOAD,
    MATCHING
}

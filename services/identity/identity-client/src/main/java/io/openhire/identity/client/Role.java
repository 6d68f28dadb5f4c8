package io.openhire.identity.client;

/** What a user may do inside their organisation. */
public enum Role {
    /** Manages the organisation: users, API keys, models, settings. */
    ADMIN,
    /** Works jobs and candidates. */
    RECRUITER,
    /** A hiring client of an agency: sees the shortlists shared with it. */
    CLIENT,
    /** A candidate managing their own profile and applications. */
    CANDIDATE
}

package io.openhire.identity.client;

/** Whether a user can sign in. */
public enum UserStatus {
    ACTIVE,
    /** Added by an admin; becomes ACTIVE when they accept the invitation and choose a password. */
    INVITED,
    DISABLED
}

package io.openhire.communication.events;

/** How a message travels. A call is logged by a recruiter, not sent. */
public enum Channel {
    EMAIL,
    SMS,
    CALL
}

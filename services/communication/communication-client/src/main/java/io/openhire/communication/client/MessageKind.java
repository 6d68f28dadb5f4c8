package io.openhire.communication.client;

/**
 * Transactional messages are about a candidate's own application (an interview, a question about their
 * resume); marketing messages (a newsletter, other jobs) need the candidate's recorded consent.
 */
public enum MessageKind {
    TRANSACTIONAL,
    MARKETING
}

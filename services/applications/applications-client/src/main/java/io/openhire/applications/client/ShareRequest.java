package io.openhire.applications.client;

/**
 * Shares an application with the job's client.
 *
 * @param revealed the client sees the name (else a blind card: no name, contact, links or address)
 */
public record ShareRequest(Boolean revealed) {}

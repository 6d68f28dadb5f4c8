package io.openhire.privacy.client;

/**
 * {@code POST /api/v1/privacy/requests/{id}/complete} (a rectification or restriction carried out) or
 * {@code /reject} (a request refused, e.g. the identity could not be confirmed): what was done or why not, up to
 * 2,000 characters. It is kept as the proof: write no more personal data into it than needed.
 */
public record CloseRequest(String resolution) {}

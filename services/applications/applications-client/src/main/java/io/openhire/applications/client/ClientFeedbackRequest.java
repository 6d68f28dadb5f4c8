package io.openhire.applications.client;

/**
 * A client's word on a shared candidate: at least one of a verdict, a comment or an interview request.
 *
 * @param verdict {@code UP} or {@code DOWN}, or null
 * @param comment at most 2,000 characters
 */
public record ClientFeedbackRequest(String verdict, String comment, Boolean requestInterview) {}

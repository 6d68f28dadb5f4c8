package io.openhire.applications.client;

/**
 * A question a job asks its applicants (1–300 characters); a required one must be answered.
 */
public record JobQuestion(String question, boolean required) {}

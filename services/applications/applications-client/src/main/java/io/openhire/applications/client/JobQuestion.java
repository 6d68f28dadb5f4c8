package io.openhire.applications.client;

/**
 * A question a job asks its applicants (1–300 characters); a required one must be answered.
 *
 * @param required false when left out
 */
public record JobQuestion(String question, Boolean required) {

    public JobQuestion {
        required = Boolean.TRUE.equals(required);
    }
}

package io.openhire.applications.client;

import java.time.Instant;

/**
 * An editable field of a candidate: what is shown, what the parser found, and whether a person corrected it.
 *
 * @param correctedBy who corrected it last; null when the value is the parser's
 */
public record CandidateField(String value, String parsed, String correctedBy, Instant correctedAt) {}

package io.openhire.applications.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.UUID;

/**
 * A note on a candidate, or on one of their applications.
 *
 * @param text 1–5,000 characters
 * @param mentions colleagues (user ids of the organisation, at most 20) told of the note
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NoteRequest(String text, UUID applicationId, List<UUID> mentions) {}

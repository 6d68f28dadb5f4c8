package io.openhire.applications.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A note was written on a candidate (or one of their applications), mentioning colleagues: notification tells
 * each of them. The note's text is not in the event.
 *
 * @param applicationId the application it is on, or null for a note on the candidate
 * @param mentionedUserIds the colleagues mentioned (users of the same organisation)
 */
public record NoteAdded(
        UUID noteId,
        UUID organizationId,
        UUID candidateId,
        UUID applicationId,
        List<UUID> mentionedUserIds,
        String actor,
        Instant occurredAt) {

    public static final String TOPIC = "application.note-added.v1";
}

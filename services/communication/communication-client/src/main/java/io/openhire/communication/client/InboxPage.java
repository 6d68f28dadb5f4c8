package io.openhire.communication.client;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A page of conversations, the latest activity first. */
public record InboxPage(List<Conversation> conversations, long total, int page, int size) {

    /**
     * A conversation with one candidate (or, before a candidate is known, with one address).
     *
     * @param unread inbound messages not read yet
     * @param lastSubject the subject of the latest message (an SMS has none)
     */
    public record Conversation(
            UUID candidateId,
            String address,
            int messages,
            int unread,
            String lastDirection,
            String lastSubject,
            Instant lastAt) {}
}

package io.openhire.applications.client;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

public record NoteView(
        UUID id,
        UUID candidateId,
        UUID applicationId,
        String text,
        List<UUID> mentions,
        String author,
        String authorName,
        Instant createdAt) {}

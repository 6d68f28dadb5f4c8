package io.openhire.storage.documents;

import java.time.Instant;

/** What is known about a stored document; the bytes are fetched separately. */
public record StoredObject(
        String bucket, String key, long size, String sha256, String mediaType, Instant createdAt, Instant updatedAt) {}

package io.openhire.storage.client;

import java.time.Instant;

/**
 * What storage keeps about a document (the answer to a PUT, and an item of a listing); the bytes are
 * fetched separately.
 *
 * @param size bytes of the document as sent (not as encrypted at rest)
 * @param sha256 hex SHA-256 of the bytes, also the download's {@code ETag}
 * @param mediaType the {@code Content-Type} the uploader sent
 */
public record ObjectMetadata(
        String bucket, String key, long size, String sha256, String mediaType, Instant createdAt, Instant updatedAt) {}

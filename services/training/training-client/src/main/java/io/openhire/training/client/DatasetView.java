package io.openhire.training.client;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An imported dataset: immutable, addressed by the SHA-256 of its file.
 *
 * @param format {@code CONLL} or {@code JSONL}
 * @param task what it trains ({@code skill-extraction})
 * @param sentences sentences (CoNLL) or texts (JSONL) read from it
 * @param spans labelled spans in it
 * @param labels the span labels it uses, sorted
 * @param createdBy {@code user:<id>}
 */
public record DatasetView(
        UUID id,
        String name,
        String task,
        String format,
        String sha256,
        long sizeBytes,
        int sentences,
        int spans,
        List<String> labels,
        String licence,
        String source,
        String createdBy,
        Instant createdAt) {}

package io.openhire.training.client;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An imported dataset, addressed by the SHA-256 of its file. It changes only when a data-subject erasure writes
 * its file again without a person's items (its SHA-256 and counts are then the new file's).
 *
 * @param format {@code CONLL}, {@code JSONL} or {@code ANNOTATED_XML}
 * @param task what it trains ({@code skill-extraction}, {@code resume-fields})
 * @param sentences sentences (CoNLL), texts (JSONL) or resumes (annotated XML) read from it
 * @param spans labelled spans in it
 * @param labels the span labels it uses, sorted
 * @param createdBy {@code user:<id>}
 * @param erasedItems how many items (resumes, sentences) data-subject erasures took out of it; 0 for a dataset as
 *     imported
 * @param erasedAt when the last of them did; null for a dataset as imported
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
        Instant createdAt,
        int erasedItems,
        Instant erasedAt) {}

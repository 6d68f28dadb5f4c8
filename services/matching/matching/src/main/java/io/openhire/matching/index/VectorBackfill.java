package io.openhire.matching.index;

import io.openhire.matching.MatchingProperties;
import io.openhire.matching.profiles.SourceChanged;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Vectors for documents that were indexed without one (their text is new or changed). The embedder thread
 * takes the queued texts in batches of {@code embedding-batch}, has model-serving embed them (the vectors
 * are stored), and then lets the indexer thread apply those documents again, now with their vectors: a
 * burst of uploads never waits behind the embedding model. A text that could not be embedded (model-serving
 * away) is remembered, and its document applied again every 10 s, which queues it again.
 */
final class VectorBackfill {

    static final Duration RETRY = Duration.ofSeconds(10);

    /** A text that still needs its vector in a generation. */
    record ToEmbed(Generation generation, UUID org, SourceChanged.Kind kind, UUID id, String text) {}

    private final Embeddings embeddings;
    private final MatchingProperties properties;
    private final Consumer<String> problems;

    private final LinkedBlockingQueue<ToEmbed> toEmbed = new LinkedBlockingQueue<>();
    /** Documents indexed without their vector that failed to get one; only the indexer thread touches it. */
    private final Set<SourceChanged> withoutVector = new LinkedHashSet<>();

    private volatile boolean stopping;

    VectorBackfill(Embeddings embeddings, MatchingProperties properties, Consumer<String> problems) {
        this.embeddings = embeddings;
        this.properties = properties;
        this.problems = problems;
    }

    /** Starts the embedder thread, and the retries every 10 s on the scheduler. */
    void start(Indexer indexer, ScheduledExecutorService scheduler) {
        Thread.ofPlatform().name("matching-embedder").daemon(true).start(() -> embedLoop(indexer));
        scheduler.scheduleWithFixedDelay(
                () -> retry(indexer), RETRY.toMillis(), RETRY.toMillis(), TimeUnit.MILLISECONDS);
    }

    void stop() {
        stopping = true;
    }

    /** Queues a text for the embedder (the indexer thread calls this). */
    void queue(ToEmbed text) {
        toEmbed.add(text);
    }

    /** On the indexer thread: the document is gone, or has its vector now; no retry. */
    void forget(SourceChanged key) {
        withoutVector.remove(key);
    }

    /** On the indexer thread: a new generation serves, which embedded everything it read for itself. */
    void forgetAll() {
        withoutVector.clear();
    }

    /** Texts waiting for the embedder, and documents waiting for a retry. */
    int waiting() {
        return toEmbed.size() + withoutVector.size();
    }

    /**
     * The embedder thread: takes queued texts in batches, has them embedded (and stored) off the indexer
     * thread, then lets the indexer put the vectors into the documents. A failure is retried later.
     */
    private void embedLoop(Indexer indexer) {
        while (!stopping) {
            List<ToEmbed> batch = new ArrayList<>();
            try {
                ToEmbed first = toEmbed.poll(1, TimeUnit.SECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                toEmbed.drainTo(batch, properties.embeddingBatch() - 1);
            } catch (InterruptedException e) {
                return;
            }
            // One request per generation, organisation and kind: each is embedded on that organisation's behalf.
            Map<List<Object>, List<ToEmbed>> groups = new LinkedHashMap<>();
            batch.forEach(
                    t -> groups.computeIfAbsent(List.of(t.generation(), t.org(), t.kind()), g -> new ArrayList<>())
                            .add(t));
            for (List<ToEmbed> group : groups.values()) {
                embed(indexer, group);
            }
        }
    }

    private void embed(Indexer indexer, List<ToEmbed> group) {
        ToEmbed head = group.getFirst();
        Map<UUID, String> texts = new LinkedHashMap<>();
        group.forEach(t -> texts.put(t.id(), t.text()));
        List<SourceChanged> keys = group.stream()
                .map(t -> new SourceChanged(t.org(), t.kind(), t.id()))
                .toList();
        try {
            embeddings.vectors(head.org(), head.kind(), head.generation().embeddingVersion(), texts);
            indexer.execute(() -> indexer.vectorsStored(head.generation(), keys));
        } catch (RuntimeException e) {
            problems.accept("embedding " + head.kind() + ": " + e.getMessage());
            indexer.execute(() -> withoutVector.addAll(keys));
        }
    }

    /** Applies the documents still without a vector again (on the indexer thread), which queues them again. */
    private void retry(Indexer indexer) {
        indexer.execute(() -> {
            if (!withoutVector.isEmpty()) {
                indexer.reapply(List.copyOf(withoutVector));
            }
        });
    }
}

package io.openhire.modelserving.runtime;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Dynamic micro-batching: inputs from concurrent requests wait in one queue; each worker takes what is
 * queued, waits at most {@code maxWait} for more, up to {@code maxBatch}, and runs them as one batch.
 * Under load the queue fills while the workers compute, so batches grow by themselves; a lone request
 * waits at most {@code maxWait}.
 */
public final class MicroBatcher implements AutoCloseable {

    private record Item(OnnxEmbedder.Encoded input, CompletableFuture<float[]> result) {}

    private final OnnxEmbedder embedder;
    private final int maxBatch;
    private final long maxWaitNanos;
    private final BlockingQueue<Item> queue = new LinkedBlockingQueue<>();
    private final List<Thread> workers = new ArrayList<>();
    private volatile boolean closed;

    public MicroBatcher(String name, OnnxEmbedder embedder, int workers, int maxBatch, Duration maxWait) {
        this.embedder = embedder;
        this.maxBatch = maxBatch;
        this.maxWaitNanos = maxWait.toNanos();
        for (int i = 0; i < workers; i++) {
            // Platform threads: a worker spends its time inside native ONNX Runtime calls.
            this.workers.add(Thread.ofPlatform()
                    .name("infer-" + name + "-" + i)
                    .daemon(true)
                    .start(this::work));
        }
    }

    public CompletableFuture<float[]> submit(OnnxEmbedder.Encoded input) {
        if (closed) {
            return CompletableFuture.failedFuture(new IllegalStateException("the model is being unloaded"));
        }
        CompletableFuture<float[]> result = new CompletableFuture<>();
        queue.add(new Item(input, result));
        return result;
    }

    public int queued() {
        return queue.size();
    }

    private void work() {
        List<Item> batch = new ArrayList<>(maxBatch);
        while (!closed || !queue.isEmpty()) {
            try {
                Item first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, maxBatch - 1);
                long deadline = System.nanoTime() + maxWaitNanos;
                while (batch.size() < maxBatch) {
                    long left = deadline - System.nanoTime();
                    Item next = left > 0 ? queue.poll(left, TimeUnit.NANOSECONDS) : null;
                    if (next == null) {
                        break;
                    }
                    batch.add(next);
                    queue.drainTo(batch, maxBatch - batch.size());
                }
                run(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                batch.forEach(item -> item.result().completeExceptionally(e));
                return;
            } finally {
                batch.clear();
            }
        }
    }

    private void run(List<Item> batch) {
        try {
            float[][] vectors = embedder.embed(batch.stream().map(Item::input).toList());
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).result().complete(vectors[i]);
            }
        } catch (Exception | Error e) {
            batch.forEach(item -> item.result().completeExceptionally(e));
        }
    }

    /** Stops taking inputs, finishes those queued, then returns. */
    @Override
    public void close() {
        closed = true;
        for (Thread worker : workers) {
            try {
                worker.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        for (Item late; (late = queue.poll()) != null; ) {
            late.result().completeExceptionally(new IllegalStateException("the model was unloaded"));
        }
    }
}

package io.openhire.gateway.ratelimit;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.LongSupplier;

/**
 * Token buckets in this JVM: right for one gateway instance (the all-in-one default). Buckets that
 * have refilled completely carry no information and are dropped, so memory follows active clients.
 */
public class InMemoryRateLimiter implements RateLimiter {

    private static final long NANOS_PER_MINUTE = 60_000_000_000L;
    private static final int SWEEP_EVERY = 10_000;

    private final ConcurrentMap<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final LongSupplier nanoTime;
    private int calls;

    public InMemoryRateLimiter() {
        this(System::nanoTime);
    }

    InMemoryRateLimiter(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    private static final class Bucket {
        double tokens;
        long updatedAt;

        Bucket(double tokens, long updatedAt) {
            this.tokens = tokens;
            this.updatedAt = updatedAt;
        }
    }

    @Override
    public Decision tryAcquire(String key, int permitsPerMinute) {
        long now = nanoTime.getAsLong();
        double perNano = (double) permitsPerMinute / NANOS_PER_MINUTE;
        Bucket bucket = buckets.computeIfAbsent(key, k -> new Bucket(permitsPerMinute, now));
        Decision decision;
        synchronized (bucket) {
            bucket.tokens = Math.min(permitsPerMinute, bucket.tokens + (now - bucket.updatedAt) * perNano);
            bucket.updatedAt = now;
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                decision = new Decision(true, (long) bucket.tokens, 0);
            } else {
                long waitNanos = (long) Math.ceil((1 - bucket.tokens) / perNano);
                decision = new Decision(false, 0, Math.max(1, (waitNanos + 999_999_999L) / 1_000_000_000L));
            }
        }
        if (++calls % SWEEP_EVERY == 0) {
            sweep(now, perNano, permitsPerMinute);
        }
        return decision;
    }

    private void sweep(long now, double perNano, int permitsPerMinute) {
        buckets.entrySet().removeIf(e -> {
            synchronized (e.getValue()) {
                return e.getValue().tokens + (now - e.getValue().updatedAt) * perNano >= permitsPerMinute;
            }
        });
    }

    int size() {
        return buckets.size();
    }
}

package io.openhire.gateway.ratelimit;

/** Token buckets by key: {@code permitsPerMinute} requests a minute, refilled continuously, bursts up to that. */
public interface RateLimiter {

    /**
     * @param allowed whether the request may go on
     * @param remaining whole tokens left in the bucket
     * @param retryAfterSeconds when refused, how long until a token is available
     */
    record Decision(boolean allowed, long remaining, long retryAfterSeconds) {}

    Decision tryAcquire(String key, int permitsPerMinute);
}

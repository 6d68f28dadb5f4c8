package io.openhire.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class InMemoryRateLimiterTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final InMemoryRateLimiter limiter = new InMemoryRateLimiter(now::get);

    @Test
    void allowsABurstUpToTheBudgetThenRefusesWithAWait() {
        for (int i = 0; i < 60; i++) {
            assertThat(limiter.tryAcquire("ip:1", 60).allowed()).isTrue();
        }

        RateLimiter.Decision refused = limiter.tryAcquire("ip:1", 60);

        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfterSeconds()).isEqualTo(1);
    }

    @Test
    void refillsContinuously() {
        for (int i = 0; i < 60; i++) {
            limiter.tryAcquire("ip:2", 60);
        }
        now.addAndGet(1_000_000_000L); // one second: one token back at 60 a minute

        assertThat(limiter.tryAcquire("ip:2", 60).allowed()).isTrue();
        assertThat(limiter.tryAcquire("ip:2", 60).allowed()).isFalse();
    }

    @Test
    void keysHaveSeparateBudgets() {
        limiter.tryAcquire("user:a", 1);

        assertThat(limiter.tryAcquire("user:a", 1).allowed()).isFalse();
        assertThat(limiter.tryAcquire("user:b", 1).allowed()).isTrue();
    }
}

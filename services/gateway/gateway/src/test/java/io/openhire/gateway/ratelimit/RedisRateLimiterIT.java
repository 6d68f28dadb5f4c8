package io.openhire.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Distributed mode: two gateway instances share one budget through Redis (this machine's, when present). */
class RedisRateLimiterIT {

    static boolean redisRunning() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", 6379), 500);
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    @Test
    void instancesShareOneBudget() {
        assumeTrue(redisRunning(), "No Redis at 127.0.0.1:6379: distributed rate limiting not tested here");
        String key = "user:" + UUID.randomUUID();
        try (RedisRateLimiter first = new RedisRateLimiter("redis://127.0.0.1:6379", "openhire-test:");
                RedisRateLimiter second = new RedisRateLimiter("redis://127.0.0.1:6379", "openhire-test:")) {
            for (int i = 0; i < 5; i++) {
                assertThat((i % 2 == 0 ? first : second).tryAcquire(key, 5).allowed())
                        .isTrue();
            }

            RateLimiter.Decision refused = second.tryAcquire(key, 5);

            assertThat(refused.allowed()).isFalse();
            assertThat(refused.retryAfterSeconds()).isBetween(1L, 12L);
            assertThat(first.tryAcquire("user:" + UUID.randomUUID(), 5).allowed())
                    .isTrue();
        }
    }

    @Test
    void anUnreachableRedisDoesNotTakeTheApiDown() {
        assumeTrue(redisRunning(), "No Redis at 127.0.0.1:6379");
        RedisRateLimiter limiter = new RedisRateLimiter("redis://127.0.0.1:6379", "openhire-test:");
        limiter.close();

        assertThat(limiter.tryAcquire("user:x", 1).allowed()).isTrue();
    }
}

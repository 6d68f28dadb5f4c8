package io.openhire.gateway.ratelimit;

import io.lettuce.core.RedisClient;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Token buckets in Redis, shared by every gateway instance (distributed mode). One Lua script reads,
 * refills and takes a token atomically, using Redis's clock so instances need not agree on time.
 *
 * <p>If Redis is unreachable the request is allowed and a warning is logged: losing rate limiting for
 * a moment is better than refusing every request.
 */
public class RedisRateLimiter implements RateLimiter, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RedisRateLimiter.class);

    /** KEYS[1] bucket; ARGV[1] capacity per minute. Returns {allowed, remaining, retryAfterMillis}. */
    private static final String SCRIPT = """
            local capacity = tonumber(ARGV[1])
            local t = redis.call('TIME')
            local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
            local state = redis.call('HMGET', KEYS[1], 'tokens', 'ts')
            local tokens = tonumber(state[1]) or capacity
            local ts = tonumber(state[2]) or now
            local rate = capacity / 60000
            tokens = math.min(capacity, tokens + math.max(0, now - ts) * rate)
            local allowed = 0
            local retry = 0
            if tokens >= 1 then
              tokens = tokens - 1
              allowed = 1
            else
              retry = math.ceil((1 - tokens) / rate)
            end
            redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'ts', tostring(now))
            redis.call('PEXPIRE', KEYS[1], 60000)
            return {allowed, math.floor(tokens), retry}
            """;

    private final RedisClient client;
    private final StatefulRedisConnection<String, String> connection;
    private final String scriptSha;
    private final String prefix;

    public RedisRateLimiter(String redisUrl, String prefix) {
        this.client = RedisClient.create(redisUrl);
        this.client.setDefaultTimeout(Duration.ofMillis(500));
        this.connection = client.connect();
        this.scriptSha = connection.sync().scriptLoad(SCRIPT);
        this.prefix = prefix;
    }

    @Override
    public Decision tryAcquire(String key, int permitsPerMinute) {
        try {
            RedisCommands<String, String> redis = connection.sync();
            List<Long> result = redis.evalsha(
                    scriptSha, ScriptOutputType.MULTI, new String[] {prefix + key}, String.valueOf(permitsPerMinute));
            boolean allowed = result.get(0) == 1L;
            long retryAfterSeconds = allowed ? 0 : Math.max(1, (result.get(2) + 999) / 1000);
            return new Decision(allowed, result.get(1), retryAfterSeconds);
        } catch (RuntimeException e) {
            log.warn(
                    "Rate limiting skipped: Redis did not answer ({})",
                    e.getClass().getSimpleName());
            return new Decision(true, permitsPerMinute, 0);
        }
    }

    @Override
    public void close() {
        connection.close();
        client.shutdown();
    }
}

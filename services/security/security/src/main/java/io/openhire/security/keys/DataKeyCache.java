package io.openhire.security.keys;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.SecretKey;

/**
 * Unwrapped data keys, kept in memory for a short while so that a busy organisation does not ask the key-encryption
 * key (possibly Vault, over the network) for every request. A key is the same whatever KEK wraps it, so a re-wrap
 * leaves the cache valid. Never logged, never written anywhere.
 */
final class DataKeyCache {

    /** Far more organisations than are busy at once; past it, expired entries go, then all of them. */
    static final int MAX_ENTRIES = 10_000;

    private record Ref(UUID organizationId, int version) {}

    private record Entry(SecretKey key, Instant expiresAt) {}

    private final Map<Ref, Entry> entries = new ConcurrentHashMap<>();
    private final Duration ttl;
    private final Clock clock;

    DataKeyCache(Duration ttl, Clock clock) {
        this.ttl = ttl;
        this.clock = clock;
    }

    /** The key, or null when it is not here or has expired. */
    SecretKey get(UUID organizationId, int version) {
        Ref ref = new Ref(organizationId, version);
        Entry entry = entries.get(ref);
        if (entry == null) {
            return null;
        }
        if (!entry.expiresAt().isAfter(clock.instant())) {
            entries.remove(ref, entry);
            return null;
        }
        return entry.key();
    }

    void put(UUID organizationId, int version, SecretKey key) {
        if (entries.size() >= MAX_ENTRIES) {
            Instant now = clock.instant();
            entries.values().removeIf(e -> !e.expiresAt().isAfter(now));
            if (entries.size() >= MAX_ENTRIES) {
                entries.clear();
            }
        }
        entries.put(
                new Ref(organizationId, version), new Entry(key, clock.instant().plus(ttl)));
    }
}

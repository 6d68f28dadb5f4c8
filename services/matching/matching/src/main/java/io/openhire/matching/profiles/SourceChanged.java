package io.openhire.matching.profiles;

import java.time.Instant;
import java.util.UUID;

/**
 * A candidate resume or a job changed (or went) in this service's tables: the index follows.
 *
 * @param occurredAt when the change happened upstream (a resume's parse finished), for the index-lag
 *     metric; null when unknown
 */
public record SourceChanged(UUID organizationId, Kind kind, UUID id, Instant occurredAt) {

    public enum Kind {
        RESUME,
        JOB
    }

    public SourceChanged(UUID organizationId, Kind kind, UUID id) {
        this(organizationId, kind, id, null);
    }

    /** The same change without its time: what the index keeps in its sets of pending changes. */
    public SourceChanged key() {
        return occurredAt == null ? this : new SourceChanged(organizationId, kind, id, null);
    }
}

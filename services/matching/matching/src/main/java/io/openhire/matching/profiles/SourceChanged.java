package io.openhire.matching.profiles;

import java.util.UUID;

/** A candidate resume or a job changed (or went) in this service's tables: the index follows. */
public record SourceChanged(UUID organizationId, Kind kind, UUID id) {

    public enum Kind {
        RESUME,
        JOB
    }
}

package io.openhire.audit.log;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Audit entries are kept {@code openhire.audit.retention} (default seven years, the longest the usual employment
 * and accounting rules ask for), separately from the data they are about: an erased candidate's entries name only
 * ids and stay as the record of who looked. Daily, older entries are pruned per organisation; the chain still
 * verifies from the prune's anchor.
 */
@Component
class AuditRetention {

    private static final Logger log = LoggerFactory.getLogger(AuditRetention.class);

    private final AuditLog audit;
    private final Duration retention;
    private final Clock clock;

    AuditRetention(AuditLog audit, @Value("${openhire.audit.retention:P2557D}") Duration retention, Clock clock) {
        this.audit = audit;
        this.retention = retention;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "PT24H", initialDelayString = "PT15M")
    void prune() {
        java.time.Instant before = clock.instant().minus(retention);
        for (UUID organization : audit.organisationsWithEntriesBefore(before)) {
            int removed = audit.prune(organization, before);
            log.info(
                    "Audit retention: {} entries older than {} removed for organisation {}",
                    removed,
                    retention,
                    organization);
        }
    }
}

package io.openhire.privacy.retention;

import java.util.UUID;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every hour: each organisation whose enabled rule has not run for a day is claimed (one instance wins the claim)
 * and run. The claim is a row update, so two instances never run one organisation's rule at once.
 */
@Component
class RetentionSchedule {

    private final Retention retention;

    RetentionSchedule(Retention retention) {
        this.retention = retention;
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT10M")
    void runDue() {
        for (UUID organization : retention.claimDue()) {
            retention.run(organization, "SCHEDULE");
        }
    }
}

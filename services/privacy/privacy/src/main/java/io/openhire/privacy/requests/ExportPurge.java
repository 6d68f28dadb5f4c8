package io.openhire.privacy.requests;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Hourly: access exports are personal data too, kept only for the retention after the request completed. */
@Component
class ExportPurge {

    private static final Logger log = LoggerFactory.getLogger(ExportPurge.class);

    private final DataSubjectRequests requests;

    ExportPurge(DataSubjectRequests requests) {
        this.requests = requests;
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    void purge() {
        int purged = requests.purgeExports();
        if (purged > 0) {
            log.info("Purged {} access-request exports past their retention", purged);
        }
    }
}

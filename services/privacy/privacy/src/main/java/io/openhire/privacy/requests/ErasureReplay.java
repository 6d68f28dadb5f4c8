package io.openhire.privacy.requests;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * At every start: each erasure of the ledger that this database does not know — neither the request nor a replay
 * of it — is filed again, as a new erasure request of the same person in the same organisation (source {@code
 * RESTORE}), which every service then carries out as it did the first time. After an ordinary restart there is none;
 * after a restore, the erasures done since the backup was taken.
 */
@Component
public class ErasureReplay {

    private static final Logger log = LoggerFactory.getLogger(ErasureReplay.class);

    private final ErasureLedger ledger;
    private final DataSubjectRequests requests;

    ErasureReplay(ErasureLedger ledger, DataSubjectRequests requests) {
        this.ledger = ledger;
        this.requests = requests;
    }

    /** @return how many erasures were filed again */
    @EventListener(ApplicationReadyEvent.class)
    public int replay() {
        if (!ledger.kept()) {
            return 0;
        }
        if (ledger.restored()) {
            // the requests still open in the backup: their events went with the old Kafka, so tell the services again
            int resent = requests.resendOpen();
            ledger.restoreHandled();
            log.warn(
                    "Restored from a backup: {} open access and erasure requests were sent to the services again",
                    resent);
        }
        int filed = 0;
        for (ErasureLedger.Entry entry : ledger.entries()) {
            if (requests.fileReplayIfUnknown(entry)) {
                filed++;
            }
        }
        if (filed > 0) {
            log.warn("{} erasures done after this database's backup were filed again (from the erasure ledger)", filed);
        }
        return filed;
    }
}

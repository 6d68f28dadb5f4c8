package io.openhire.resumeingestion.intake;

import io.openhire.platform.events.Outbox;
import io.openhire.platform.http.ServiceAccount;
import io.openhire.resumeingestion.events.ResumeDeleted;
import io.openhire.storage.client.StorageApi;
import io.openhire.storage.client.StorageBuckets;
import java.time.Clock;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.client.HttpClientErrorException;

/**
 * Deletes a resume everywhere: the original in storage first, then the row and
 * {@code resume.deleted.v1} in one transaction, on which resume-processing deletes the profile, the
 * text and the ATS reports. Each step tolerates the previous attempt having done it already, so a
 * failed deletion is simply repeated.
 */
@Service
public class ResumeErasure {

    private final Resumes resumes;
    private final StorageApi storage;
    private final ServiceAccount serviceAccount;
    private final Outbox outbox;
    private final TransactionTemplate transactions;
    private final Clock clock;

    ResumeErasure(
            Resumes resumes,
            StorageApi storage,
            ServiceAccount serviceAccount,
            Outbox outbox,
            TransactionTemplate transactions,
            Clock clock) {
        this.resumes = resumes;
        this.storage = storage;
        this.serviceAccount = serviceAccount;
        this.outbox = outbox;
        this.transactions = transactions;
        this.clock = clock;
    }

    public void erase(Resume resume) {
        try {
            serviceAccount.onBehalfOf(
                    resume.organizationId(), () -> storage.delete(StorageBuckets.RESUMES, resume.objectKey()));
        } catch (HttpClientErrorException.NotFound alreadyGone) {
            // an earlier attempt got this far
        }
        transactions.executeWithoutResult(status -> {
            if (resumes.delete(resume.organizationId(), resume.id())) {
                outbox.publish(
                        ResumeDeleted.TOPIC,
                        resume.id().toString(),
                        new ResumeDeleted(resume.id(), resume.organizationId(), clock.instant()),
                        resume.organizationId());
            }
        });
    }
}

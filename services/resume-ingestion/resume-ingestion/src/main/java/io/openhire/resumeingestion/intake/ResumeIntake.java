package io.openhire.resumeingestion.intake;

import io.openhire.platform.crypto.Sha256;
import io.openhire.platform.events.Outbox;
import io.openhire.platform.http.ServiceAccount;
import io.openhire.resumeingestion.events.ResumeReceived;
import io.openhire.storage.client.StorageApi;
import io.openhire.storage.client.StorageBuckets;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one way a resume enters OpenHire, for uploads and mailboxes alike:
 *
 * <ol>
 *   <li>a job it names must be one of the organisation's ({@link OrganisationJobs});
 *   <li>inspect the bytes ({@link DocumentInspector}: real type, encryption, bombs, damage);
 *   <li>the same file already there → that resume, nothing new. "There" is the organisation for staff
 *       and mail, but only the uploader's own uploads for a candidate: a candidate must not learn that a
 *       colleague's resume exists, nor lose their upload to it;
 *   <li>store the original in storage (as this service, for the organisation);
 *   <li>in one transaction, the resume row and {@code resume.received.v1} in the outbox.
 * </ol>
 *
 * The original is stored before the row: if the database fails after, an unreferenced object is left
 * behind (removed at once only when the row certainly was not written: a duplicate), never a row
 * without its file.
 */
@Service
public class ResumeIntake {

    private static final Logger log = LoggerFactory.getLogger(ResumeIntake.class);

    /** What the caller knows about the file besides its bytes. */
    public record Submission(
            UUID organizationId,
            byte[] bytes,
            String fileName,
            String source,
            String candidateEmail,
            UUID jobId,
            String uploadedBy,
            UUID mailboxId,
            DuplicatesAmong duplicatesAmong) {}

    /** Which resumes a new file is a duplicate of. */
    public enum DuplicatesAmong {
        /** any of the organisation's (staff uploads, mail) */
        ORGANISATION,
        /** the uploader's own only (candidates) */
        UPLOADER
    }

    /** The resume, and whether this submission created it or found it already there. */
    public record Outcome(Resume resume, boolean created) {}

    private final OrganisationJobs jobs;
    private final DocumentInspector inspector;
    private final Resumes resumes;
    private final StorageApi storage;
    private final ServiceAccount serviceAccount;
    private final Outbox outbox;
    private final TransactionTemplate transactions;
    private final Clock clock;

    ResumeIntake(
            OrganisationJobs jobs,
            DocumentInspector inspector,
            Resumes resumes,
            StorageApi storage,
            ServiceAccount serviceAccount,
            Outbox outbox,
            TransactionTemplate transactions,
            Clock clock) {
        this.jobs = jobs;
        this.inspector = inspector;
        this.resumes = resumes;
        this.storage = storage;
        this.serviceAccount = serviceAccount;
        this.outbox = outbox;
        this.transactions = transactions;
        this.clock = clock;
    }

    public Outcome submit(Submission submission) {
        UUID org = submission.organizationId();
        if (submission.jobId() != null) {
            jobs.requireJob(org, submission.jobId());
        }
        String mediaType = inspector.inspect(submission.bytes());
        String sha256 = Sha256.hex(submission.bytes());
        boolean ownOnly = submission.duplicatesAmong() == DuplicatesAmong.UPLOADER;
        Optional<Resume> existing = duplicate(submission, sha256);
        if (existing.isPresent()) {
            return new Outcome(existing.get(), false);
        }

        UUID id = UUID.randomUUID();
        String objectKey = id.toString(); // one segment: it travels as a single path variable
        serviceAccount.onBehalfOf(
                org, () -> storage.put(StorageBuckets.RESUMES, objectKey, mediaType, submission.bytes()));

        Instant now = clock.instant();
        Resume resume = new Resume(
                id,
                org,
                Resume.Status.RECEIVED,
                null,
                submission.source(),
                submission.fileName(),
                mediaType,
                submission.bytes().length,
                sha256,
                objectKey,
                submission.candidateEmail(),
                submission.jobId(),
                submission.uploadedBy(),
                submission.mailboxId(),
                now,
                now);
        try {
            transactions.executeWithoutResult(status -> {
                resumes.insert(resume, ownOnly);
                outbox.publish(
                        ResumeReceived.TOPIC,
                        id.toString(),
                        new ResumeReceived(
                                id,
                                org,
                                StorageBuckets.RESUMES,
                                objectKey,
                                mediaType,
                                resume.sizeBytes(),
                                sha256,
                                resume.source(),
                                resume.jobId(),
                                now),
                        org);
            });
            return new Outcome(resume, true);
        } catch (DuplicateKeyException raced) {
            // The same file arrived twice at once: the other submission won; drop our copy.
            discard(org, objectKey);
            return new Outcome(duplicate(submission, sha256).orElseThrow(), false);
        }
        // Any other failure propagates and leaves the original in place: whether the commit happened is
        // not always knowable (a connection lost during COMMIT), and an unreferenced object is harmless
        // where a row without its file would be a lost resume.
    }

    private Optional<Resume> duplicate(Submission submission, String sha256) {
        return submission.duplicatesAmong() == DuplicatesAmong.UPLOADER
                ? resumes.findOwnBySha256(submission.organizationId(), submission.uploadedBy(), sha256)
                : resumes.findBySha256(submission.organizationId(), sha256);
    }

    private void discard(UUID org, String objectKey) {
        try {
            serviceAccount.onBehalfOf(org, () -> storage.delete(StorageBuckets.RESUMES, objectKey));
        } catch (RuntimeException e) {
            log.warn("Could not remove the unreferenced original {} of organisation {}", objectKey, org);
        }
    }
}

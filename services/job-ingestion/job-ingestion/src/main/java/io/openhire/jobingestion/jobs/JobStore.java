package io.openhire.jobingestion.jobs;

import io.openhire.jobingestion.connectors.Posting;
import io.openhire.jobingestion.events.JobIngested;
import io.openhire.jobingestion.normalisation.Salary;
import io.openhire.jobingestion.normalisation.SimHash;
import io.openhire.platform.events.Outbox;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Where every posting becomes a job, whether crawled, pushed or uploaded:
 *
 * <ol>
 *   <li>normalise it ({@link JobNormaliser});
 *   <li>the same posting of the same origin (source, push or upload) again: unchanged → nothing; changed
 *       or re-opened → the row updated with a new revision;
 *   <li>a new posting: linked to the oldest canonical job it nearly duplicates (SimHash within
 *       {@value SimHash#NEAR_DUPLICATE_BITS} bits, same employer, ≥ 80 % shared 3-shingles), kept as its own row;
 *   <li>in the same transaction, {@code job.ingested.v1} in the outbox.
 * </ol>
 */
@Service
public class JobStore {

    /** What became of one posting. */
    public enum Result {
        CREATED,
        UPDATED,
        UNCHANGED
    }

    /**
     * @param externalId the posting's id at its origin (a content hash when it had none)
     * @param duplicateOf the canonical job when this one is a near duplicate
     */
    public record Outcome(UUID jobId, String externalId, Result result, UUID duplicateOf) {}

    /** Where postings came from: a configured source, or pushed / uploaded by a user. */
    public record Origin(String key, String kind, UUID sourceId) {
        public static Origin source(UUID sourceId, String kind) {
            return new Origin(sourceId.toString(), kind, sourceId);
        }

        public static Origin push() {
            return new Origin("PUSH", "PUSH", null);
        }

        public static Origin upload() {
            return new Origin("UPLOAD", "UPLOAD", null);
        }
    }

    private final JobNormaliser normaliser;
    private final Jobs jobs;
    private final Outbox outbox;
    private final TransactionTemplate transactions;
    private final Clock clock;

    JobStore(JobNormaliser normaliser, Jobs jobs, Outbox outbox, TransactionTemplate transactions, Clock clock) {
        this.normaliser = normaliser;
        this.jobs = jobs;
        this.outbox = outbox;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** @throws JobNormaliser.InvalidPosting when the posting cannot be a job (nothing is stored) */
    public Outcome ingest(UUID organizationId, Origin origin, Posting posting) {
        return ingest(organizationId, origin, normaliser.normalise(posting));
    }

    /** A posting already normalised (a batch checked as a whole before any is stored). */
    public Outcome ingest(UUID organizationId, Origin origin, JobNormaliser.Normalised n) {
        String externalId = n.externalId() != null ? n.externalId() : "sha256:" + n.contentSha256();
        try {
            return transactions.execute(status -> store(organizationId, origin, externalId, n));
        } catch (DuplicateKeyException raced) {
            // The same posting arrived twice at once (two pushes): the other one inserted it; update instead.
            return transactions.execute(status -> store(organizationId, origin, externalId, n));
        }
    }

    private Outcome store(UUID org, Origin origin, String externalId, JobNormaliser.Normalised n) {
        Instant now = clock.instant();
        Job existing = jobs.findForUpdate(org, origin.key(), externalId).orElse(null);
        if (existing != null) {
            if (existing.contentSha256().equals(n.contentSha256()) && existing.status() == Job.Status.OPEN) {
                return new Outcome(existing.id(), externalId, Result.UNCHANGED, existing.canonicalJobId());
            }
            Job updated = job(
                    existing.id(),
                    org,
                    existing.revision() + 1,
                    origin,
                    externalId,
                    n,
                    existing.canonicalJobId(),
                    existing.createdAt(),
                    now);
            jobs.update(updated);
            publish(updated, now);
            return new Outcome(updated.id(), externalId, Result.UPDATED, updated.canonicalJobId());
        }
        UUID id = UUID.randomUUID();
        UUID canonical = canonicalFor(org, id, n);
        Job created = job(id, org, 1, origin, externalId, n, canonical, now, now);
        jobs.insert(created);
        publish(created, now);
        return new Outcome(id, externalId, Result.CREATED, canonical);
    }

    private UUID canonicalFor(UUID org, UUID id, JobNormaliser.Normalised n) {
        List<Job> candidates = jobs.nearFingerprint(org, id, n.simhash(), SimHash.NEAR_DUPLICATE_BITS, n.employer());
        for (Job candidate : candidates) {
            if (SimHash.nearDuplicates(
                    candidate.employer(),
                    candidate.title() + "\n" + candidate.description(),
                    n.employer(),
                    n.comparableText())) {
                return candidate.id();
            }
        }
        return null;
    }

    /**
     * After a complete crawl: the source's open jobs it no longer lists are closed (kept, with a new
     * revision and event), never deleted. Returns how many.
     */
    public int closeUnlisted(UUID organizationId, Origin origin, Set<String> listedExternalIds) {
        int closed = 0;
        for (Job job : jobs.openOf(organizationId, origin.key())) {
            if (listedExternalIds.contains(job.externalId())) {
                continue;
            }
            Boolean done = transactions.execute(status -> {
                Job current = jobs.findForUpdate(organizationId, origin.key(), job.externalId())
                        .orElse(null);
                if (current == null || current.status() != Job.Status.OPEN) {
                    return false;
                }
                Instant now = clock.instant();
                Job closedJob = withStatus(current, Job.Status.CLOSED, now);
                jobs.update(closedJob);
                publish(closedJob, now);
                return true;
            });
            if (Boolean.TRUE.equals(done)) {
                closed++;
            }
        }
        return closed;
    }

    private void publish(Job job, Instant now) {
        outbox.publish(JobIngested.TOPIC, job.id().toString(), job.event(now), job.organizationId());
    }

    private static Job withStatus(Job j, Job.Status status, Instant now) {
        return new Job(
                j.id(),
                j.organizationId(),
                j.revision() + 1,
                status,
                j.origin(),
                j.sourceId(),
                j.sourceKind(),
                j.externalId(),
                j.sourceUrl(),
                j.fetchedAt(),
                j.title(),
                j.titleOriginal(),
                j.employer(),
                j.description(),
                j.locations(),
                j.workplace(),
                j.employmentType(),
                j.seniority(),
                j.salaryMin(),
                j.salaryMax(),
                j.salaryCurrency(),
                j.salaryPeriod(),
                j.salaryEstimated(),
                j.salaryText(),
                j.postedAt(),
                j.expiresAt(),
                j.applyUrl(),
                j.contentSha256(),
                j.simhash(),
                j.canonicalJobId(),
                j.createdAt(),
                now);
    }

    private static Job job(
            UUID id,
            UUID org,
            int revision,
            Origin origin,
            String externalId,
            JobNormaliser.Normalised n,
            UUID canonical,
            Instant createdAt,
            Instant now) {
        Salary s = n.salary();
        return new Job(
                id,
                org,
                revision,
                Job.Status.OPEN,
                origin.key(),
                origin.sourceId(),
                origin.kind(),
                externalId,
                n.sourceUrl(),
                now,
                n.title(),
                n.titleOriginal(),
                n.employer(),
                n.description(),
                n.locations(),
                n.workplace(),
                n.employmentType(),
                n.seniority(),
                s == null ? null : s.min(),
                s == null ? null : s.max(),
                s == null ? null : s.currency(),
                s == null ? null : s.period().name(),
                s == null ? null : s.estimated(),
                s == null ? null : s.text(),
                n.postedAt(),
                n.expiresAt(),
                n.applyUrl(),
                n.contentSha256(),
                n.simhash(),
                canonical,
                createdAt,
                now);
    }
}

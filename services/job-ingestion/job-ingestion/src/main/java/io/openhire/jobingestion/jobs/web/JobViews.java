package io.openhire.jobingestion.jobs.web;

import io.openhire.jobingestion.client.JobView;
import io.openhire.jobingestion.jobs.Job;
import io.openhire.jobingestion.normalisation.Salary;
import java.time.Instant;
import java.util.List;

/** Jobs as job-ingestion-client's {@link JobView}: what the job API answers is what its callers read. */
final class JobViews {

    private JobViews() {}

    /** A job in a list: no description, no duplicates. */
    static JobView summary(Job j, Instant now) {
        return of(j, now, null, null);
    }

    static JobView of(Job j, Instant now, String description, List<JobView.Duplicate> duplicates) {
        return new JobView(
                j.id(),
                j.effectiveStatus(now),
                j.revision(),
                j.title(),
                j.titleOriginal(),
                j.employer(),
                j.locations().stream()
                        .map(l -> new JobView.Location(l.city(), l.region(), l.country(), l.text()))
                        .toList(),
                j.workplace(),
                j.employmentType(),
                j.seniority(),
                salary(j),
                j.postedAt(),
                j.expiresAt(),
                j.applyUrl(),
                j.canonicalJobId(),
                new JobView.Provenance(j.sourceId(), j.sourceKind(), j.externalId(), j.sourceUrl(), j.fetchedAt()),
                j.createdAt(),
                j.updatedAt(),
                description,
                duplicates);
    }

    /** A near duplicate linked to a canonical job. */
    static JobView.Duplicate duplicate(Job j) {
        return new JobView.Duplicate(j.id(), j.title(), j.employer(), j.sourceKind(), j.sourceUrl(), j.createdAt());
    }

    private static JobView.Salary salary(Job j) {
        if (j.salaryCurrency() == null) {
            return null;
        }
        Salary s = new Salary(
                j.salaryMin(),
                j.salaryMax(),
                j.salaryCurrency(),
                Salary.Period.valueOf(j.salaryPeriod()),
                Boolean.TRUE.equals(j.salaryEstimated()),
                j.salaryText());
        return new JobView.Salary(
                s.min(),
                s.max(),
                s.currency(),
                s.period().name(),
                s.estimated(),
                s.text(),
                s.annualMin(),
                s.annualMax());
    }
}

package io.openhire.jobingestion.jobs.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.openhire.jobingestion.events.JobIngested;
import io.openhire.jobingestion.jobs.Job;
import io.openhire.jobingestion.normalisation.Salary;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What the job API answers. */
final class JobViews {

    private JobViews() {}

    /** Where a job came from, as the source gave it. */
    record Provenance(UUID sourceId, String sourceKind, String externalId, String url, Instant fetchedAt) {}

    @JsonInclude(JsonInclude.Include.ALWAYS)
    record SalaryView(
            BigDecimal min,
            BigDecimal max,
            String currency,
            String period,
            boolean estimated,
            String text,
            BigDecimal annualMin,
            BigDecimal annualMax) {

        static SalaryView of(Job j) {
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
            return new SalaryView(
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

    @JsonInclude(JsonInclude.Include.ALWAYS)
    record JobView(
            UUID id,
            String status,
            int revision,
            String title,
            String titleOriginal,
            String employer,
            List<JobIngested.Location> locations,
            String workplace,
            String employmentType,
            String seniority,
            SalaryView salary,
            Instant postedAt,
            Instant expiresAt,
            String applyUrl,
            UUID canonicalJobId,
            Provenance provenance,
            Instant createdAt,
            Instant updatedAt,
            @JsonInclude(JsonInclude.Include.NON_NULL) String description,
            @JsonInclude(JsonInclude.Include.NON_NULL) List<DuplicateView> duplicates) {

        static JobView summary(Job j, Instant now) {
            return of(j, now, null, null);
        }

        static JobView of(Job j, Instant now, String description, List<DuplicateView> duplicates) {
            return new JobView(
                    j.id(),
                    j.effectiveStatus(now),
                    j.revision(),
                    j.title(),
                    j.titleOriginal(),
                    j.employer(),
                    j.locations(),
                    j.workplace(),
                    j.employmentType(),
                    j.seniority(),
                    SalaryView.of(j),
                    j.postedAt(),
                    j.expiresAt(),
                    j.applyUrl(),
                    j.canonicalJobId(),
                    new Provenance(j.sourceId(), j.sourceKind(), j.externalId(), j.sourceUrl(), j.fetchedAt()),
                    j.createdAt(),
                    j.updatedAt(),
                    description,
                    duplicates);
        }
    }

    /** A near duplicate linked to a canonical job. */
    record DuplicateView(UUID id, String title, String employer, String sourceKind, String url, Instant createdAt) {
        static DuplicateView of(Job j) {
            return new DuplicateView(j.id(), j.title(), j.employer(), j.sourceKind(), j.sourceUrl(), j.createdAt());
        }
    }

    record JobPage(List<JobView> items, int page, int size, long total) {}
}

package io.openhire.jobingestion.jobs;

import io.openhire.jobingestion.events.JobIngested;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A normalised job posting as stored (one row of {@code job}). */
public record Job(
        UUID id,
        UUID organizationId,
        int revision,
        Status status,
        String origin,
        UUID sourceId,
        String sourceKind,
        String externalId,
        String sourceUrl,
        Instant fetchedAt,
        String title,
        String titleOriginal,
        String employer,
        String description,
        List<JobIngested.Location> locations,
        String workplace,
        String employmentType,
        String seniority,
        BigDecimal salaryMin,
        BigDecimal salaryMax,
        String salaryCurrency,
        String salaryPeriod,
        Boolean salaryEstimated,
        String salaryText,
        Instant postedAt,
        Instant expiresAt,
        String applyUrl,
        String contentSha256,
        long simhash,
        UUID canonicalJobId,
        Instant createdAt,
        Instant updatedAt) {

    public enum Status {
        OPEN,
        CLOSED
    }

    /** OPEN until its closing date has passed. */
    public String effectiveStatus(Instant now) {
        return status == Status.OPEN && expiresAt != null && expiresAt.isBefore(now) ? "EXPIRED" : status.name();
    }

    public JobIngested.Salary salary() {
        return salaryCurrency == null
                ? null
                : new JobIngested.Salary(
                        salaryMin, salaryMax, salaryCurrency, salaryPeriod, Boolean.TRUE.equals(salaryEstimated));
    }

    public JobIngested event(Instant at) {
        return new JobIngested(
                id,
                organizationId,
                revision,
                status.name(),
                canonicalJobId,
                title,
                employer,
                description,
                locations,
                workplace,
                employmentType,
                seniority,
                salary(),
                postedAt,
                expiresAt,
                applyUrl,
                sourceKind,
                sourceId,
                at);
    }
}

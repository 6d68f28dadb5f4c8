package io.openhire.jobprocessing.pipeline.web;

import io.openhire.jobingestion.events.JobIngested;
import io.openhire.jobprocessing.pipeline.JobOptimisation;
import io.openhire.jobprocessing.pipeline.JobReports;
import io.openhire.jobprocessing.report.AdReport;
import io.openhire.jobprocessing.report.AdReviewer;
import io.openhire.places.Places;
import io.openhire.platform.security.AuthenticatedUser;
import io.openhire.platform.web.DateOrInstant;
import io.openhire.platform.web.ProblemException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/jobs/optimize} reviews a job: an ingested one ({@code {jobId}}, stored and
 * announced) or a draft ({@code {job: {...}}}, reviewed only); {@code GET /api/v1/jobs/optimized?jobId=}
 * returns a job's latest report with its extracted skills. Other services read the report as
 * job-processing-client's {@code AdReport} ({@code AdReportClientTest} holds the two together).
 */
@RestController
@RequestMapping("/api/v1/jobs")
class OptimizeController {

    static final int MAX_DESCRIPTION = 100_000;

    private final JobReports reports;
    private final JobOptimisation optimisation;
    private final AdReviewer reviewer;
    private final TransactionTemplate transactions;

    OptimizeController(
            JobReports reports, JobOptimisation optimisation, AdReviewer reviewer, TransactionTemplate transactions) {
        this.reports = reports;
        this.optimisation = optimisation;
        this.reviewer = reviewer;
        this.transactions = transactions;
    }

    /** A draft job ad. {@code salary} is {@code {min, max, currency, period}}. */
    record Draft(
            String title,
            String employer,
            String description,
            List<String> locations,
            String workplace,
            String employmentType,
            JobIngested.Salary salary,
            String postedAt,
            String expiresAt,
            String applyUrl) {}

    record OptimizeRequest(UUID jobId, Draft job) {}

    @PostMapping("/optimize")
    @PreAuthorize("hasAnyRole('ADMIN', 'RECRUITER', 'SERVICE')")
    AdReport optimize(AuthenticatedUser caller, @RequestBody OptimizeRequest request) {
        if ((request.jobId() == null) == (request.job() == null)) {
            throw ProblemException.badRequest("optimize-request", "Send either {\"jobId\": …} or {\"job\": {…}}.");
        }
        if (request.jobId() != null) {
            JobIngested job = reports.job(caller.organizationId(), request.jobId())
                    .orElseThrow(() -> ProblemException.notFound("Job " + request.jobId()));
            return transactions.execute(status -> optimisation.review(job));
        }
        return reviewer.review(draft(caller.organizationId(), request.job())).report();
    }

    @GetMapping("/optimized")
    @PreAuthorize("hasAnyRole('ADMIN', 'RECRUITER', 'CLIENT', 'SERVICE')")
    AdReport optimized(AuthenticatedUser caller, @RequestParam UUID jobId) {
        return reports.latestReport(caller.organizationId(), jobId)
                .orElseThrow(() -> ProblemException.notFound("A report for job " + jobId));
    }

    private static JobIngested draft(UUID org, Draft d) {
        if (d.title() == null || d.title().isBlank() || d.title().length() > 300) {
            throw ProblemException.invalidField("job.title", "required, at most 300 characters");
        }
        if (d.description() == null || d.description().isBlank()) {
            throw ProblemException.invalidField("job.description", "required");
        }
        if (d.description().length() > MAX_DESCRIPTION) {
            throw ProblemException.invalidField("job.description", "at most " + MAX_DESCRIPTION + " characters");
        }
        List<String> texts = d.locations() == null ? List.of() : d.locations();
        if (texts.size() > 50) {
            throw ProblemException.invalidField("job.locations", "at most 50");
        }
        List<JobIngested.Location> locations = texts.stream()
                .filter(t -> t != null && !t.isBlank())
                .map(t -> Places.find(t)
                        .map(p -> new JobIngested.Location(p.city(), p.region(), p.country(), t))
                        .orElse(new JobIngested.Location(null, null, Places.country(t.strip()), t)))
                .toList();
        String workplace = upper(d.workplace(), "job.workplace", List.of("ON_SITE", "HYBRID", "REMOTE"));
        String type = upper(
                d.employmentType(),
                "job.employmentType",
                List.of("FULL_TIME", "PART_TIME", "CONTRACTOR", "TEMPORARY", "INTERN", "VOLUNTEER", "PER_DIEM"));
        JobIngested.Salary salary = d.salary();
        if (salary != null) {
            if (salary.currency() == null || !salary.currency().matches("[A-Z]{3}")) {
                throw ProblemException.invalidField("job.salary.currency", "an ISO 4217 code such as USD");
            }
            if ((salary.min() == null && salary.max() == null)
                    || (salary.min() != null && salary.min().signum() < 0)
                    || (salary.min() != null
                            && salary.max() != null
                            && salary.min().compareTo(salary.max()) > 0)) {
                throw ProblemException.invalidField("job.salary", "min ≤ max, not negative");
            }
            String period = upper(
                    salary.period() == null ? "YEAR" : salary.period(),
                    "job.salary.period",
                    List.of("HOUR", "DAY", "WEEK", "MONTH", "YEAR"));
            salary = new JobIngested.Salary(salary.min(), salary.max(), salary.currency(), period, false);
        }
        return new JobIngested(
                null,
                org,
                0,
                "OPEN",
                null,
                d.title().strip(),
                d.employer() == null || d.employer().isBlank()
                        ? null
                        : d.employer().strip(),
                d.description(),
                locations,
                workplace,
                type,
                null,
                salary,
                DateOrInstant.atStart("job.postedAt", d.postedAt()),
                DateOrInstant.atStart("job.expiresAt", d.expiresAt()),
                d.applyUrl(),
                "DRAFT",
                null,
                Instant.now());
    }

    private static String upper(String value, String field, List<String> allowed) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        if (!allowed.contains(v)) {
            throw ProblemException.invalidField(field, "one of " + allowed);
        }
        return v;
    }
}

package io.openhire.jobprocessing.pipeline;

import io.openhire.jobingestion.events.JobIngested;
import io.openhire.jobprocessing.analysis.JobAnalyser;
import io.openhire.jobprocessing.analysis.SkillExtractor;
import io.openhire.jobprocessing.events.JobOptimized;
import io.openhire.jobprocessing.models.ChampionSkillTagger;
import io.openhire.jobprocessing.report.AdReport;
import io.openhire.jobprocessing.report.AdReviewer;
import io.openhire.platform.events.Outbox;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * A job revision in → its review stored and {@code job.optimized.v1} in the outbox, in the caller's
 * transaction (the listener's, with the processed-event row).
 */
@Service
public class JobOptimisation {

    private final AdReviewer reviewer;
    private final ChampionSkillTagger tagger;
    private final JobReports reports;
    private final Outbox outbox;
    private final Clock clock;

    JobOptimisation(AdReviewer reviewer, ChampionSkillTagger tagger, JobReports reports, Outbox outbox, Clock clock) {
        this.reviewer = reviewer;
        this.tagger = tagger;
        this.reports = reports;
        this.outbox = outbox;
        this.clock = clock;
    }

    void process(JobIngested job) {
        if (!reports.saveJob(job, clock.instant())) {
            return; // an older revision arriving late: the newer one was analysed already
        }
        review(job);
    }

    /** Reviews a stored job again (on request) and announces the result. */
    public AdReport review(JobIngested job) {
        // The version is taken before the ad is read: should a promotion land in between, the job is recorded as
        // read by the older model and reviewed once more for the new one, never the other way round.
        Integer taggerVersion = tagger.version();
        AdReviewer.Review review = reviewer.review(job);
        AdReport report = review.report();
        reports.saveReport(job.organizationId(), job.jobId(), job.revision(), report.score(), report, clock.instant());
        reports.readWith(job.organizationId(), job.jobId(), taggerVersion);
        outbox.publish(
                JobOptimized.TOPIC,
                job.jobId().toString(),
                event(job, review.analysis(), report),
                job.organizationId());
        return report;
    }

    private JobOptimized event(JobIngested job, JobAnalyser.Analysis a, AdReport report) {
        JobIngested.Salary s = job.salary();
        JobOptimized.AnnualSalary salary = null;
        if (s != null) {
            salary = new JobOptimized.AnnualSalary(
                    annual(s.min(), s.period()), annual(s.max(), s.period()), s.currency());
        }
        return new JobOptimized(
                job.jobId(),
                job.organizationId(),
                job.revision(),
                job.status(),
                job.canonicalJobId(),
                job.title(),
                job.employer(),
                a.seniority(),
                a.minYearsExperience(),
                skills(a.requiredSkills()),
                skills(a.niceToHaveSkills()),
                a.keywords(),
                job.workplace(),
                job.locations() == null
                        ? List.of()
                        : job.locations().stream()
                                .map(l -> new JobOptimized.Location(l.city(), l.region(), l.country()))
                                .toList(),
                salary,
                report.score(),
                report.taxonomyVersion(),
                clock.instant());
    }

    private static List<JobOptimized.JobSkill> skills(List<SkillExtractor.ExtractedSkill> skills) {
        return skills.stream()
                .map(s -> new JobOptimized.JobSkill(s.id(), s.name()))
                .toList();
    }

    /** Per year: hours × 2,080, days × 260, weeks × 52, months × 12. */
    static BigDecimal annual(BigDecimal amount, String period) {
        if (amount == null) {
            return null;
        }
        int factor = switch (period == null ? "YEAR" : period) {
            case "HOUR" -> 2080;
            case "DAY" -> 260;
            case "WEEK" -> 52;
            case "MONTH" -> 12;
            default -> 1;
        };
        return amount.multiply(BigDecimal.valueOf(factor));
    }
}

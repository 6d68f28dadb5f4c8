package io.openhire.resumeprocessing.optimize;

import io.openhire.platform.errors.DomainException;
import io.openhire.resumeprocessing.client.AtsReport;
import io.openhire.resumeprocessing.client.CandidateProfile;
import io.openhire.resumeprocessing.pipeline.ProfileStore;
import io.openhire.skills.SkillsTaxonomy;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/** Scores a parsed resume against a job, keeps the report, and returns the latest one. */
@Service
public class Optimizer {

    private final ProfileStore profiles;
    private final AtsScorer scorer;
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;

    Optimizer(ProfileStore profiles, SkillsTaxonomy taxonomy, JdbcClient jdbc, JsonMapper json, Clock clock) {
        this.profiles = profiles;
        this.scorer = new AtsScorer(taxonomy);
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    public AtsReport optimize(UUID organizationId, UUID resumeId, UUID jobId, String jobText, String jobTitle) {
        ProfileStore.StoredProfile stored = profiles.profile(organizationId, resumeId)
                .orElseThrow(() -> DomainException.notFound("The resume's profile"));
        if (!"PARSED".equals(stored.status()) || stored.profileJson() == null) {
            throw new DomainException(
                    DomainException.Category.CONFLICT,
                    "resume-not-parsed",
                    "Resume not parsed",
                    "This resume has no profile to score (" + stored.status() + "). Fix or re-upload it first.");
        }
        CandidateProfile profile = json.readValue(stored.profileJson(), CandidateProfile.class);
        AtsReport report = scorer.score(resumeId, profile, stored.text(), jobText, jobTitle, jobId, clock.instant());
        jdbc.sql("""
                        INSERT INTO ats_report (id, organization_id, resume_id, job_id, job_title, score, report, created_at)
                        VALUES (:id, :org, :resume, :job, :title, :score, CAST(:report AS jsonb), :at)
                        """)
                .param("id", report.id())
                .param("org", organizationId)
                .param("resume", resumeId)
                .param("job", jobId)
                .param("title", report.jobTitle())
                .param("score", report.score())
                .param("report", json.writeValueAsString(report))
                .param("at", report.createdAt().atOffset(ZoneOffset.UTC))
                .update();
        return report;
    }

    /** Every report kept for the resume, newest first (a data subject's access request). */
    public List<AtsReport> all(UUID organizationId, UUID resumeId) {
        return jdbc.sql("""
                        SELECT report::text FROM ats_report WHERE organization_id = :org AND resume_id = :resume
                        ORDER BY created_at DESC, id
                        """)
                .param("org", organizationId)
                .param("resume", resumeId)
                .query((rs, n) -> json.readValue(rs.getString(1), AtsReport.class))
                .list();
    }

    public Optional<AtsReport> latest(UUID organizationId, UUID resumeId) {
        return jdbc.sql("""
                        SELECT report::text FROM ats_report WHERE organization_id = :org AND resume_id = :resume
                        ORDER BY created_at DESC LIMIT 1
                        """)
                .param("org", organizationId)
                .param("resume", resumeId)
                .query(String.class)
                .optional()
                .map(text -> json.readValue(text, AtsReport.class));
    }
}

package io.openhire.applications.portal;

import io.openhire.applications.candidates.Candidates;
import io.openhire.applications.client.CandidateCorrection;
import io.openhire.applications.client.CandidateView;
import io.openhire.applications.client.PortalView;
import io.openhire.applications.events.StageCategory;
import io.openhire.applications.pipeline.Pipeline;
import io.openhire.platform.errors.DomainException;
import io.openhire.platform.http.ServiceAccount;
import io.openhire.platform.security.AuthenticatedUser;
import io.openhire.resumeingestion.client.ResumeIngestionApi;
import io.openhire.resumeingestion.client.UploadAccepted;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The candidate portal: a candidate signed in with a link (identity's CANDIDATE account, tied here to the record
 * the link was sent for) sees their applications and what was read from their resume, corrects it, sends a new
 * resume, withdraws an application or their consent. Everything is reached through {@link #me}: a candidate can
 * name no other record.
 */
@Service
public class CandidatePortal {

    /** At most this many sign-in emails a candidate is sent an hour, however often the form is sent. */
    static final int LINKS_PER_HOUR = 5;

    private final JdbcClient jdbc;
    private final Candidates candidates;
    private final Pipeline pipeline;
    private final ServiceAccount serviceAccount;
    private final ResumeIngestionApi resumeIngestion;
    private final Clock clock;

    CandidatePortal(
            JdbcClient jdbc,
            Candidates candidates,
            Pipeline pipeline,
            ServiceAccount serviceAccount,
            ResumeIngestionApi resumeIngestion,
            Clock clock) {
        this.jdbc = jdbc;
        this.candidates = candidates;
        this.pipeline = pipeline;
        this.serviceAccount = serviceAccount;
        this.resumeIngestion = resumeIngestion;
        this.clock = clock;
    }

    /**
     * Someone asks for a sign-in link with an address. When it is a candidate's of this organisation, a link is
     * mailed (by {@link SignInMailer}); otherwise nothing happens. The answer is the same either way.
     */
    @Transactional
    public void requestSignIn(UUID org, String email) {
        String address = email == null ? null : Candidates.valid("email", email);
        if (address == null) {
            throw DomainException.invalidField("email", "is required");
        }
        // The link goes to the address on record (as the person wrote it), not to the one typed now.
        record OnRecord(UUID id, String email) {}
        Optional<OnRecord> candidate = jdbc.sql("""
                        SELECT id, email FROM candidate
                        WHERE organization_id = :org AND merged_into IS NULL AND lower(email) = lower(:email)
                        ORDER BY created_at LIMIT 1
                        """)
                .param("org", org)
                .param("email", address)
                .query((rs, i) -> new OnRecord(rs.getObject("id", UUID.class), rs.getString("email")))
                .optional();
        if (candidate.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        long recent = jdbc.sql("""
                        SELECT count(*) FROM sign_in_request WHERE candidate_id = :candidate AND requested_at > :since
                        """)
                .param("candidate", candidate.get().id())
                .param("since", Timestamp.from(now.minus(Duration.ofHours(1))))
                .query(Long.class)
                .single();
        if (recent >= LINKS_PER_HOUR) {
            return;
        }
        jdbc.sql("""
                        INSERT INTO sign_in_request (id, organization_id, candidate_id, to_address, requested_at, due_at)
                        VALUES (:id, :org, :candidate, :to, :now, :now)
                        """)
                .param("id", UUID.randomUUID())
                .param("org", org)
                .param("candidate", candidate.get().id())
                .param("to", candidate.get().email())
                .param("now", Timestamp.from(now))
                .update();
    }

    /** The signed-in candidate's own record (following merges); 404 for any other caller. */
    public Candidates.Stored me(AuthenticatedUser caller) {
        if (caller.kind() != AuthenticatedUser.Kind.USER || !caller.hasRole("CANDIDATE")) {
            throw DomainException.notFound("Your candidate record");
        }
        UUID org = caller.organizationId();
        UUID candidateId = jdbc.sql("""
                        SELECT candidate_id FROM portal_account WHERE user_id = :user AND organization_id = :org
                        """)
                .param("user", UUID.fromString(caller.subject()))
                .param("org", org)
                .query(UUID.class)
                .optional()
                .orElseThrow(() -> DomainException.notFound("Your candidate record"));
        return candidates.require(org, candidateId);
    }

    public PortalView view(AuthenticatedUser caller) {
        return view(me(caller));
    }

    private PortalView view(Candidates.Stored me) {
        return new PortalView(
                me.id(),
                me.fields(),
                me.skills(),
                me.titles(),
                applications(me),
                consents(me),
                me.resumes().stream()
                        .map(r -> new CandidateView.Resume(r.resumeId(), r.revision(), r.parsedAt()))
                        .toList());
    }

    /** The candidate corrects what was read from their resume; each correction is kept beside the parsed value. */
    public PortalView correct(AuthenticatedUser caller, CandidateCorrection correction) {
        Candidates.Stored me = me(caller);
        return view(candidates.correct(caller.organizationId(), me.id(), correction, "candidate"));
    }

    /** Withdraws one of the candidate's own applications (another's is a 404). */
    @Transactional
    public PortalView withdraw(AuthenticatedUser caller, UUID applicationId) {
        Candidates.Stored me = me(caller);
        own(me, applicationId);
        pipeline.withdraw(caller.organizationId(), applicationId, "candidate");
        return view(me);
    }

    /**
     * Withdraws consent to processing: recorded on every consent still given, and every open application is
     * withdrawn (an application cannot go on without it). The record stays until erased (see the privacy issue).
     */
    @Transactional
    public PortalView withdrawConsent(AuthenticatedUser caller) {
        Candidates.Stored me = me(caller);
        UUID org = caller.organizationId();
        jdbc.sql("""
                        UPDATE consent SET withdrawn_at = :now
                        WHERE organization_id = :org AND candidate_id = :candidate AND withdrawn_at IS NULL
                        """)
                .param("now", Timestamp.from(clock.instant()))
                .param("org", org)
                .param("candidate", me.id())
                .update();
        for (PortalView.Application application : applications(me)) {
            if (application.open()) {
                pipeline.withdraw(org, application.id(), "candidate");
            }
        }
        return view(me);
    }

    /**
     * A new resume from the candidate: resume-ingestion checks and stores it (the same refusals as anywhere), and it
     * is filed under this candidate. A file already on record for someone else in the organisation is refused.
     */
    public PortalView upload(AuthenticatedUser caller, byte[] file, String fileName) {
        Candidates.Stored me = me(caller);
        if (file == null || file.length == 0) {
            throw DomainException.invalidField("file", "is required: a PDF, Word, RTF, ODT or text file");
        }
        UUID org = caller.organizationId();
        String name = fileName == null || fileName.isBlank() ? "resume" : fileName;
        UploadAccepted uploaded = serviceAccount.onBehalfOf(
                org,
                () -> resumeIngestion.upload(new ByteArrayResource(file), name, "PORTAL", me.value("email"), null));
        candidates.fileResume(org, uploaded.id(), me.id());
        return view(candidates.require(org, me.id()));
    }

    /** The candidate's applications as they may see them: job, stage, dates. */
    List<PortalView.Application> applications(Candidates.Stored me) {
        return jdbc.sql("""
                        SELECT a.id, a.job_id, j.title, j.employer, s.name AS stage_name, s.category,
                               a.stage_entered_at, a.created_at
                        FROM application a JOIN stage s ON s.id = a.stage_id LEFT JOIN job j ON j.job_id = a.job_id
                        WHERE a.organization_id = :org AND a.candidate_id = :candidate
                        ORDER BY a.created_at DESC, a.id
                        """)
                .param("org", me.organizationId())
                .param("candidate", me.id())
                .query((rs, i) -> {
                    StageCategory category = StageCategory.valueOf(rs.getString("category"));
                    return new PortalView.Application(
                            rs.getObject("id", UUID.class),
                            rs.getObject("job_id", UUID.class),
                            rs.getString("title"),
                            rs.getString("employer"),
                            rs.getString("stage_name"),
                            category,
                            rs.getTimestamp("stage_entered_at").toInstant(),
                            rs.getTimestamp("created_at").toInstant(),
                            !category.isEnd());
                })
                .list();
    }

    List<PortalView.Consent> consents(Candidates.Stored me) {
        return jdbc.sql("""
                        SELECT purpose, notice_version, given_at, withdrawn_at FROM consent
                        WHERE organization_id = :org AND candidate_id = :candidate ORDER BY given_at DESC
                        """)
                .param("org", me.organizationId())
                .param("candidate", me.id())
                .query((rs, i) -> new PortalView.Consent(
                        rs.getString("purpose"),
                        rs.getInt("notice_version"),
                        rs.getTimestamp("given_at").toInstant(),
                        rs.getTimestamp("withdrawn_at") == null
                                ? null
                                : rs.getTimestamp("withdrawn_at").toInstant()))
                .list();
    }

    private void own(Candidates.Stored me, UUID applicationId) {
        boolean mine = applications(me).stream().anyMatch(a -> a.id().equals(applicationId));
        if (!mine) {
            throw DomainException.notFound("The application");
        }
    }
}

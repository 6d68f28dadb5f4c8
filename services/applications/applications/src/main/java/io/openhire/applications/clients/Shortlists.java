package io.openhire.applications.clients;

import io.openhire.applications.candidates.Candidates;
import io.openhire.applications.candidates.Notes;
import io.openhire.applications.client.ClientCompany;
import io.openhire.applications.client.ClientFeedbackRequest;
import io.openhire.applications.client.ClientFeedbackView;
import io.openhire.applications.client.ClientJob;
import io.openhire.applications.client.ShareView;
import io.openhire.applications.client.Shortlist;
import io.openhire.applications.client.ShortlistEntry;
import io.openhire.platform.errors.DomainException;
import io.openhire.platform.security.AuthenticatedUser;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Shortlists shared with a job's client. A recruiter shares an application (blind, or with the name revealed); the
 * client's users see the jobs run for their company and the candidates shared on them, and say what they think
 * (thumbs up or down, a comment, "request an interview"), which lands on the application as a note that tells the
 * recruiter who shared it.
 */
@Service
public class Shortlists {

    private static final int MAX_COMMENT = 2000;

    private final JdbcClient jdbc;
    private final ClientCompanies clients;
    private final Notes notes;
    private final Clock clock;

    Shortlists(JdbcClient jdbc, ClientCompanies clients, Notes notes, Clock clock) {
        this.jdbc = jdbc;
        this.clients = clients;
        this.notes = notes;
        this.clock = clock;
    }

    // ---- the recruiter's side

    /** Shares (or re-shares, changing whether the name is revealed) an application with its job's client. */
    @Transactional
    public ShareView share(UUID org, UUID applicationId, boolean revealed, String actor) {
        UUID jobId = jobOf(org, applicationId);
        ClientCompany client = clients.ofJob(org, jobId)
                .orElseThrow(() -> DomainException.conflict(
                        "no-client", "The job is not run for a client: link it to a client first."));
        jdbc.sql("""
                        INSERT INTO shortlist_share (application_id, organization_id, job_id, client_company_id, revealed,
                            shared_by, shared_at)
                        VALUES (:id, :org, :job, :client, :revealed, :actor, :now)
                        ON CONFLICT (application_id) DO UPDATE SET revealed = EXCLUDED.revealed,
                            client_company_id = EXCLUDED.client_company_id
                        """)
                .param("id", applicationId)
                .param("org", org)
                .param("job", jobId)
                .param("client", client.id())
                .param("revealed", revealed)
                .param("actor", actor)
                .param("now", Timestamp.from(clock.instant()))
                .update();
        return shareOf(org, applicationId);
    }

    @Transactional
    public ShareView unshare(UUID org, UUID applicationId) {
        jobOf(org, applicationId);
        jdbc.sql("DELETE FROM shortlist_share WHERE organization_id = :org AND application_id = :id")
                .param("org", org)
                .param("id", applicationId)
                .update();
        return shareOf(org, applicationId);
    }

    /** How the application is shared, and the client's feedback on it. */
    public ShareView shareOf(UUID org, UUID applicationId) {
        Optional<ClientCompany> client = clients.ofJob(org, jobOf(org, applicationId));
        record Share(UUID client, boolean revealed, Instant at) {}
        // shared with the client the job is run for now (a share given to an earlier client does not count)
        Optional<Share> share = jdbc.sql("""
                        SELECT client_company_id, revealed, shared_at FROM shortlist_share
                        WHERE organization_id = :org AND application_id = :id
                        """)
                .param("org", org)
                .param("id", applicationId)
                .query((rs, i) -> new Share(
                        rs.getObject("client_company_id", UUID.class),
                        rs.getBoolean("revealed"),
                        rs.getTimestamp("shared_at").toInstant()))
                .optional()
                .filter(given ->
                        client.isPresent() && given.client().equals(client.get().id()));
        return new ShareView(
                applicationId,
                client.map(ClientCompany::id).orElse(null),
                client.map(ClientCompany::name).orElse(null),
                share.isPresent(),
                share.map(Share::revealed).orElse(false),
                share.map(Share::at).orElse(null),
                feedback(applicationId));
    }

    // ---- the client's side

    /** The jobs run for the caller's company (none when they belong to no company yet). */
    public List<ClientJob> jobs(AuthenticatedUser client) {
        Optional<UUID> company = company(client);
        if (company.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        SELECT j.job_id, j.title, j.location, j.status,
                               (SELECT count(*) FROM shortlist_share s
                                WHERE s.job_id = j.job_id AND s.client_company_id = jc.client_company_id) AS shared
                        FROM job_client jc JOIN job j ON j.job_id = jc.job_id
                        WHERE jc.organization_id = :org AND jc.client_company_id = :company
                        ORDER BY j.status DESC, lower(j.title), j.job_id
                        """)
                .param("org", client.organizationId())
                .param("company", company.get())
                .query((rs, i) -> new ClientJob(
                        rs.getObject("job_id", UUID.class),
                        rs.getString("title"),
                        rs.getString("location"),
                        rs.getString("status"),
                        rs.getLong("shared")))
                .list();
    }

    /** A job's shortlist for the caller's company; another company's job (or an unlinked one) is a 404. */
    public Shortlist shortlist(AuthenticatedUser client, UUID jobId) {
        ClientJob job = jobs(client).stream()
                .filter(j -> j.jobId().equals(jobId))
                .findFirst()
                .orElseThrow(() -> DomainException.notFound("The job"));
        record Row(
                UUID applicationId,
                String name,
                boolean revealed,
                String headline,
                String title,
                List<String> skills,
                String stage,
                Instant sharedAt) {}
        List<Row> rows = jdbc.sql("""
                        SELECT s.application_id, s.revealed, s.shared_at, c.name, c.headline, c.current_title, c.skills,
                               st.name AS stage_name
                        FROM shortlist_share s JOIN application a ON a.id = s.application_id
                        JOIN candidate c ON c.id = a.candidate_id JOIN stage st ON st.id = a.stage_id
                        WHERE s.organization_id = :org AND s.job_id = :job AND s.client_company_id = :company
                        ORDER BY s.shared_at, s.application_id
                        """)
                .param("org", client.organizationId())
                .param("job", jobId)
                .param("company", company(client).orElseThrow())
                .query((rs, i) -> new Row(
                        rs.getObject("application_id", UUID.class),
                        rs.getString("name"),
                        rs.getBoolean("revealed"),
                        rs.getString("headline"),
                        rs.getString("current_title"),
                        Candidates.strings(rs.getArray("skills")),
                        rs.getString("stage_name"),
                        rs.getTimestamp("shared_at").toInstant()))
                .list();
        List<ShortlistEntry> entries = new ArrayList<>();
        for (Row row : rows) {
            // Blind: skills and stage only. A parsed headline or title can carry an employer and a city ("Backend
            // Developer, PayNorth AG, Hamburg"), which is enough to find a person.
            entries.add(new ShortlistEntry(
                    row.applicationId(),
                    label(row.applicationId()),
                    row.revealed() ? row.name() : null,
                    row.revealed(),
                    row.revealed() ? row.headline() : null,
                    row.revealed() ? row.title() : null,
                    row.skills().size() > 20 ? row.skills().subList(0, 20) : row.skills(),
                    row.stage(),
                    row.sharedAt(),
                    feedback(row.applicationId())));
        }
        return new Shortlist(job, entries);
    }

    /**
     * A client user's feedback on a candidate shared with their company: kept, and written on the application as a
     * note that mentions the recruiter who shared it (so they are told).
     */
    @Transactional
    public ClientFeedbackView feedback(
            AuthenticatedUser client, UUID applicationId, ClientFeedbackRequest request, String authorName) {
        UUID org = client.organizationId();
        UUID company = company(client).orElseThrow(() -> DomainException.notFound("The candidate"));
        // shared with the caller's company, on a job still run for it
        record Shared(UUID candidateId, String sharedBy) {}
        Shared shared = jdbc.sql("""
                        SELECT a.candidate_id, s.shared_by FROM shortlist_share s
                        JOIN application a ON a.id = s.application_id
                        JOIN job_client jc ON jc.job_id = s.job_id AND jc.client_company_id = s.client_company_id
                        WHERE s.organization_id = :org AND s.application_id = :id AND s.client_company_id = :company
                        """)
                .param("org", org)
                .param("id", applicationId)
                .param("company", company)
                .query((rs, i) -> new Shared(rs.getObject("candidate_id", UUID.class), rs.getString("shared_by")))
                .optional()
                .orElseThrow(() -> DomainException.notFound("The candidate"));
        String verdict = request == null
                        || request.verdict() == null
                        || request.verdict().isBlank()
                ? null
                : request.verdict().strip().toUpperCase(Locale.ROOT);
        if (verdict != null && !verdict.equals("UP") && !verdict.equals("DOWN")) {
            throw DomainException.invalidField("verdict", "UP or DOWN");
        }
        String comment = request == null
                        || request.comment() == null
                        || request.comment().isBlank()
                ? null
                : request.comment().strip();
        if (comment != null && comment.length() > MAX_COMMENT) {
            throw DomainException.invalidField("comment", "at most " + MAX_COMMENT + " characters");
        }
        boolean interview = request != null && Boolean.TRUE.equals(request.requestInterview());
        if (verdict == null && comment == null && !interview) {
            throw DomainException.invalid(
                    "nothing-to-say", "Give a thumbs up or down, a comment, or ask for an interview.");
        }
        String companyName = clients.get(org, company).name();
        String author = (authorName == null ? "A client" : authorName) + " (" + companyName + ")";
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        jdbc.sql("""
                        INSERT INTO client_feedback (id, organization_id, application_id, user_id, author_name, verdict,
                            comment, interview_requested, created_at)
                        VALUES (:id, :org, :application, :user, :author, :verdict, :comment, :interview, :now)
                        """)
                .param("id", id)
                .param("org", org)
                .param("application", applicationId)
                .param("user", UUID.fromString(client.subject()))
                .param("author", author)
                .param("verdict", verdict)
                .param("comment", comment)
                .param("interview", interview)
                .param("now", Timestamp.from(now))
                .update();
        String sharedBy = shared.sharedBy();
        List<UUID> tell = sharedBy.startsWith("user:") ? List.of(UUID.fromString(sharedBy.substring(5))) : List.of();
        StringBuilder text = new StringBuilder("Client feedback: ");
        if (verdict != null) {
            text.append(verdict.equals("UP") ? "thumbs up" : "thumbs down");
        }
        if (interview) {
            text.append(verdict == null ? "" : "; ").append("asks for an interview");
        }
        if (comment != null) {
            text.append(verdict == null && !interview ? "" : ". ").append(comment);
        }
        String note = text.length() > 4000 ? text.substring(0, 4000) : text.toString();
        notes.add(org, shared.candidateId(), applicationId, note, tell, client.actor(), author);
        return new ClientFeedbackView(id, author, verdict, comment, interview, now);
    }

    /**
     * A blind candidate's name for the client: the same for as long as the application exists (not a position in
     * the list, which would move when a share is taken back and point earlier comments at someone else).
     */
    static String label(UUID applicationId) {
        return "Candidate " + applicationId.toString().substring(0, 4).toUpperCase(Locale.ROOT);
    }

    private List<ClientFeedbackView> feedback(UUID applicationId) {
        return jdbc.sql("SELECT * FROM client_feedback WHERE application_id = :id ORDER BY created_at DESC")
                .param("id", applicationId)
                .query((rs, i) -> new ClientFeedbackView(
                        rs.getObject("id", UUID.class),
                        rs.getString("author_name"),
                        rs.getString("verdict"),
                        rs.getString("comment"),
                        rs.getBoolean("interview_requested"),
                        rs.getTimestamp("created_at").toInstant()))
                .list();
    }

    /** The application's job (its history is not needed here); 404 for another organisation's application. */
    private UUID jobOf(UUID org, UUID applicationId) {
        return jdbc.sql("SELECT job_id FROM application WHERE organization_id = :org AND id = :id")
                .param("org", org)
                .param("id", applicationId)
                .query(UUID.class)
                .optional()
                .orElseThrow(() -> DomainException.notFound("The application"));
    }

    private Optional<UUID> company(AuthenticatedUser client) {
        if (client.kind() != AuthenticatedUser.Kind.USER) {
            return Optional.empty();
        }
        return clients.companyOf(client.organizationId(), UUID.fromString(client.subject()));
    }
}

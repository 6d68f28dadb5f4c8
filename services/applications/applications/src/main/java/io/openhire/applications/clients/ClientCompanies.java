package io.openhire.applications.clients;

import io.openhire.applications.client.ClientCompany;
import io.openhire.applications.jobs.Jobs;
import io.openhire.identity.client.IdentityApi;
import io.openhire.identity.client.Role;
import io.openhire.identity.client.UserProfile;
import io.openhire.platform.errors.DomainException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.client.HttpClientErrorException;

/**
 * An organisation's hiring clients (the companies an agency recruits for): their CLIENT users, and the jobs run
 * for each. A client user sees only their company's jobs (see {@link Shortlists}).
 */
@Service
public class ClientCompanies {

    private static final int MAX_NAME = 120;

    private final JdbcClient jdbc;
    private final Jobs jobs;
    private final IdentityApi identity;
    private final Clock clock;

    ClientCompanies(JdbcClient jdbc, Jobs jobs, IdentityApi identity, Clock clock) {
        this.jdbc = jdbc;
        this.jobs = jobs;
        this.identity = identity;
        this.clock = clock;
    }

    public List<ClientCompany> list(UUID org) {
        return jdbc
                .sql("SELECT id FROM client_company WHERE organization_id = :org ORDER BY lower(name)")
                .param("org", org)
                .query(UUID.class)
                .list()
                .stream()
                .map(id -> get(org, id))
                .toList();
    }

    public ClientCompany get(UUID org, UUID id) {
        record Row(String name, java.time.Instant createdAt) {}
        Row row = jdbc.sql("SELECT name, created_at FROM client_company WHERE organization_id = :org AND id = :id")
                .param("org", org)
                .param("id", id)
                .query((rs, i) -> new Row(
                        rs.getString("name"), rs.getTimestamp("created_at").toInstant()))
                .optional()
                .orElseThrow(() -> DomainException.notFound("The client"));
        List<ClientCompany.Member> members = jdbc.sql("""
                        SELECT user_id, name FROM client_member WHERE client_company_id = :id ORDER BY lower(name), user_id
                        """)
                .param("id", id)
                .query((rs, i) -> new ClientCompany.Member(rs.getObject("user_id", UUID.class), rs.getString("name")))
                .list();
        List<UUID> jobIds = jdbc.sql("SELECT job_id FROM job_client WHERE client_company_id = :id ORDER BY job_id")
                .param("id", id)
                .query(UUID.class)
                .list();
        return new ClientCompany(id, row.name(), members, jobIds, row.createdAt());
    }

    @Transactional
    public ClientCompany create(UUID org, String name) {
        String given = name == null ? "" : name.strip();
        if (given.isEmpty() || given.length() > MAX_NAME || given.chars().anyMatch(Character::isISOControl)) {
            throw DomainException.invalidField("name", "1–" + MAX_NAME + " characters, no control characters");
        }
        UUID id = UUID.randomUUID();
        try {
            jdbc.sql("""
                            INSERT INTO client_company (id, organization_id, name, created_at) VALUES (:id, :org, :name, :now)
                            """)
                    .param("id", id)
                    .param("org", org)
                    .param("name", given)
                    .param("now", Timestamp.from(clock.instant()))
                    .update();
        } catch (DuplicateKeyException e) {
            throw DomainException.conflict("client-exists", "A client with this name exists already.");
        }
        return get(org, id);
    }

    /** Removes a client: its users see nothing any more; jobs and applications stay. */
    @Transactional
    public void delete(UUID org, UUID id) {
        get(org, id);
        jdbc.sql("DELETE FROM client_company WHERE organization_id = :org AND id = :id")
                .param("org", org)
                .param("id", id)
                .update();
    }

    /**
     * Puts a CLIENT user of the organisation in the company (moved from another one if they were there). Identity
     * is asked with the admin's own token, so another organisation's user is not found.
     */
    @Transactional
    public ClientCompany addMember(UUID org, UUID companyId, UUID userId) {
        get(org, companyId);
        if (userId == null) {
            throw DomainException.invalidField("userId", "is required");
        }
        UserProfile user;
        try {
            user = identity.user(userId);
        } catch (HttpClientErrorException.NotFound e) {
            throw DomainException.invalidField("userId", "is not a user of the organisation");
        }
        if (user.role() != Role.CLIENT) {
            throw DomainException.invalidField("userId", "is not a client user (give them the role CLIENT first)");
        }
        jdbc.sql("""
                        INSERT INTO client_member (user_id, organization_id, client_company_id, name, added_at)
                        VALUES (:user, :org, :company, :name, :now)
                        ON CONFLICT (user_id) DO UPDATE SET client_company_id = EXCLUDED.client_company_id,
                            name = EXCLUDED.name, added_at = EXCLUDED.added_at
                        WHERE client_member.organization_id = EXCLUDED.organization_id
                        """)
                .param("user", userId)
                .param("org", org)
                .param("company", companyId)
                .param("name", user.name() == null || user.name().isBlank() ? user.email() : user.name())
                .param("now", Timestamp.from(clock.instant()))
                .update();
        return get(org, companyId);
    }

    @Transactional
    public ClientCompany removeMember(UUID org, UUID companyId, UUID userId) {
        get(org, companyId);
        jdbc.sql("DELETE FROM client_member WHERE client_company_id = :company AND user_id = :user")
                .param("company", companyId)
                .param("user", userId)
                .update();
        return get(org, companyId);
    }

    /** Links a job to the client it is run for (null unlinks it). */
    @Transactional
    public Optional<ClientCompany> linkJob(UUID org, UUID jobId, UUID clientId) {
        jobs.require(org, jobId);
        if (clientId == null) {
            jdbc.sql("DELETE FROM job_client WHERE organization_id = :org AND job_id = :job")
                    .param("org", org)
                    .param("job", jobId)
                    .update();
            return Optional.empty();
        }
        get(org, clientId);
        jdbc.sql("""
                        INSERT INTO job_client (job_id, organization_id, client_company_id) VALUES (:job, :org, :client)
                        ON CONFLICT (job_id) DO UPDATE SET client_company_id = EXCLUDED.client_company_id
                        """)
                .param("job", jobId)
                .param("org", org)
                .param("client", clientId)
                .update();
        return Optional.of(get(org, clientId));
    }

    /** The client a job is run for, if any (404 for another organisation's job). */
    public Optional<ClientCompany> ofJob(UUID org, UUID jobId) {
        jobs.require(org, jobId);
        return jdbc.sql("SELECT client_company_id FROM job_client WHERE organization_id = :org AND job_id = :job")
                .param("org", org)
                .param("job", jobId)
                .query(UUID.class)
                .optional()
                .map(id -> get(org, id));
    }

    /** The company a CLIENT user belongs to, if any. */
    public Optional<UUID> companyOf(UUID org, UUID userId) {
        return jdbc.sql("SELECT client_company_id FROM client_member WHERE organization_id = :org AND user_id = :user")
                .param("org", org)
                .param("user", userId)
                .query(UUID.class)
                .optional();
    }
}

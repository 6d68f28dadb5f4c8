package io.openhire.identity.account;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Organisations and users. Every query that reads or changes a user of an organisation takes the
 * organisation id, so that no code path can reach another tenant's users by id alone.
 */
@Repository
public class Accounts {

    private static final String SELECT_USER = """
            SELECT u.id, u.organization_id, o.name AS organization_name, u.email, u.name, u.role, u.status,
                   u.password_hash, u.title, u.phone, u.locale, u.time_zone, u.failed_logins, u.locked_until,
                   u.created_at, u.updated_at, u.platform_operator
            FROM app_user u JOIN organization o ON o.id = u.organization_id
            """;

    private final JdbcClient jdbc;

    Accounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insertOrganization(UUID id, String name) {
        jdbc.sql("INSERT INTO organization (id, name) VALUES (:id, :name)")
                .param("id", id)
                .param("name", name)
                .update();
    }

    void insertUser(
            UUID id,
            UUID organizationId,
            String email,
            String name,
            Role role,
            User.Status status,
            String passwordHash,
            String invitationHash,
            Instant invitationExpiresAt) {
        try {
            jdbc.sql("""
                        INSERT INTO app_user (id, organization_id, email, name, role, status, password_hash,
                                              invitation_hash, invitation_expires_at)
                        VALUES (:id, :org, :email, :name, :role, :status, :hash, :invitation, :invitationExpires)
                        """)
                    .param("id", id)
                    .param("org", organizationId)
                    .param("email", email)
                    .param("name", name)
                    .param("role", role.name())
                    .param("status", status.name())
                    .param("hash", passwordHash)
                    .param("invitation", invitationHash)
                    .param("invitationExpires", offset(invitationExpiresAt))
                    .update();
        } catch (DuplicateKeyException e) {
            // Two registrations of one address at the same instant both pass emailTaken(); the unique
            // index decides, and the loser gets the same answer as a sequential duplicate.
            throw AccountService.emailTaken();
        }
    }

    /** A staff or client login name in use (candidates' addresses are per organisation: see below). */
    public boolean emailTaken(String email) {
        return jdbc.sql("SELECT count(*) FROM app_user WHERE lower(email) = lower(:email) AND role <> 'CANDIDATE'")
                        .param("email", email)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    /** A candidate of this organisation has this address already (one person can be a candidate of many). */
    public boolean candidateEmailTaken(UUID organizationId, String email) {
        return findCandidate(organizationId, email).isPresent();
    }

    public Optional<User> findCandidate(UUID organizationId, String email) {
        return jdbc.sql(SELECT_USER
                        + " WHERE u.organization_id = :org AND lower(u.email) = lower(:email) AND u.role = 'CANDIDATE'")
                .param("org", organizationId)
                .param("email", email)
                .query(Accounts::user)
                .optional();
    }

    /**
     * For password login only: looks the user up by email across organisations. A staff or client account
     * first (their address is unique); else the oldest candidate account with a password (candidates
     * normally sign in by link).
     */
    public Optional<User> findByEmail(String email) {
        return jdbc.sql(SELECT_USER + """
                         WHERE lower(u.email) = lower(:email)
                        ORDER BY u.role = 'CANDIDATE', u.password_hash IS NULL, u.created_at LIMIT 1
                        """)
                .param("email", email)
                .query(Accounts::user)
                .optional();
    }

    public Optional<User> find(UUID organizationId, UUID userId) {
        return jdbc.sql(SELECT_USER + " WHERE u.organization_id = :org AND u.id = :id")
                .param("org", organizationId)
                .param("id", userId)
                .query(Accounts::user)
                .optional();
    }

    /**
     * By id alone, for flows where the id comes from a credential identity itself issued (a refresh
     * token, an accepted invitation), never from a request parameter.
     */
    public Optional<User> findAuthenticated(UUID userId) {
        return jdbc.sql(SELECT_USER + " WHERE u.id = :id")
                .param("id", userId)
                .query(Accounts::user)
                .optional();
    }

    long countActiveAdmins(UUID organizationId) {
        return jdbc.sql(
                        "SELECT count(*) FROM app_user WHERE organization_id = :org AND role = 'ADMIN' AND status = 'ACTIVE'")
                .param("org", organizationId)
                .query(Long.class)
                .single();
    }

    public List<User> list(UUID organizationId, int offset, int limit) {
        return jdbc.sql(SELECT_USER
                        + " WHERE u.organization_id = :org ORDER BY u.created_at, u.id LIMIT :limit OFFSET :offset")
                .param("org", organizationId)
                .param("limit", limit)
                .param("offset", offset)
                .query(Accounts::user)
                .list();
    }

    public int count(UUID organizationId) {
        return jdbc.sql("SELECT count(*) FROM app_user WHERE organization_id = :org")
                .param("org", organizationId)
                .query(Integer.class)
                .single();
    }

    void updateProfile(
            UUID organizationId, UUID userId, String name, String title, String phone, String locale, String timeZone) {
        jdbc.sql("""
                        UPDATE app_user SET name = :name, title = :title, phone = :phone, locale = :locale,
                                            time_zone = :tz, updated_at = now()
                        WHERE organization_id = :org AND id = :id
                        """)
                .param("org", organizationId)
                .param("id", userId)
                .param("name", name)
                .param("title", title)
                .param("phone", phone)
                .param("locale", locale)
                .param("tz", timeZone)
                .update();
    }

    void updateRoleAndStatus(UUID organizationId, UUID userId, Role role, User.Status status) {
        try {
            jdbc.sql("""
                            UPDATE app_user SET role = :role, status = :status, updated_at = now()
                            WHERE organization_id = :org AND id = :id
                            """)
                    .param("org", organizationId)
                    .param("id", userId)
                    .param("role", role.name())
                    .param("status", status.name())
                    .update();
        } catch (DuplicateKeyException e) {
            // A candidate made staff while their address is someone's login elsewhere (or the other way round).
            throw AccountService.emailTaken();
        }
    }

    /** An invited account whose person proved their address (a sign-in link): active now. */
    public void activate(UUID userId) {
        jdbc.sql("""
                        UPDATE app_user SET status = 'ACTIVE', invitation_hash = NULL, invitation_expires_at = NULL,
                            updated_at = now()
                        WHERE id = :id AND status = 'INVITED'
                        """).param("id", userId).update();
    }

    void updatePassword(UUID organizationId, UUID userId, String passwordHash) {
        jdbc.sql("""
                        UPDATE app_user SET password_hash = :hash, failed_logins = 0, locked_until = NULL, updated_at = now()
                        WHERE organization_id = :org AND id = :id
                        """)
                .param("org", organizationId)
                .param("id", userId)
                .param("hash", passwordHash)
                .update();
    }

    /** Accepting an invitation: the first password, and the account becomes active. */
    Optional<UUID> acceptInvitation(String invitationHash, String passwordHash, Instant now) {
        return jdbc.sql("""
                        UPDATE app_user
                        SET password_hash = :hash, status = 'ACTIVE', invitation_hash = NULL,
                            invitation_expires_at = NULL, updated_at = now()
                        WHERE invitation_hash = :invitation AND status = 'INVITED' AND invitation_expires_at > :now
                        RETURNING id
                        """)
                .param("hash", passwordHash)
                .param("invitation", invitationHash)
                .param("now", offset(now))
                .query(UUID.class)
                .optional();
    }

    /** Platform operators granted in the database (configured ones are added by the caller). */
    public List<User> platformOperators() {
        return jdbc.sql(SELECT_USER + " WHERE u.platform_operator ORDER BY u.email")
                .query(Accounts::user)
                .list();
    }

    public boolean setPlatformOperator(UUID userId, boolean operator) {
        return jdbc.sql("UPDATE app_user SET platform_operator = :operator, updated_at = now() WHERE id = :id")
                        .param("id", userId)
                        .param("operator", operator)
                        .update()
                > 0;
    }

    /** Failed logins of an address without an account (hash of the lower-cased address), like a user's. */
    public record Attempts(int failedLogins, Instant lockedUntil) {
        public boolean isLockedAt(Instant now) {
            return lockedUntil != null && lockedUntil.isAfter(now);
        }
    }

    public Attempts unknownEmailAttempts(String emailHash) {
        return jdbc.sql("SELECT failed_logins, locked_until FROM login_attempt WHERE email_hash = :hash")
                .param("hash", emailHash)
                .query((rs, n) -> new Attempts(rs.getInt(1), instant(rs, "locked_until")))
                .optional()
                .orElse(new Attempts(0, null));
    }

    public void recordUnknownEmailFailure(String emailHash, Instant lockedUntil) {
        jdbc.sql("""
                        INSERT INTO login_attempt (email_hash, failed_logins, locked_until) VALUES (:hash, 1, :locked)
                        ON CONFLICT (email_hash) DO UPDATE
                        SET failed_logins = login_attempt.failed_logins + 1, locked_until = :locked, updated_at = now()
                        """)
                .param("hash", emailHash)
                .param("locked", offset(lockedUntil))
                .update();
    }

    /** Forgotten after a day without attempts: the table holds only what a lockout still needs. */
    public int purgeUnknownEmailAttempts() {
        return jdbc.sql("DELETE FROM login_attempt WHERE updated_at < now() - interval '1 day'")
                .update();
    }

    public void recordFailedLogin(UUID userId, Instant lockedUntil) {
        jdbc.sql("""
                        UPDATE app_user SET failed_logins = failed_logins + 1, locked_until = :locked WHERE id = :id
                        """).param("id", userId).param("locked", offset(lockedUntil)).update();
    }

    public void recordSuccessfulLogin(UUID userId) {
        jdbc.sql("UPDATE app_user SET failed_logins = 0, locked_until = NULL WHERE id = :id AND failed_logins > 0")
                .param("id", userId)
                .update();
    }

    private static OffsetDateTime offset(Instant instant) {
        return instant == null ? null : instant.atOffset(java.time.ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static User user(ResultSet rs, int row) throws SQLException {
        return new User(
                rs.getObject("id", UUID.class),
                rs.getObject("organization_id", UUID.class),
                rs.getString("organization_name"),
                rs.getString("email"),
                rs.getString("name"),
                Role.valueOf(rs.getString("role")),
                User.Status.valueOf(rs.getString("status")),
                rs.getString("password_hash"),
                rs.getString("title"),
                rs.getString("phone"),
                rs.getString("locale"),
                rs.getString("time_zone"),
                rs.getInt("failed_logins"),
                instant(rs, "locked_until"),
                instant(rs, "created_at"),
                instant(rs, "updated_at"),
                rs.getBoolean("platform_operator"));
    }
}

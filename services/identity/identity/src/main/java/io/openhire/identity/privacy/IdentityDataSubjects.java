package io.openhire.identity.privacy;

import io.openhire.identity.apikeys.ApiKeyService;
import io.openhire.identity.revocation.Revocations;
import io.openhire.privacy.client.DataSubject;
import io.openhire.privacy.client.DataSubjectHandler;
import io.openhire.privacy.client.SubjectAnswer;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * identity's part of a data-subject request: the person's candidate-portal account in the organisation (role
 * CANDIDATE, made when they first asked for a sign-in link, or added by an admin), its one-time sign-in links
 * and its sessions (refresh tokens). Found by the account's email address or the phone number on its profile.
 *
 * <p>Only CANDIDATE accounts: a data-subject request is about a candidate, and a staff or client account
 * (ADMIN, RECRUITER, CLIENT) is a colleague's login, removed by an admin, never through this path, even when the
 * request names its address.
 *
 * <p>Kept: {@code revoked_subject} gets the account's id (an id, no address), which is what makes its access
 * tokens stop working at once and goes after two days; {@code login_attempt} (password failures of addresses
 * without an account, keyed by the address's SHA-256, across organisations) belongs to no organisation and is
 * gone a day after the last attempt.
 */
@Service
class IdentityDataSubjects implements DataSubjectHandler {

    private static final Logger log = LoggerFactory.getLogger(IdentityDataSubjects.class);

    private final JdbcClient jdbc;
    private final Revocations revocations;
    private final ApiKeyService apiKeys;

    IdentityDataSubjects(JdbcClient jdbc, Revocations revocations, ApiKeyService apiKeys) {
        this.jdbc = jdbc;
        this.revocations = revocations;
        this.apiKeys = apiKeys;
    }

    /** The account (no password hash, no token or link hashes), its sign-in links and sessions. */
    @Override
    public SubjectAnswer access(UUID organizationId, DataSubject subject) {
        List<UUID> accounts = accounts(organizationId, subject);
        List<Map<String, Object>> records = new ArrayList<>();
        for (UUID account : accounts) {
            Map<String, Object> record = jdbc.sql("""
                            SELECT id, email, name, phone, title, locale, time_zone, status, created_at, updated_at
                            FROM app_user WHERE organization_id = :org AND id = :id
                            """)
                    .param("org", organizationId)
                    .param("id", account)
                    .query((rs, n) -> {
                        Map<String, Object> row = new LinkedHashMap<>();
                        row.put("id", rs.getObject("id", UUID.class));
                        row.put("role", "CANDIDATE");
                        row.put("email", rs.getString("email"));
                        row.put("name", rs.getString("name"));
                        row.put("phone", rs.getString("phone"));
                        row.put("title", rs.getString("title"));
                        row.put("locale", rs.getString("locale"));
                        row.put("timeZone", rs.getString("time_zone"));
                        row.put("status", rs.getString("status"));
                        row.put("createdAt", time(rs.getObject("created_at", OffsetDateTime.class)));
                        row.put("updatedAt", time(rs.getObject("updated_at", OffsetDateTime.class)));
                        return row;
                    })
                    .single();
            List<Map<String, Object>> links = jdbc.sql("""
                            SELECT created_at, expires_at, used_at FROM sign_in_link
                            WHERE organization_id = :org AND user_id = :id ORDER BY created_at
                            """)
                    .param("org", organizationId)
                    .param("id", account)
                    .query((rs, n) -> {
                        Map<String, Object> row = new LinkedHashMap<>();
                        row.put("createdAt", time(rs.getObject("created_at", OffsetDateTime.class)));
                        row.put("expiresAt", time(rs.getObject("expires_at", OffsetDateTime.class)));
                        row.put("usedAt", time(rs.getObject("used_at", OffsetDateTime.class)));
                        return row;
                    })
                    .list();
            List<Map<String, Object>> sessions = jdbc.sql("""
                            SELECT created_at, expires_at, revoked_at FROM refresh_token
                            WHERE organization_id = :org AND user_id = :id ORDER BY created_at
                            """)
                    .param("org", organizationId)
                    .param("id", account)
                    .query((rs, n) -> {
                        Map<String, Object> row = new LinkedHashMap<>();
                        row.put("startedAt", time(rs.getObject("created_at", OffsetDateTime.class)));
                        row.put("expiresAt", time(rs.getObject("expires_at", OffsetDateTime.class)));
                        row.put("revokedAt", time(rs.getObject("revoked_at", OffsetDateTime.class)));
                        return row;
                    })
                    .list();
            // A sign-in is a link followed or a session started (or renewed): the latest of those still on record.
            record.put(
                    "lastSignInAt",
                    Stream.concat(
                                    links.stream().map(l -> (String) l.get("usedAt")),
                                    sessions.stream().map(s -> (String) s.get("startedAt")))
                            .filter(Objects::nonNull)
                            .max(Comparator.comparing(Instant::parse))
                            .orElse(null));
            record.put("signInLinks", links);
            record.put("sessions", sessions);
            records.add(record);
        }
        int count = count(organizationId, accounts);
        log.info("Data-subject access in organisation {}: {} candidate accounts", organizationId, accounts.size());
        return new SubjectAnswer(
                count, count, accounts.isEmpty() ? Map.of() : Map.of("candidateAccounts", records), List.of());
    }

    /**
     * Deletes the account, its links and its sessions, and ends it the way disabling a user does
     * ({@code AccountService.updateUser}): its access tokens stop working at once (revoked, on the list every
     * service reads) and any API key it made is revoked. identity announces no user events besides
     * {@code user.added.v1}; applications drops its tie to the account when it answers the same request.
     */
    @Override
    @Transactional
    public int erase(UUID organizationId, DataSubject subject) {
        List<UUID> accounts = accounts(organizationId, subject);
        int erased = 0;
        for (UUID account : accounts) {
            apiKeys.revokeCreatedBy(organizationId, account);
            revocations.revoke(account.toString());
            for (String table : List.of("sign_in_link", "refresh_token")) {
                erased += jdbc.sql("DELETE FROM " + table + " WHERE organization_id = :org AND user_id = :id")
                        .param("org", organizationId)
                        .param("id", account)
                        .update();
            }
            erased += jdbc.sql("""
                            DELETE FROM app_user WHERE organization_id = :org AND id = :id AND role = 'CANDIDATE'
                            """)
                    .param("org", organizationId)
                    .param("id", account)
                    .update();
        }
        log.info(
                "Data-subject erasure in organisation {}: {} candidate accounts, {} rows deleted",
                organizationId,
                accounts.size(),
                erased);
        return erased;
    }

    @Override
    public int count(UUID organizationId, DataSubject subject) {
        return count(organizationId, accounts(organizationId, subject));
    }

    /** The accounts, their links and their sessions. */
    private int count(UUID organizationId, List<UUID> accounts) {
        if (accounts.isEmpty()) {
            return 0;
        }
        return jdbc.sql("""
                        SELECT cardinality(CAST(:ids AS uuid[]))
                             + (SELECT count(*) FROM sign_in_link WHERE organization_id = :org AND user_id = ANY(:ids))
                             + (SELECT count(*) FROM refresh_token WHERE organization_id = :org AND user_id = ANY(:ids))
                        """)
                .param("org", organizationId)
                .param("ids", accounts.toArray(UUID[]::new))
                .query(Integer.class)
                .single();
    }

    /**
     * The person's CANDIDATE accounts in the organisation: their address is the account's (unique per organisation
     * among candidates), or their phone number the one on its profile ({@link DataSubject#hasPhone}).
     */
    private List<UUID> accounts(UUID organizationId, DataSubject subject) {
        String[] emails = subject.emails().stream()
                .map(e -> e.strip().toLowerCase(Locale.ROOT))
                .toArray(String[]::new);
        record Candidate(UUID id, String email, String phone) {}
        return jdbc
                .sql("""
                        SELECT id, email, phone FROM app_user
                        WHERE organization_id = :org AND role = 'CANDIDATE'
                          AND (lower(btrim(email)) = ANY(:emails) OR phone IS NOT NULL)
                        ORDER BY created_at, id
                        """)
                .param("org", organizationId)
                .param("emails", emails)
                .query((rs, n) ->
                        new Candidate(rs.getObject("id", UUID.class), rs.getString("email"), rs.getString("phone")))
                .list()
                .stream()
                .filter(c -> subject.hasEmail(c.email()) || subject.hasPhone(c.phone()))
                .map(Candidate::id)
                .toList();
    }

    private static String time(OffsetDateTime time) {
        return time == null ? null : time.toInstant().toString();
    }
}

package io.openhire.identity.login;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Refresh tokens by hash, grouped in families (one family per login) for reuse detection. */
@Repository
class RefreshTokens {

    record Stored(UUID id, UUID familyId, UUID userId, UUID organizationId, Instant expiresAt, boolean revoked) {}

    private final JdbcClient jdbc;

    RefreshTokens(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(UUID id, String hash, UUID familyId, UUID userId, UUID organizationId, Instant expiresAt) {
        jdbc.sql("""
                        INSERT INTO refresh_token (id, token_hash, family_id, user_id, organization_id, expires_at)
                        VALUES (:id, :hash, :family, :user, :org, :expires)
                        """)
                .param("id", id)
                .param("hash", hash)
                .param("family", familyId)
                .param("user", userId)
                .param("org", organizationId)
                .param("expires", expiresAt.atOffset(ZoneOffset.UTC))
                .update();
    }

    /** Locks the row: two concurrent refreshes with the same token cannot both succeed. */
    Optional<Stored> findForUpdate(String hash) {
        return jdbc.sql("""
                        SELECT id, family_id, user_id, organization_id, expires_at, revoked_at IS NOT NULL
                        FROM refresh_token WHERE token_hash = :hash FOR UPDATE
                        """)
                .param("hash", hash)
                .query((rs, n) -> new Stored(
                        rs.getObject(1, UUID.class),
                        rs.getObject(2, UUID.class),
                        rs.getObject(3, UUID.class),
                        rs.getObject(4, UUID.class),
                        rs.getObject(5, OffsetDateTime.class).toInstant(),
                        rs.getBoolean(6)))
                .optional();
    }

    void revoke(UUID id) {
        jdbc.sql("UPDATE refresh_token SET revoked_at = now() WHERE id = :id AND revoked_at IS NULL")
                .param("id", id)
                .update();
    }

    void revokeFamily(UUID familyId) {
        jdbc.sql("UPDATE refresh_token SET revoked_at = now() WHERE family_id = :family AND revoked_at IS NULL")
                .param("family", familyId)
                .update();
    }

    /** Revokes every live refresh token of the user, except those of session {@code keep} (may be null). */
    int revokeUser(UUID userId, UUID keep) {
        return jdbc.sql("""
                        UPDATE refresh_token SET revoked_at = now()
                        WHERE user_id = :user AND revoked_at IS NULL AND (CAST(:keep AS uuid) IS NULL OR family_id <> :keep)
                        """).param("user", userId).param("keep", keep).update();
    }

    int purgeExpired() {
        return jdbc.sql("DELETE FROM refresh_token WHERE expires_at < now() - interval '1 day'")
                .update();
    }
}

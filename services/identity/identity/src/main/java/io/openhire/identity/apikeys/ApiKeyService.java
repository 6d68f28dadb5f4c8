package io.openhire.identity.apikeys;

import io.openhire.identity.IdentityProperties;
import io.openhire.identity.account.Role;
import io.openhire.identity.account.Secrets;
import io.openhire.identity.keys.AccessTokens;
import io.openhire.identity.revocation.Revocations;
import io.openhire.platform.audit.AuditRecorded;
import io.openhire.platform.audit.AuditTrail;
import io.openhire.platform.errors.DomainException;
import io.openhire.platform.security.AuthenticatedUser;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * API keys for machine clients (an ATS integration, a script). A key belongs to an organisation and
 * carries a set of roles; it is shown once at creation and stored as its SHA-256. Clients exchange it
 * at {@code POST /api/v1/users/token} for a short-lived access token, so services only ever see JWTs.
 */
@Service
public class ApiKeyService {

    public record ApiKey(
            UUID id,
            String name,
            Set<Role> roles,
            UUID createdBy,
            Instant createdAt,
            Instant lastUsedAt,
            Instant revokedAt) {}

    public record Created(ApiKey key, String secret) {}

    public record Token(String accessToken, long expiresInSeconds) {}

    private final JdbcClient jdbc;
    private final AccessTokens.Issuer issuer;
    private final IdentityProperties properties;
    private final Revocations revocations;

    private final AuditTrail audit;

    ApiKeyService(
            JdbcClient jdbc,
            AccessTokens.Issuer issuer,
            IdentityProperties properties,
            Revocations revocations,
            AuditTrail audit) {
        this.audit = audit;
        this.jdbc = jdbc;
        this.issuer = issuer;
        this.properties = properties;
        this.revocations = revocations;
    }

    @Transactional
    public Created create(AuthenticatedUser admin, String name, Set<Role> roles) {
        UUID id = UUID.randomUUID();
        String secret = "ohk_" + Secrets.randomToken();
        jdbc.sql("""
                        INSERT INTO api_key (id, organization_id, name, key_hash, roles, created_by)
                        VALUES (:id, :org, :name, :hash, :roles, :by)
                        """)
                .param("id", id)
                .param("org", admin.organizationId())
                .param("name", name.strip())
                .param("hash", Secrets.sha256(secret))
                .param(
                        "roles",
                        String.join(",", roles.stream().map(Role::name).sorted().toList()))
                .param("by", UUID.fromString(admin.subject()))
                .update();
        // A new key is a new way in: the security service raises every one as a privilege change.
        audit.record(admin, "api-key.created", "api-key", id, AuditRecorded.Result.SUCCESS);
        return new Created(get(admin, id), secret);
    }

    public List<ApiKey> list(AuthenticatedUser admin) {
        return jdbc.sql(SELECT + " WHERE organization_id = :org ORDER BY created_at")
                .param("org", admin.organizationId())
                .query(ApiKeyService::row)
                .list();
    }

    public ApiKey get(AuthenticatedUser admin, UUID id) {
        return jdbc.sql(SELECT + " WHERE organization_id = :org AND id = :id")
                .param("org", admin.organizationId())
                .param("id", id)
                .query(ApiKeyService::row)
                .optional()
                .orElseThrow(() -> DomainException.notFound("API key " + id));
    }

    /**
     * Revokes the key, and the keys it created (an ADMIN key can create keys), and cuts off the access
     * tokens they were already exchanged for.
     */
    @Transactional
    public void revoke(AuthenticatedUser admin, UUID id) {
        get(admin, id);
        jdbc.sql(
                        "UPDATE api_key SET revoked_at = now() WHERE organization_id = :org AND id = :id AND revoked_at IS NULL")
                .param("org", admin.organizationId())
                .param("id", id)
                .update();
        revocations.revoke(id.toString());
        revokeCreatedBy(admin.organizationId(), id);
    }

    /**
     * A user or key loses access: every key it created, and every key those created, is revoked and their
     * access tokens stop working. Returns how many keys were revoked.
     */
    @Transactional
    public int revokeCreatedBy(UUID organizationId, UUID creator) {
        List<UUID> revoked = jdbc.sql("""
                        WITH RECURSIVE doomed AS (
                            SELECT id FROM api_key WHERE organization_id = :org AND created_by = :creator
                            UNION
                            SELECT k.id FROM api_key k JOIN doomed d ON k.created_by = d.id WHERE k.organization_id = :org
                        )
                        UPDATE api_key SET revoked_at = now()
                        WHERE id IN (SELECT id FROM doomed) AND revoked_at IS NULL
                        RETURNING id
                        """)
                .param("org", organizationId)
                .param("creator", creator)
                .query(UUID.class)
                .list();
        revoked.forEach(key -> revocations.revoke(key.toString()));
        return revoked.size();
    }

    @Transactional
    public Token exchange(String secret) {
        record Match(UUID id, UUID org, String roles) {}
        Match match = jdbc.sql("""
                        UPDATE api_key SET last_used_at = now()
                        WHERE key_hash = :hash AND revoked_at IS NULL
                        RETURNING id, organization_id, roles
                        """)
                .param("hash", Secrets.sha256(secret))
                .query((rs, n) -> new Match(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3)))
                .optional()
                .orElseThrow(() -> new DomainException(
                        DomainException.Category.UNAUTHENTICATED,
                        "invalid-api-key",
                        "Invalid API key",
                        "The API key is unknown or revoked."));
        AccessTokens.Issued issued = issuer.issue(
                match.id().toString(),
                "api_key",
                match.org(),
                Arrays.asList(match.roles().split(",")));
        return new Token(issued.token(), properties.accessTokenTtl().toSeconds());
    }

    private static final String SELECT =
            "SELECT id, name, roles, created_by, created_at, last_used_at, revoked_at FROM api_key";

    private static ApiKey row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new ApiKey(
                rs.getObject("id", UUID.class),
                rs.getString("name"),
                Arrays.stream(rs.getString("roles").split(","))
                        .map(Role::valueOf)
                        .collect(java.util.stream.Collectors.toUnmodifiableSet()),
                rs.getObject("created_by", UUID.class),
                instant(rs.getObject("created_at", OffsetDateTime.class)),
                instant(rs.getObject("last_used_at", OffsetDateTime.class)),
                instant(rs.getObject("revoked_at", OffsetDateTime.class)));
    }

    private static Instant instant(OffsetDateTime value) {
        return value == null ? null : value.toInstant();
    }
}

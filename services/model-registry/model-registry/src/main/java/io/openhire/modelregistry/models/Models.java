package io.openhire.modelregistry.models;

import io.openhire.modelregistry.client.EmbeddingConfig;
import io.openhire.modelregistry.client.Signature;
import io.openhire.modelregistry.client.TaggerConfig;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Registered models, their versions, aliases and alias history. Models are platform-wide. */
@Repository
public class Models {

    private static final TypeReference<List<RegisteredModel.Gate>> GATES = new TypeReference<>() {};
    private static final TypeReference<Map<String, Double>> METRICS = new TypeReference<>() {};
    private static final TypeReference<Map<String, String>> TAGS = new TypeReference<>() {};

    /** An alias and the version it points at now. */
    public record Alias(String alias, int version, String updatedBy, Instant updatedAt) {}

    private final JdbcClient jdbc;
    private final JsonMapper json;

    Models(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public List<RegisteredModel> all() {
        return jdbc.sql("SELECT * FROM registered_model ORDER BY name")
                .query(this::model)
                .list();
    }

    public Optional<RegisteredModel> find(String name) {
        return jdbc.sql("SELECT * FROM registered_model WHERE name = :name")
                .param("name", name)
                .query(this::model)
                .optional();
    }

    /** Creates the model if new; then locks its row so that versions and aliases change one at a time. */
    RegisteredModel createAndLock(String name, String task, String description, Instant now) {
        jdbc.sql("""
                        INSERT INTO registered_model (name, task, description, created_at, updated_at)
                        VALUES (:name, :task, :description, :now, :now) ON CONFLICT (name) DO NOTHING
                        """)
                .param("name", name)
                .param("task", task)
                .param("description", description)
                .param("now", utc(now))
                .update();
        return lock(name).orElseThrow();
    }

    Optional<RegisteredModel> lock(String name) {
        return jdbc.sql("SELECT * FROM registered_model WHERE name = :name FOR UPDATE")
                .param("name", name)
                .query(this::model)
                .optional();
    }

    void setGates(String name, List<RegisteredModel.Gate> gates, Instant now) {
        jdbc.sql("""
                        UPDATE registered_model SET promotion_gates = CAST(:gates AS jsonb), updated_at = :now
                        WHERE name = :name
                        """)
                .param("name", name)
                .param("gates", json.writeValueAsString(gates))
                .param("now", utc(now))
                .update();
    }

    int nextVersion(String name) {
        return jdbc.sql("SELECT coalesce(max(version), 0) + 1 FROM model_version WHERE model_name = :name")
                .param("name", name)
                .query(Integer.class)
                .single();
    }

    void insertVersion(ModelVersion v) {
        jdbc.sql("""
                        INSERT INTO model_version (model_name, version, status, status_reason, format, artifact_sha256,
                            artifact_size, part_size, tokenizer_sha256, tokenizer_size, signature, config, tagger, metrics,
                            tags, description, source, training_run, dataset_sha256, parent_version, created_by, created_at)
                        VALUES (:name, :version, :status, :reason, :format, :sha, :size, :partSize, :tokSha, :tokSize,
                            CAST(:signature AS jsonb), CAST(:config AS jsonb), CAST(:tagger AS jsonb),
                            CAST(:metrics AS jsonb), CAST(:tags AS jsonb), :description, :source, :run, :dataset, :parent, :by, :at)
                        """)
                .param("name", v.name())
                .param("version", v.version())
                .param("status", v.status().name())
                .param("reason", v.statusReason())
                .param("format", v.format())
                .param("sha", v.artifactSha256())
                .param("size", v.artifactSize())
                .param("partSize", v.partSize())
                .param("tokSha", v.tokenizerSha256())
                .param("tokSize", v.tokenizerSize())
                .param("signature", json.writeValueAsString(v.signature()))
                .param("config", json.writeValueAsString(v.config()))
                .param("tagger", v.tagger() == null ? null : json.writeValueAsString(v.tagger()))
                .param("metrics", json.writeValueAsString(v.metrics()))
                .param("tags", json.writeValueAsString(v.tags()))
                .param("description", v.description())
                .param("source", v.lineage().source())
                .param("run", v.lineage().trainingRun())
                .param("dataset", v.lineage().datasetSha256())
                .param("parent", v.lineage().parentVersion())
                .param("by", v.createdBy())
                .param("at", utc(v.createdAt()))
                .update();
    }

    void setStatus(String name, int version, ModelVersion.Status status, String reason) {
        jdbc.sql("""
                        UPDATE model_version SET status = :status, status_reason = :reason
                        WHERE model_name = :name AND version = :version
                        """)
                .param("name", name)
                .param("version", version)
                .param("status", status.name())
                .param("reason", reason)
                .update();
    }

    /** Versions left PENDING by a registry that stopped while storing them: they will never finish. */
    int failStalePending(Instant olderThan) {
        return jdbc.sql("""
                        UPDATE model_version SET status = 'FAILED',
                            status_reason = 'registration was interrupted before the artifact was stored'
                        WHERE status = 'PENDING' AND created_at < :before
                        """).param("before", utc(olderThan)).update();
    }

    public Optional<ModelVersion> version(String name, int version) {
        return jdbc.sql("SELECT * FROM model_version WHERE model_name = :name AND version = :version")
                .param("name", name)
                .param("version", version)
                .query(this::version)
                .optional();
    }

    public List<ModelVersion> versions(String name) {
        return jdbc.sql("SELECT * FROM model_version WHERE model_name = :name ORDER BY version DESC")
                .param("name", name)
                .query(this::version)
                .list();
    }

    /**
     * The version made from this source (e.g. a built-in model's Maven artifact) and, if {@code sha256} is
     * given, this exact artifact; READY ones first.
     */
    Optional<ModelVersion> fromSource(String name, String source, String sha256) {
        return jdbc.sql("""
                        SELECT * FROM model_version WHERE model_name = :name AND source = :source
                            AND (CAST(:sha AS text) IS NULL OR artifact_sha256 = :sha)
                        ORDER BY status = 'READY' DESC, version DESC LIMIT 1
                        """)
                .param("name", name)
                .param("source", source)
                .param("sha", sha256)
                .query(this::version)
                .optional();
    }

    public Map<String, Alias> aliases(String name) {
        Map<String, Alias> aliases = new LinkedHashMap<>();
        jdbc.sql("SELECT * FROM model_alias WHERE model_name = :name ORDER BY alias")
                .param("name", name)
                .query((rs, i) -> new Alias(
                        rs.getString("alias"),
                        rs.getInt("version"),
                        rs.getString("updated_by"),
                        instant(rs, "updated_at")))
                .list()
                .forEach(a -> aliases.put(a.alias(), a));
        return aliases;
    }

    void setAlias(String name, String alias, int version, String actor, Instant now) {
        jdbc.sql("""
                        INSERT INTO model_alias (model_name, alias, version, updated_by, updated_at)
                        VALUES (:name, :alias, :version, :actor, :now)
                        ON CONFLICT (model_name, alias) DO UPDATE SET version = EXCLUDED.version,
                            updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at
                        """)
                .param("name", name)
                .param("alias", alias)
                .param("version", version)
                .param("actor", actor)
                .param("now", utc(now))
                .update();
    }

    AliasChange recordChange(
            String name,
            String alias,
            int version,
            Integer previous,
            String action,
            String actor,
            String reason,
            Instant now) {
        long id = jdbc.sql("""
                        INSERT INTO alias_change (model_name, alias, version, previous_version, action, actor, reason,
                            changed_at)
                        VALUES (:name, :alias, :version, :previous, :action, :actor, :reason, :now) RETURNING id
                        """)
                .param("name", name)
                .param("alias", alias)
                .param("version", version)
                .param("previous", previous)
                .param("action", action)
                .param("actor", actor)
                .param("reason", reason)
                .param("now", utc(now))
                .query(Long.class)
                .single();
        return new AliasChange(id, name, alias, version, previous, action, actor, reason, now);
    }

    /** Changes of one alias (or all, when {@code alias} is null), newest first. */
    public List<AliasChange> history(String name, String alias, int limit) {
        return jdbc.sql("""
                        SELECT * FROM alias_change WHERE model_name = :name
                            AND (CAST(:alias AS text) IS NULL OR alias = :alias)
                        ORDER BY changed_at DESC, id DESC LIMIT :limit
                        """)
                .param("name", name)
                .param("alias", alias)
                .param("limit", limit)
                .query(this::change)
                .list();
    }

    /** Which version each alias pointed at, at an instant in the past. */
    public Map<String, Integer> aliasesAt(String name, Instant at) {
        Map<String, Integer> held = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT DISTINCT ON (alias) alias, version FROM alias_change
                        WHERE model_name = :name AND changed_at <= :at
                        ORDER BY alias, changed_at DESC, id DESC
                        """)
                .param("name", name)
                .param("at", utc(at))
                .query((rs, i) -> Map.entry(rs.getString("alias"), rs.getInt("version")))
                .list()
                .forEach(e -> held.put(e.getKey(), e.getValue()));
        return held;
    }

    private RegisteredModel model(ResultSet rs, int row) throws SQLException {
        return new RegisteredModel(
                rs.getString("name"),
                rs.getString("task"),
                rs.getString("description"),
                json.readValue(rs.getString("promotion_gates"), GATES),
                instant(rs, "created_at"),
                instant(rs, "updated_at"));
    }

    private ModelVersion version(ResultSet rs, int row) throws SQLException {
        long tokenizerSize = rs.getLong("tokenizer_size");
        return new ModelVersion(
                rs.getString("model_name"),
                rs.getInt("version"),
                ModelVersion.Status.valueOf(rs.getString("status")),
                rs.getString("status_reason"),
                rs.getString("format"),
                rs.getString("artifact_sha256"),
                rs.getLong("artifact_size"),
                rs.getInt("part_size"),
                rs.getString("tokenizer_sha256"),
                rs.wasNull() ? null : tokenizerSize,
                json.readValue(rs.getString("signature"), Signature.class),
                json.readValue(rs.getString("config"), EmbeddingConfig.class),
                tagger(rs.getString("tagger")),
                json.readValue(rs.getString("metrics"), METRICS),
                json.readValue(rs.getString("tags"), TAGS),
                rs.getString("description"),
                new ModelVersion.Lineage(
                        rs.getString("source"), rs.getString("training_run"), rs.getString("dataset_sha256"), (Integer)
                                rs.getObject("parent_version")),
                rs.getString("created_by"),
                instant(rs, "created_at"));
    }

    private TaggerConfig tagger(String stored) {
        return stored == null ? null : json.readValue(stored, TaggerConfig.class);
    }

    private AliasChange change(ResultSet rs, int row) throws SQLException {
        return new AliasChange(
                rs.getLong("id"),
                rs.getString("model_name"),
                rs.getString("alias"),
                rs.getInt("version"),
                (Integer) rs.getObject("previous_version"),
                rs.getString("action"),
                rs.getString("actor"),
                rs.getString("reason"),
                instant(rs, "changed_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static java.time.OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}

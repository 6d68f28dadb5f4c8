package io.openhire.storage.documents;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Metadata of stored documents; every query is scoped to one organisation. */
@Repository
class StoredObjects {

    private final JdbcClient jdbc;

    StoredObjects(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts or replaces; returns whether the object is new. */
    boolean upsert(UUID org, String bucket, String key, long size, String sha256, String mediaType) {
        Boolean inserted = jdbc.sql("""
                        INSERT INTO stored_object (organization_id, bucket, object_key, size_bytes, sha256, media_type)
                        VALUES (:org, :bucket, :key, :size, :sha, :type)
                        ON CONFLICT (organization_id, bucket, object_key) DO UPDATE
                        SET size_bytes = EXCLUDED.size_bytes, sha256 = EXCLUDED.sha256,
                            media_type = EXCLUDED.media_type, updated_at = now()
                        RETURNING (xmax = 0)
                        """)
                .param("org", org)
                .param("bucket", bucket)
                .param("key", key)
                .param("size", size)
                .param("sha", sha256)
                .param("type", mediaType)
                .query(Boolean.class)
                .single();
        return Boolean.TRUE.equals(inserted);
    }

    /**
     * An existing key that clashes with {@code key}: one of its folders ({@code a} for {@code a/b}), or a key
     * below it ({@code a/b} for {@code a}). Not {@code key} itself: storing that again replaces it.
     */
    Optional<String> clashingKey(UUID org, String bucket, String key) {
        List<String> folders = new ArrayList<>();
        for (int slash = key.indexOf('/'); slash >= 0; slash = key.indexOf('/', slash + 1)) {
            folders.add(key.substring(0, slash));
        }
        String folderCondition = folders.isEmpty() ? "" : " OR object_key IN (:folders)";
        return jdbc.sql("SELECT object_key FROM stored_object WHERE organization_id = :org AND bucket = :bucket"
                        + " AND (starts_with(object_key, :below)" + folderCondition + ")"
                        + " ORDER BY object_key LIMIT 1")
                .param("org", org)
                .param("bucket", bucket)
                .param("below", key + "/")
                .param("folders", folders)
                .query(String.class)
                .optional();
    }

    /** Serialises writers of one organisation's bucket until the current transaction ends. */
    void lockBucket(UUID org, String bucket) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended(:scope, 0))")
                .param("scope", "storage/" + org + "/" + bucket)
                .query()
                .singleValue();
    }

    Optional<StoredObject> find(UUID org, String bucket, String key) {
        return jdbc.sql(SELECT + " WHERE organization_id = :org AND bucket = :bucket AND object_key = :key")
                .param("org", org)
                .param("bucket", bucket)
                .param("key", key)
                .query(StoredObjects::row)
                .optional();
    }

    List<StoredObject> list(UUID org, String bucket, String prefix, int limit) {
        return jdbc.sql(SELECT
                        + " WHERE organization_id = :org AND bucket = :bucket AND starts_with(object_key, :prefix)"
                        + " ORDER BY object_key LIMIT :limit")
                .param("org", org)
                .param("bucket", bucket)
                .param("prefix", prefix)
                .param("limit", limit)
                .query(StoredObjects::row)
                .list();
    }

    boolean delete(UUID org, String bucket, String key) {
        return jdbc.sql(
                                "DELETE FROM stored_object WHERE organization_id = :org AND bucket = :bucket AND object_key = :key")
                        .param("org", org)
                        .param("bucket", bucket)
                        .param("key", key)
                        .update()
                > 0;
    }

    private static final String SELECT =
            "SELECT bucket, object_key, size_bytes, sha256, media_type, created_at, updated_at FROM stored_object";

    private static StoredObject row(ResultSet rs, int n) throws SQLException {
        return new StoredObject(
                rs.getString("bucket"),
                rs.getString("object_key"),
                rs.getLong("size_bytes"),
                rs.getString("sha256"),
                rs.getString("media_type"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant());
    }
}

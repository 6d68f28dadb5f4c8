package io.openhire.matching.index;

import io.openhire.matching.MatchingProperties;
import io.openhire.matching.profiles.CandidateFacts;
import io.openhire.matching.profiles.JobStore;
import io.openhire.matching.profiles.SourceChanged;
import io.openhire.modelserving.client.EmbeddingClient;
import io.openhire.modelserving.client.Prediction;
import io.openhire.platform.crypto.Sha256;
import io.openhire.platform.http.ServiceAccount;
import io.openhire.platform.security.PlatformOrganization;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Vectors from model-serving, kept per text-embedding version in the {@code embedding} table: an index
 * rebuild or a restart embeds only what changed. Always asks for an explicit version
 * ({@code text-embedding:2}), so that one generation never mixes vectors of two models.
 */
@Component
public class Embeddings {

    /** The most characters sent per text: the models read 256–512 tokens, the start of the text matters. */
    static final int MAX_CHARS = 4000;

    private final EmbeddingClient client;
    private final ServiceAccount serviceAccount;
    private final JdbcClient jdbc;
    private final MatchingProperties properties;

    Embeddings(EmbeddingClient client, ServiceAccount serviceAccount, JdbcClient jdbc, MatchingProperties properties) {
        this.client = client;
        this.serviceAccount = serviceAccount;
        this.jdbc = jdbc;
        this.properties = properties;
    }

    /**
     * The champion's version, by asking model-serving to embed a word; 0 when it answers with its lexical
     * fallback (no model loaded).
     *
     * @throws RuntimeException when model-serving cannot be reached
     */
    public int championVersion() {
        Prediction probe = serviceAccount.onBehalfOf(
                PlatformOrganization.ID, () -> client.embed(EmbeddingClient.TEXT_EMBEDDING, List.of("version probe")));
        return probe.fallback() || probe.version() == null ? 0 : probe.version();
    }

    /** What a resume's vector is made of: how the candidate describes their work, titles and skills first. */
    public static String candidateText(CandidateFacts facts, String searchText) {
        StringBuilder text = new StringBuilder();
        if (facts.currentTitle() != null) {
            text.append(facts.currentTitle()).append(". ");
        }
        if (facts.headline() != null) {
            text.append(facts.headline()).append(". ");
        }
        if (!facts.skills().isEmpty()) {
            text.append("Skills: ");
            facts.skills().stream().limit(30).forEach(s -> text.append(s.name()).append(", "));
            text.append(". ");
        }
        text.append(searchText);
        return cap(text.toString());
    }

    public static String jobText(JobStore.StoredJob job) {
        return cap(job.searchText());
    }

    private static String cap(String text) {
        return text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text;
    }

    /** The stored vectors of the texts under one version, where the text they were made from is unchanged. */
    public Map<UUID, float[]> stored(SourceChanged.Kind kind, int version, Map<UUID, String> texts) {
        Map<UUID, float[]> vectors = new HashMap<>();
        if (version == 0 || texts.isEmpty()) {
            return vectors;
        }
        Map<UUID, String> hashes = new HashMap<>();
        texts.forEach((id, text) -> hashes.put(id, Sha256.hex(text)));
        jdbc.sql("""
                        SELECT id, text_sha256, vector FROM embedding
                        WHERE kind = :kind AND model_version = :version AND id IN (:ids)
                        """)
                .param("kind", kind.name())
                .param("version", version)
                .param("ids", List.copyOf(texts.keySet()))
                .query((rs, i) -> {
                    UUID id = rs.getObject("id", UUID.class);
                    if (rs.getString("text_sha256").equals(hashes.get(id))) {
                        vectors.put(id, fromBytes(rs.getBytes("vector")));
                    }
                    return id;
                })
                .list();
        return vectors;
    }

    /**
     * Vectors for the texts under one version: stored ones whose text is unchanged, the rest embedded (in
     * batches) and stored. Version 0 gives no vectors.
     *
     * @param texts id → text to embed
     * @throws RuntimeException when model-serving is unreachable or answers from another version
     */
    public Map<UUID, float[]> vectors(UUID org, SourceChanged.Kind kind, int version, Map<UUID, String> texts) {
        Map<UUID, float[]> vectors = new HashMap<>();
        if (version == 0 || texts.isEmpty()) {
            return vectors;
        }
        vectors.putAll(stored(kind, version, texts));
        List<UUID> missing =
                texts.keySet().stream().filter(id -> !vectors.containsKey(id)).toList();
        Map<UUID, String> hashes = new LinkedHashMap<>();
        missing.forEach(id -> hashes.put(id, Sha256.hex(texts.get(id))));
        for (int from = 0; from < missing.size(); from += properties.embeddingBatch()) {
            List<UUID> batch = missing.subList(from, Math.min(missing.size(), from + properties.embeddingBatch()));
            List<String> batchTexts = new ArrayList<>(batch.size());
            batch.forEach(id -> batchTexts.add(texts.get(id)));
            Prediction prediction = serviceAccount.onBehalfOf(
                    org, () -> client.embed(EmbeddingClient.TEXT_EMBEDDING + ":" + version, batchTexts));
            if (prediction.fallback() || prediction.version() == null || prediction.version() != version) {
                throw new IllegalStateException("text-embedding version " + version + " is not being served"
                        + (prediction.fallbackReason() == null ? "" : ": " + prediction.fallbackReason()));
            }
            for (int i = 0; i < batch.size(); i++) {
                UUID id = batch.get(i);
                float[] vector = prediction.embeddings().get(i);
                vectors.put(id, vector);
                jdbc.sql("""
                                INSERT INTO embedding (kind, id, model_version, organization_id, text_sha256, vector)
                                VALUES (:kind, :id, :version, :org, :sha, :vector)
                                ON CONFLICT (kind, id, model_version) DO UPDATE SET text_sha256 = EXCLUDED.text_sha256,
                                    vector = EXCLUDED.vector
                                """)
                        .param("kind", kind.name())
                        .param("id", id)
                        .param("version", version)
                        .param("org", org)
                        .param("sha", hashes.get(id))
                        .param("vector", toBytes(vector))
                        .update();
            }
        }
        return vectors;
    }

    /** A stored vector of a resume or job, or null. */
    public float[] stored(UUID org, SourceChanged.Kind kind, UUID id, int version) {
        if (version == 0) {
            return null;
        }
        return jdbc.sql("""
                        SELECT vector FROM embedding
                        WHERE kind = :kind AND id = :id AND model_version = :version AND organization_id = :org
                        """)
                .param("kind", kind.name())
                .param("id", id)
                .param("version", version)
                .param("org", org)
                .query((rs, i) -> fromBytes(rs.getBytes("vector")))
                .optional()
                .orElse(null);
    }

    static byte[] toBytes(float[] vector) {
        ByteBuffer buffer = ByteBuffer.allocate(vector.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asFloatBuffer().put(vector);
        return buffer.array();
    }

    static float[] fromBytes(byte[] bytes) {
        float[] vector = new float[bytes.length / Float.BYTES];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(vector);
        return vector;
    }
}

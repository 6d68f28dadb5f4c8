package io.openhire.modelserving.client;

import io.openhire.platform.http.ServiceClients;
import java.util.ArrayList;
import java.util.List;

/**
 * Embeds text with model-serving, for other services (matching, search). Calls carry the caller's token,
 * or the service's own inside {@code ServiceAccount.onBehalfOf}; long lists are sent in requests of 256.
 *
 * <pre>{@code
 * EmbeddingClient embeddings = new EmbeddingClient(serviceClients);
 * Prediction p = embeddings.embed(List.of("Senior Java developer"));
 * float[] vector = p.embeddings().getFirst();   // p.version() says which model made it
 * }</pre>
 *
 * Check {@link Prediction#fallback()}: lexical fallback vectors must not be mixed with model vectors.
 */
public class EmbeddingClient {

    /** The embedding model every service uses unless it asks for another. */
    public static final String TEXT_EMBEDDING = "text-embedding";

    static final int MAX_PER_REQUEST = 256;

    private final ModelServingApi api;

    public EmbeddingClient(ServiceClients clients) {
        this(clients.create(ModelServingApi.class, "model-serving"));
    }

    public EmbeddingClient(ModelServingApi api) {
        this.api = api;
    }

    /** Embeds with the champion of {@code text-embedding}. */
    public Prediction embed(List<String> texts) {
        return embed(TEXT_EMBEDDING, texts);
    }

    /**
     * @param model {@code name}, {@code name@alias} or {@code name:version}
     * @throws IllegalStateException if the answers of a long list came from different versions (a
     *     promotion happened in between): retry, or send at most 256 texts
     */
    public Prediction embed(String model, List<String> texts) {
        if (texts.size() <= MAX_PER_REQUEST) {
            return api.predict(new PredictRequest(model, texts));
        }
        List<Prediction> parts = new ArrayList<>();
        for (int from = 0; from < texts.size(); from += MAX_PER_REQUEST) {
            parts.add(api.predict(
                    new PredictRequest(model, texts.subList(from, Math.min(texts.size(), from + MAX_PER_REQUEST)))));
        }
        Prediction first = parts.getFirst();
        List<float[]> vectors = new ArrayList<>();
        List<Integer> truncated = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        int cached = 0;
        for (int i = 0; i < parts.size(); i++) {
            Prediction part = parts.get(i);
            if (!java.util.Objects.equals(part.version(), first.version()) || part.fallback() != first.fallback()) {
                throw new IllegalStateException("The model version changed while embedding; embed again");
            }
            int offset = i * MAX_PER_REQUEST;
            vectors.addAll(part.embeddings());
            part.truncated().forEach(t -> truncated.add(t + offset));
            warnings.addAll(part.warnings());
            cached += part.cached();
        }
        return new Prediction(
                first.model(),
                first.alias(),
                first.version(),
                first.dimensions(),
                first.pooling(),
                first.fallback(),
                first.fallbackReason(),
                vectors,
                truncated,
                warnings,
                cached);
    }
}

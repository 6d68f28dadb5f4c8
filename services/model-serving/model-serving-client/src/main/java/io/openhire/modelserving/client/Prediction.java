package io.openhire.modelserving.client;

import java.util.List;

/**
 * Embeddings, and which model version produced them.
 *
 * @param model the registered model
 * @param alias the alias asked for ({@code champion} by default), or null when a version was asked for
 * @param version the version that produced the embeddings; null for the lexical fallback
 * @param dimensions the vector size
 * @param pooling how token states were pooled ({@code MEAN}, {@code CLS}; {@code LEXICAL} for the fallback)
 * @param fallback true when the model could not serve and the vectors come from the lexical fallback:
 *     they are not comparable with the model's vectors, do not mix them in one index
 * @param fallbackReason why the fallback answered
 * @param embeddings one L2-normalised vector per input, in input order
 * @param truncated the indexes of inputs longer than the model's token limit, embedded from their start only
 * @param warnings human-readable notes (truncations)
 * @param cached how many of the inputs were answered from the cache
 */
public record Prediction(
        String model,
        String alias,
        Integer version,
        int dimensions,
        String pooling,
        boolean fallback,
        String fallbackReason,
        List<float[]> embeddings,
        List<Integer> truncated,
        List<String> warnings,
        int cached) {

    /** Cosine similarity of two of this prediction's vectors (they are normalised: the dot product). */
    public double similarity(int a, int b) {
        return dot(embeddings.get(a), embeddings.get(b));
    }

    public static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }
}

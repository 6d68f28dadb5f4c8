package io.openhire.modelserving.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What answers when no model can: a hashed bag of words and word pairs (the "hashing trick"), L2-normalised.
 * Texts sharing words get similar vectors, so lexical search and de-duplication keep working; meaning
 * ("engineer" ≈ "developer") is lost, and these vectors are not comparable with a model's.
 */
public final class LexicalFallback {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}+#]+");

    private LexicalFallback() {}

    public static float[] embed(String text, int dimensions) {
        List<String> words = new ArrayList<>();
        Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (m.find()) {
            words.add(m.group());
        }
        float[] vector = new float[dimensions];
        for (int i = 0; i < words.size(); i++) {
            add(vector, words.get(i), 1.0f);
            if (i + 1 < words.size()) {
                add(vector, words.get(i) + " " + words.get(i + 1), 0.5f);
            }
        }
        OnnxEmbedder.normalise(vector);
        return vector;
    }

    private static void add(float[] vector, String feature, float weight) {
        int h = mix(feature.hashCode());
        int index = Math.floorMod(h, vector.length);
        // A second bit picks the sign, so that collisions cancel out on average instead of piling up.
        vector[index] += ((h >>> 31) == 0 ? weight : -weight);
    }

    private static int mix(int h) {
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return h;
    }
}

package io.openhire.modelregistry;

import io.openhire.tagging.CrfModel;
import io.openhire.tagging.CrfTrainer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A real token-classification artifact in milliseconds: a CRF skill tagger of 2^8 feature buckets trained on
 * four toy sentences, in libs/sequence-tagging's format.
 */
final class ToyTagger {

    static final String FEATURES = "toy-words-v1";
    static final int BITS = 8;
    static final List<String> LABELS = List.of("O", "B-SKILL", "I-SKILL");

    private static final List<String> SENTENCES = List.of(
            "Knows/O Java/B-SKILL and/O Kafka/B-SKILL",
            "Built/O services/O with/O Spring/B-SKILL Boot/I-SKILL",
            "Five/O years/O of/O Java/B-SKILL",
            "Likes/O hiking/O and/O Kafka/B-SKILL");

    private static final byte[] BYTES = train();

    private ToyTagger() {}

    static byte[] bytes() {
        return BYTES.clone();
    }

    private static byte[] train() {
        List<CrfTrainer.Example> examples = new ArrayList<>();
        for (String sentence : SENTENCES) {
            List<String> tags = new ArrayList<>();
            List<int[]> features = new ArrayList<>();
            for (String token : sentence.split(" ")) {
                String[] wordAndTag = token.split("/");
                tags.add(wordAndTag[1]);
                features.add(new int[] {bucket("w=" + wordAndTag[0].toLowerCase(Locale.ROOT)), bucket("bias")});
            }
            examples.add(new CrfTrainer.Example(features.toArray(int[][]::new), null, tags));
        }
        CrfModel model = CrfTrainer.train(
                examples,
                LABELS.toArray(String[]::new),
                BITS,
                0,
                new CrfTrainer.Params(5, 0.1, 1e-6, 7),
                (epoch, loss, trained) -> {},
                () -> false);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            model.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static int bucket(String feature) {
        return Math.floorMod(feature.hashCode(), 1 << BITS);
    }
}

package io.openhire.modelserving.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.openhire.modelserving.client.Prediction;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The two shipped models, run directly: pooling, normalisation, truncation and similarity sanity. */
class OnnxEmbedderTest {

    static final String JAVA_DEV = "Senior Java developer with Spring Boot and PostgreSQL experience";
    static final String PARAPHRASE = "Experienced backend engineer who builds Java services using Spring and Postgres";
    static final String UNRELATED = "Registered nurse for night shifts on a paediatric hospital ward";

    static OnnxEmbedder miniLm;
    static OnnxEmbedder bge;

    @BeforeAll
    static void load() throws IOException {
        Path dir = Files.createTempDirectory("onnx-embedder-test");
        miniLm = OnnxEmbedder.load(
                copy("all-minilm-l6-v2.onnx", dir),
                copy("all-minilm-l6-v2-tokenizer.json", dir),
                new OnnxEmbedder.Config("MEAN", 256, 384, "last_hidden_state"),
                1);
        bge = OnnxEmbedder.load(
                copy("bge-small-en-v1.5-q.onnx", dir),
                copy("bge-small-en-v1.5-q-tokenizer.json", dir),
                new OnnxEmbedder.Config("CLS", 512, 384, "last_hidden_state"),
                1);
    }

    @AfterAll
    static void close() {
        miniLm.close();
        bge.close();
    }

    static Path copy(String resource, Path dir) throws IOException {
        try (InputStream in = OnnxEmbedderTest.class.getClassLoader().getResourceAsStream(resource)) {
            Path file = dir.resolve(resource);
            Files.copy(in, file);
            return file;
        }
    }

    static float[][] embed(OnnxEmbedder embedder, String... texts) throws Exception {
        return embedder.embed(List.of(texts).stream().map(embedder::encode).toList());
    }

    @Test
    void paraphrasesAreCloserThanUnrelatedTextsWithEitherModel() throws Exception {
        for (OnnxEmbedder embedder : List.of(miniLm, bge)) {
            float[][] v = embed(embedder, JAVA_DEV, PARAPHRASE, UNRELATED);
            double paraphrase = Prediction.dot(v[0], v[1]);
            double unrelated = Prediction.dot(v[0], v[2]);
            assertThat(paraphrase)
                    .as(embedder.config().pooling())
                    .isGreaterThan(unrelated + 0.2)
                    .isGreaterThan(0.5);
            for (float[] vector : v) {
                assertThat(vector).hasSize(384);
                assertThat(Prediction.dot(vector, vector)).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-4));
            }
        }
    }

    @Test
    void aTextEmbedsTheSameAloneAndInsideAPaddedBatch() throws Exception {
        float[] alone = embed(miniLm, JAVA_DEV)[0];
        float[] inBatch = embed(miniLm, "short", JAVA_DEV, PARAPHRASE + " " + UNRELATED)[1];
        assertThat(Prediction.dot(alone, inBatch)).isGreaterThan(0.9999);
    }

    @Test
    void longTextsAreTruncatedAtTheModelsLimitAndSaySo() {
        String resume = "Led the migration of payment services to Kubernetes and mentored engineers. ".repeat(60);
        OnnxEmbedder.Encoded encoded = miniLm.encode(resume);
        assertThat(encoded.truncated()).isTrue();
        assertThat(encoded.length()).isEqualTo(256);
        assertThat(miniLm.encode(JAVA_DEV).truncated()).isFalse();
        // bge reads twice as far before it truncates (more than MiniLM's tokenizer.json default of 128).
        assertThat(bge.encode(resume).length()).isEqualTo(512);
    }

    @Test
    void theLexicalFallbackKeepsSharedWordsCloseAndIsNormalised() {
        float[] a = LexicalFallback.embed("Java developer Spring Boot", 384);
        float[] b = LexicalFallback.embed("Spring Boot developer (Java)", 384);
        float[] c = LexicalFallback.embed("Registered nurse, night shifts", 384);
        assertThat(Prediction.dot(a, b)).isGreaterThan(0.6);
        assertThat(Prediction.dot(a, c)).isLessThan(0.2);
        assertThat(Prediction.dot(a, a)).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-5));
        assertThat(LexicalFallback.embed("", 384)).containsOnly(0f);
    }
}

package io.openhire.modelregistry;

import static io.openhire.platform.test.TestHttp.bearer;
import static io.openhire.platform.test.TestHttp.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.openhire.modelregistry.client.EmbeddingConfig;
import io.openhire.modelregistry.client.Gate;
import io.openhire.modelregistry.client.ModelRegistryApi;
import io.openhire.modelregistry.client.ModelView;
import io.openhire.modelregistry.client.RegisterVersion;
import io.openhire.modelregistry.client.Signature;
import io.openhire.modelregistry.client.TaggerConfig;
import io.openhire.modelregistry.client.VersionView;
import io.openhire.modelregistry.events.ModelPromoted;
import io.openhire.modelregistry.models.BuiltInModelsAccess;
import io.openhire.platform.crypto.Sha256;
import io.openhire.platform.http.ServiceAccount;
import io.openhire.platform.security.PlatformRoles;
import io.openhire.platform.test.TestHttp;
import io.openhire.platform.test.TestHttp.Part;
import io.openhire.platform.test.TestInfrastructure;
import io.openhire.platform.test.TestKafka;
import io.openhire.platform.test.TestTokens;
import io.openhire.resumetagger.ResumeTagger;
import io.openhire.servicetest.TestServiceAccount;
import io.openhire.servicetest.TestStorage;
import io.openhire.skills.SkillTagger;
import io.openhire.tagging.CrfModel;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.support.RestClientAdapter;
import org.springframework.web.service.invoker.HttpServiceProxyFactory;
import tools.jackson.databind.JsonNode;

/**
 * The registry as a platform operator, an organisation's admin and recruiter, and the training service use it, against the real storage service
 * (in this test, own port and database), PostgreSQL and Kafka, with the real ONNX models shipped in Maven and
 * the skill tagger libs/skills-taxonomy ships; other services' calls go through model-registry-client.
 */
@SpringBootTest(
        classes = ModelRegistryIT.App.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.application.name=model-registry")
class ModelRegistryIT {

    static final TestTokens TOKENS = new TestTokens();
    static TestStorage storage;

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(ModelRegistryConfiguration.class)
    static class App {
        /** storage's models bucket is model-registry's own: only its service token reaches it. */
        @Bean
        ServiceAccount serviceAccount() {
            return TestServiceAccount.of("model-registry", TOKENS);
        }
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        storage = TestStorage.start(TOKENS);
        TestInfrastructure.register(registry, "model_registry");
        registry.add("openhire.security.jwk-set-uri", TOKENS::jwkSetUri);
        registry.add("openhire.clients.services.storage.url", storage::url);
        // Small parts, so that every artifact here is stored and read back in several.
        registry.add("openhire.model-registry.part-size", () -> "4MB");
        registry.add("openhire.model-registry.seed-retry", () -> "1s");
        String workDir = Files.createTempDirectory("openhire-registry").toString();
        registry.add("openhire.model-registry.work-dir", () -> workDir);
    }

    @AfterAll
    static void stop() {
        storage.close();
    }

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    final UUID organization = UUID.randomUUID();
    final String admin = TOKENS.token(UUID.randomUUID(), organization, "ADMIN");
    final String recruiter = TOKENS.token(UUID.randomUUID(), organization, "RECRUITER");
    /** Runs the platform: the only one who changes the models every organisation is served by. */
    final String operator = TOKENS.token(UUID.randomUUID(), organization, PlatformRoles.OPERATOR);

    TestHttp http() {
        return new TestHttp("http://localhost:" + port);
    }

    static byte[] resource(String name) throws IOException {
        try (InputStream in = ModelRegistryIT.class.getClassLoader().getResourceAsStream(name)) {
            return in.readAllBytes();
        }
    }

    JsonNode textEmbeddingOnceSeeded() {
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
            TestHttp.Response model = http().get("/api/v1/models/text-embedding", bearer(recruiter));
            assertThat(model.status()).isEqualTo(200);
            assertThat(model.json().at("/aliases/champion/version").asInt()).isEqualTo(1);
            assertThat(model.json().at("/aliases/challenger/version").asInt()).isEqualTo(2);
        });
        return http().get("/api/v1/models/text-embedding", bearer(recruiter)).json();
    }

    @Test
    void theShippedEmbeddingModelsAreRegisteredOnFirstStartAsChampionAndChallenger() throws IOException {
        JsonNode model = textEmbeddingOnceSeeded();

        assertThat(model.get("task").asString()).isEqualTo("text-embedding");
        JsonNode v1 = model.at("/versions/1");
        assertThat(v1.get("version").asInt()).isEqualTo(1);
        assertThat(v1.get("status").asString()).isEqualTo("READY");
        assertThat(v1.get("aliases").toString()).isEqualTo("[\"champion\"]");
        assertThat(v1.at("/config/pooling").asString()).isEqualTo("MEAN");
        assertThat(v1.at("/config/dimensions").asInt()).isEqualTo(384);
        assertThat(v1.at("/config/maxTokens").asInt()).isEqualTo(256);
        // The signature is read from the model, not declared.
        assertThat(v1.at("/signature/inputs").toString())
                .contains("input_ids", "attention_mask", "token_type_ids", "INT64");
        assertThat(v1.at("/lineage/source").asString()).contains("all-minilm-l6-v2");
        assertThat(v1.get("createdBy").asString()).isEqualTo("system");
        byte[] miniLm = resource("all-minilm-l6-v2.onnx");
        assertThat(v1.at("/artifact/sha256").asString()).isEqualTo(Sha256.hex(miniLm));
        assertThat(v1.at("/artifact/size").asLong()).isEqualTo(miniLm.length);

        JsonNode v2 = model.at("/versions/0");
        assertThat(v2.get("version").asInt()).isEqualTo(2);
        assertThat(v2.at("/config/pooling").asString()).isEqualTo("CLS");
        assertThat(v2.get("aliases").toString()).isEqualTo("[\"challenger\"]");

        // Serving downloads the artifact (23 parts of 4 MB here) and gets exactly the original bytes.
        String[] serving = bearer(TOKENS.serviceToken("model-serving", organization));
        byte[] downloaded = http().getBytes("/api/v1/models/text-embedding/versions/1/artifact", serving);
        assertThat(Sha256.hex(downloaded)).isEqualTo(Sha256.hex(miniLm));
        assertThat(http().get("/api/v1/models/text-embedding/versions/2/tokenizer", serving)
                        .body())
                .contains("\"vocab\"");
        assertThat(http().get("/api/v1/models/text-embedding/versions/2/tokenizer", bearer(operator))
                        .status())
                .isEqualTo(200);
        // The artifacts are platform assets: an organisation's people do not download them.
        for (String token : List.of(recruiter, admin)) {
            assertThat(http().get("/api/v1/models/text-embedding/versions/1/artifact", bearer(token))
                            .status())
                    .isEqualTo(403);
            assertThat(http().get("/api/v1/models/text-embedding/versions/2/tokenizer", bearer(token))
                            .status())
                    .isEqualTo(403);
        }

        assertThat(http().get("/api/v1/models/registered", bearer(recruiter))
                        .json()
                        .toString())
                .contains("\"name\":\"text-embedding\"", "\"champion\":1", "\"challenger\":2");
        assertThat(http().get(
                                "/api/v1/models/text-embedding",
                                bearer(TOKENS.token(UUID.randomUUID(), organization, "CANDIDATE")))
                        .status())
                .isEqualTo(403);
        assertThat(http().get("/api/v1/models/text-embedding").status()).isEqualTo(401);
    }

    @Test
    void anOperatorPromotesAndRollsBackAndTheHistorySaysWhichVersionServedWhen() throws IOException {
        String name = newModelWithVersions(3, Map.of());

        TestHttp.Response promoted = http().post(
                        "/api/v1/models/update",
                        map("action", "PROMOTE", "name", name, "version", 2, "reason", "better on the October set"),
                        bearer(operator));
        assertThat(promoted.status()).as(promoted.body()).isEqualTo(200);
        assertThat(promoted.json().get("previousVersion").asInt()).isEqualTo(1);
        assertThat(http().post(
                                "/api/v1/models/update",
                                map("action", "PROMOTE", "name", name, "version", 3),
                                bearer(operator))
                        .status())
                .isEqualTo(200);
        assertThat(champion(name)).isEqualTo(3);

        // One-step rollbacks walk back through the promotions: 3 → 2 → 1, then there is nothing left.
        TestHttp.Response rolledBack = http().post(
                        "/api/v1/models/update",
                        map("action", "ROLLBACK", "name", name, "reason", "ranking complaints"),
                        bearer(operator));
        assertThat(rolledBack.status()).as(rolledBack.body()).isEqualTo(200);
        assertThat(champion(name)).isEqualTo(2);
        http().post("/api/v1/models/update", map("action", "ROLLBACK", "name", name), bearer(operator));
        assertThat(champion(name)).isEqualTo(1);
        TestHttp.Response nothingLeft =
                http().post("/api/v1/models/update", map("action", "ROLLBACK", "name", name), bearer(operator));
        assertThat(nothingLeft.status()).isEqualTo(409);
        assertThat(champion(name)).isEqualTo(1);

        // Between the two promotions, version 2 served: asked for the instant the first was recorded.
        String firstPromotedAt = http().get("/api/v1/models/" + name + "/history?alias=champion", bearer(recruiter))
                .json()
                .at("/changes/3/changedAt")
                .asString();
        JsonNode history = http().get(
                        "/api/v1/models/" + name + "/history?alias=champion&at=" + firstPromotedAt, bearer(recruiter))
                .json();
        assertThat(history.at("/aliasesAt/champion").asInt()).isEqualTo(2);
        List<String> moves = new ArrayList<>();
        history.get("changes")
                .forEach(c -> moves.add(c.get("action").asString() + " "
                        + c.get("previousVersion").asString("-") + "→"
                        + c.get("version").asInt()));
        assertThat(moves).containsExactly("ROLLBACK 2→1", "ROLLBACK 3→2", "PROMOTE 2→3", "PROMOTE 1→2", "PROMOTE -→1");
        assertThat(history.at("/changes/3/reason").asString()).isEqualTo("better on the October set");
        assertThat(history.at("/changes/3/actor").asString()).startsWith("user:");

        assertThat(TestKafka.read(ModelPromoted.TOPIC, r -> r.key().equals(name), 5))
                .hasSize(5)
                .last()
                .satisfies(r -> assertThat(r.value()).contains("\"action\":\"ROLLBACK\"", "\"version\":1"));

        // Only operators move aliases.
        assertThat(http().post(
                                "/api/v1/models/update",
                                map("action", "PROMOTE", "name", name, "version", 3),
                                bearer(recruiter))
                        .status())
                .isEqualTo(403);
        assertThat(http().post(
                                "/api/v1/models/update",
                                map("action", "PROMOTE", "name", name, "version", 9),
                                bearer(operator))
                        .status())
                .isEqualTo(404);
        assertThat(http().post("/api/v1/models/update", map("action", "DELETE", "name", name), bearer(operator))
                        .status())
                .isEqualTo(400);
        assertThat(champion(name)).isEqualTo(1);
    }

    @Test
    void anOrganisationsAdminReadsThePlatformModelsButChangesNothing() throws IOException {
        String name = newModelWithVersions(2, Map.of("ndcg@10", 0.6));
        // Anyone who signs up is the ADMIN of a new organisation: that must not reach every organisation's models.
        String[] stranger = bearer(TOKENS.token(UUID.randomUUID(), UUID.randomUUID(), "ADMIN"));
        TestHttp.Response read = http().get("/api/v1/models/" + name, stranger);
        assertThat(read.status()).isEqualTo(200);
        JsonNode before = read.json();

        for (Map<String, Object> action : List.of(
                map("action", "PROMOTE", "name", name, "version", 2),
                map("action", "PROMOTE", "name", name, "version", 2, "alias", "challenger"),
                map("action", "ROLLBACK", "name", name),
                map("action", "SET_GATES", "name", name, "gates", List.of(map("metric", "ndcg@10", "min", 0.99))))) {
            TestHttp.Response refused = http().post("/api/v1/models/update", action, stranger);
            assertThat(refused.status()).as(action.toString()).isEqualTo(403);
            assertThat(refused.json().get("type").asString()).endsWith("/forbidden");
        }
        byte[] model = resource("bge-small-en-v1.5-q.onnx");
        assertThat(register(
                                metadata(name, Map.of(), Sha256.hex(model)),
                                model,
                                resource("bge-small-en-v1.5-q-tokenizer.json"),
                                stranger)
                        .status())
                .isEqualTo(403);

        JsonNode after = http().get("/api/v1/models/" + name, stranger).json();
        assertThat(after.get("aliases")).isEqualTo(before.get("aliases"));
        assertThat(after.get("promotionGates")).isEqualTo(before.get("promotionGates"));
        assertThat(after.get("versions")).hasSize(2);
        assertThat(http().get("/api/v1/models/" + name + "/history", stranger)
                        .json()
                        .get("changes"))
                .hasSize(1);

        // The platform operator may.
        TestHttp.Response gates = http().post(
                        "/api/v1/models/update",
                        map(
                                "action",
                                "SET_GATES",
                                "name",
                                name,
                                "gates",
                                List.of(map("metric", "ndcg@10", "min", 0.5))),
                        bearer(operator));
        assertThat(gates.status()).as(gates.body()).isEqualTo(200);
        assertThat(http().post(
                                "/api/v1/models/update",
                                map("action", "PROMOTE", "name", name, "version", 2),
                                bearer(operator))
                        .status())
                .isEqualTo(200);
        assertThat(champion(name)).isEqualTo(2);
    }

    @Test
    void aPromotionThatFailsTheGatesIsRefusedWithTheReason() throws IOException {
        String name = newModelWithVersions(1, Map.of("ndcg@10", 0.41));
        registerVersion(name, Map.of("ndcg@10", 0.62), bearer(operator));
        TestHttp.Response gates = http().post(
                        "/api/v1/models/update",
                        map(
                                "action",
                                "SET_GATES",
                                "name",
                                name,
                                "gates",
                                List.of(map("metric", "ndcg@10", "min", 0.5), map("metric", "p99-ms", "max", 50))),
                        bearer(operator));
        assertThat(gates.status()).as(gates.body()).isEqualTo(200);

        TestHttp.Response refused = http().post(
                        "/api/v1/models/update",
                        map("action", "PROMOTE", "name", name, "version", 2),
                        bearer(operator));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("failures").toString()).contains("p99-ms is not reported");

        http().post(
                        "/api/v1/models/update",
                        map(
                                "action",
                                "SET_GATES",
                                "name",
                                name,
                                "gates",
                                List.of(map("metric", "ndcg@10", "min", 0.5))),
                        bearer(operator));
        // Version 1 became champion before there were gates; version 2 passes them.
        assertThat(http().post(
                                "/api/v1/models/update",
                                map("action", "PROMOTE", "name", name, "version", 2),
                                bearer(operator))
                        .status())
                .isEqualTo(200);
        TestHttp.Response below = http().post(
                        "/api/v1/models/update",
                        map("action", "PROMOTE", "name", name, "version", 1),
                        bearer(operator));
        assertThat(below.status()).isEqualTo(422);
        assertThat(below.json().get("detail").asString()).contains("ndcg@10 = 0.41 is below the minimum 0.5");
        assertThat(champion(name)).isEqualTo(2);
        // Gates guard the champion only: any version may be tried as challenger.
        assertThat(http().post(
                                "/api/v1/models/update",
                                map("action", "PROMOTE", "name", name, "version", 1, "alias", "challenger"),
                                bearer(operator))
                        .status())
                .isEqualTo(200);
    }

    @Test
    void aCorruptedOrForeignArtifactIsRefusedAndNothingIsRegistered() throws IOException {
        String name = "refused-" + UUID.randomUUID().toString().substring(0, 8);
        byte[] tokenizer = resource("bge-small-en-v1.5-q-tokenizer.json");
        byte[] model = resource("bge-small-en-v1.5-q.onnx");

        TestHttp.Response notOnnx = register(
                metadata(name, Map.of(), null),
                "not a model at all".getBytes(StandardCharsets.UTF_8),
                tokenizer,
                bearer(operator));
        assertThat(notOnnx.status()).isEqualTo(422);
        assertThat(notOnnx.json().get("detail").asString()).contains("is not an ONNX model");

        byte[] corrupted = model.clone();
        corrupted[corrupted.length / 2] ^= 0x55;
        TestHttp.Response mismatch =
                register(metadata(name, Map.of(), Sha256.hex(model)), corrupted, tokenizer, bearer(operator));
        assertThat(mismatch.status()).isEqualTo(422);
        assertThat(mismatch.json().get("type").asString()).endsWith("/checksum-mismatch");

        TestHttp.Response noTokenizer = register(metadata(name, Map.of(), null), model, null, bearer(operator));
        assertThat(noTokenizer.status()).isEqualTo(400);
        TestHttp.Response badName = register(metadata("Bad Name", Map.of(), null), model, tokenizer, bearer(operator));
        assertThat(badName.status()).isEqualTo(400);
        TestHttp.Response badPooling = register(
                metadata(name, Map.of(), null).replace("\"CLS\"", "\"MAX\""), model, tokenizer, bearer(operator));
        assertThat(badPooling.status()).isEqualTo(400);
        assertThat(register(metadata(name, Map.of(), null), model, tokenizer, bearer(recruiter))
                        .status())
                .isEqualTo(403);

        assertThat(http().get("/api/v1/models/" + name, bearer(admin)).status()).isEqualTo(404);
    }

    @Test
    void theShippedTaggersAreRegisteredOnFirstStartAsChampionsAndOnlyOnce() throws IOException {
        ModelRegistryApi registry = client(bearer(recruiter));
        await().atMost(Duration.ofSeconds(90))
                .untilAsserted(
                        () -> assertThat(registry.model("skill-extraction").aliasVersion(ModelView.CHAMPION))
                                .isEqualTo(1));

        ModelView model = registry.model("skill-extraction");
        assertThat(model.task()).isEqualTo("token-classification");
        VersionView v1 = model.version(1).orElseThrow();
        byte[] shipped = resource(SkillTagger.RESOURCE);
        assertThat(v1.status()).isEqualTo(VersionView.Status.READY);
        assertThat(v1.format()).isEqualTo("crf");
        assertThat(v1.aliases()).containsExactly("champion");
        assertThat(v1.artifact()).isEqualTo(new VersionView.Checksummed(Sha256.hex(shipped), shipped.length));
        assertThat(v1.tokenizer()).isNull();
        // The labels and sizes are read from the model; the features are the ones it was trained on.
        CrfModel tagger = CrfModel.read(new ByteArrayInputStream(shipped));
        assertThat(v1.tagger())
                .isEqualTo(new TaggerConfig(
                        SkillTagger.FEATURES, tagger.labels(), SkillTagger.FEATURE_BITS, tagger.denseDims()));
        assertThat(v1.metrics()).isEmpty();
        assertThat(v1.lineage().source())
                .contains("io.openhire:skills-taxonomy", SkillTagger.RESOURCE, "bench/skill-tagger-train.sh");
        assertThat(v1.createdBy()).isEqualTo("system");
        // The other tasks have no tagger (seeded before skill-extraction).
        assertThat(http().get("/api/v1/models/match-ranker/versions/1", bearer(recruiter))
                        .json()
                        .get("tagger")
                        .isNull())
                .isTrue();

        // A trained version must beat the champion on held-out sentences to replace it.
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () -> assertThat(registry.model("skill-extraction").promotionGates())
                                .containsExactly(new Gate("span-f1-vs-champion", 0.0, null, null)));

        // The resume tagger libs/resume-tagger ships, likewise.
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(registry.model("resume-fields").aliasVersion(ModelView.CHAMPION))
                        .isEqualTo(1));
        VersionView resumes = registry.model("resume-fields").version(1).orElseThrow();
        byte[] resumeTagger = resource(ResumeTagger.RESOURCE);
        assertThat(resumes.artifact().sha256()).isEqualTo(Sha256.hex(resumeTagger));
        assertThat(resumes.tagger().features()).isEqualTo(ResumeTagger.FEATURES);
        assertThat(resumes.tagger().labels()).contains("B-TITLE", "I-EMPLOYER");
        assertThat(resumes.lineage().source()).contains("io.openhire:resume-tagger", "bench/resume-tagger-train.sh");

        // The next start finds every built-in model registered and registers none again.
        BuiltInModelsAccess.seedAgain(context);
        assertThat(registry.model("skill-extraction").versions()).hasSize(1);
        assertThat(registry.model("resume-fields").versions()).hasSize(1);
        assertThat(registry.model("text-embedding").versions()).hasSize(2);
        assertThat(registry.model("match-ranker").versions()).hasSize(1);
    }

    @Test
    void theTrainingServiceRegistersATaggerThroughTheClientAndConsumersReadItsFeaturesAndLabels() throws IOException {
        String name = "tagger-" + UUID.randomUUID().toString().substring(0, 8);
        ModelRegistryApi training = client(bearer(TOKENS.serviceToken("training", organization)));
        byte[] tagger = ToyTagger.bytes();

        // A resource without a file name: the client sends it as a plain part, and the metadata as JSON.
        VersionView v1 = training.register(
                taggerVersion(name, ToyTagger.FEATURES, Map.of("f1", 0.5), Sha256.hex(tagger)),
                new ByteArrayResource(tagger));

        assertThat(v1.version()).isEqualTo(1);
        assertThat(v1.status()).isEqualTo(VersionView.Status.READY);
        assertThat(v1.format()).isEqualTo("crf");
        assertThat(v1.tagger()).isEqualTo(new TaggerConfig(ToyTagger.FEATURES, ToyTagger.LABELS, ToyTagger.BITS, 0));
        assertThat(v1.signature()).isEqualTo(Signature.NONE);
        assertThat(v1.config()).isEqualTo(EmbeddingConfig.NONE);
        assertThat(v1.artifact()).isEqualTo(new VersionView.Checksummed(Sha256.hex(tagger), tagger.length));
        assertThat(v1.metrics()).containsExactly(Map.entry("f1", 0.5));
        assertThat(v1.lineage().trainingRun()).isEqualTo("run-7");
        assertThat(v1.createdBy()).isEqualTo("service:training");

        TestHttp.Response read = http().get("/api/v1/models/" + name + "/versions/1", bearer(recruiter));
        assertThat(read.json().at("/tagger/features").asString()).isEqualTo("toy-words-v1");
        assertThat(read.json().at("/tagger/labels").toString()).isEqualTo("[\"O\",\"B-SKILL\",\"I-SKILL\"]");
        assertThat(read.json().at("/tagger/featureBits").asInt()).isEqualTo(8);
        assertThat(read.json().at("/tagger/denseDims").asInt()).isEqualTo(0);
        assertThat(training.model(name).task()).isEqualTo("token-classification");
        CrfModel downloaded = CrfModel.read(new ByteArrayInputStream(training.artifact(name, 1)));
        assertThat(downloaded.labels()).isEqualTo(ToyTagger.LABELS);

        // A plain text field of metadata (what curl -F metadata='{...}' sends) works as it always has.
        TestHttp.Response v2 = http().postMultipart(
                        "/api/v1/models/update",
                        List.of(
                                Part.field("metadata", json(taggerVersion(name, ToyTagger.FEATURES, Map.of(), null))),
                                Part.file("artifact", "tagger.crf", "application/octet-stream", tagger)),
                        bearer(operator));
        assertThat(v2.status()).as(v2.body()).isEqualTo(201);
        assertThat(v2.json().get("version").asInt()).isEqualTo(2);
        assertThat(v2.json().at("/tagger/features").asString()).isEqualTo("toy-words-v1");
    }

    @Test
    void aTaggerMustBeACrfModelAndNameItsFeaturesOrNothingIsRegistered() throws IOException {
        String name = "tagger-" + UUID.randomUUID().toString().substring(0, 8);
        ModelRegistryApi training = client(bearer(TOKENS.serviceToken("training", organization)));
        byte[] tagger = ToyTagger.bytes();
        ByteArrayOutputStream gzippedText = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(gzippedText)) {
            gzip.write("a gzipped text, not a tagger".getBytes(StandardCharsets.UTF_8));
        }

        for (byte[] notATagger : List.of(
                "not a model at all".getBytes(StandardCharsets.UTF_8),
                gzippedText.toByteArray(),
                resource("bge-small-en-v1.5-q-tokenizer.json"))) {
            assertThatThrownBy(() -> training.register(
                            taggerVersion(name, ToyTagger.FEATURES, Map.of(), null), new ByteArrayResource(notATagger)))
                    .isInstanceOfSatisfying(HttpClientErrorException.class, e -> {
                        assertThat(e.getStatusCode().value()).isEqualTo(422);
                        assertThat(e.getResponseBodyAsString())
                                .contains("/invalid-artifact", "is not a CRF tagger CrfModel can read");
                    });
        }
        for (String features : java.util.Arrays.asList(null, "", "Skill Words", "-x")) {
            assertThatThrownBy(() -> training.register(
                            taggerVersion(name, features, Map.of(), null), new ByteArrayResource(tagger)))
                    .as(String.valueOf(features))
                    .isInstanceOfSatisfying(HttpClientErrorException.class, e -> {
                        assertThat(e.getStatusCode().value()).isEqualTo(400);
                        assertThat(e.getResponseBodyAsString()).contains("\"field\":\"features\"");
                    });
        }
        // A tagger computes its own word features: a tokenizer is refused; features belong to taggers only.
        TestHttp.Response withTokenizer = register(
                json(taggerVersion(name, ToyTagger.FEATURES, Map.of(), null)),
                tagger,
                resource("bge-small-en-v1.5-q-tokenizer.json"),
                bearer(operator));
        assertThat(withTokenizer.status()).isEqualTo(400);
        TestHttp.Response embeddingWithFeatures = register(
                metadata(name, Map.of(), null).replace("{\"name\"", "{\"features\":\"toy-words-v1\",\"name\""),
                "refused before it is opened".getBytes(StandardCharsets.UTF_8),
                null,
                bearer(operator));
        assertThat(embeddingWithFeatures.status()).isEqualTo(400);

        assertThat(http().get("/api/v1/models/" + name, bearer(admin)).status()).isEqualTo(404);
    }

    @Test
    void aGateComparingWithTheChampionRefusesAWorseVersionAndLetsABetterOneThrough() {
        String name = "tagger-" + UUID.randomUUID().toString().substring(0, 8);
        ModelRegistryApi training = client(bearer(TOKENS.serviceToken("training", organization)));
        byte[] tagger = ToyTagger.bytes();
        // Version 1 reports nothing (as a shipped model); then 0.60, 0.55 and 0.70.
        for (Map<String, Double> metrics :
                List.of(Map.<String, Double>of(), Map.of("f1", 0.6), Map.of("f1", 0.55), Map.of("f1", 0.7))) {
            training.register(taggerVersion(name, ToyTagger.FEATURES, metrics, null), new ByteArrayResource(tagger));
        }
        assertThat(promote(name, 1).status()).isEqualTo(200);
        TestHttp.Response gates = http().post(
                        "/api/v1/models/update",
                        map(
                                "action",
                                "SET_GATES",
                                "name",
                                name,
                                "gates",
                                List.of(map("metric", "f1", "atLeastChampion", true))),
                        bearer(operator));
        assertThat(gates.status()).as(gates.body()).isEqualTo(200);
        assertThat(client(bearer(recruiter)).model(name).promotionGates()).containsExactly(Gate.atLeastChampion("f1"));

        // The champion reports no f1: nothing to compare with, the gate passes.
        assertThat(promote(name, 2).status()).isEqualTo(200);
        TestHttp.Response worse = promote(name, 3);
        assertThat(worse.status()).isEqualTo(422);
        assertThat(worse.json().get("type").asString()).endsWith("/promotion-gate-failed");
        assertThat(worse.json().get("failures").toString())
                .contains("f1 = 0.55 is below the champion's (version 2) 0.6");
        assertThat(champion(name)).isEqualTo(2);
        assertThat(promote(name, 4).status()).isEqualTo(200);
        assertThat(champion(name)).isEqualTo(4);

        // A gate that checks nothing is refused.
        assertThat(http().post(
                                "/api/v1/models/update",
                                map("action", "SET_GATES", "name", name, "gates", List.of(map("metric", "f1"))),
                                bearer(operator))
                        .status())
                .isEqualTo(400);
    }

    /** model-registry-client's interface as another service builds it (HTTP/1.1, as ServiceClients does). */
    ModelRegistryApi client(String[] authorization) {
        RestClient rest = RestClient.builder()
                .baseUrl("http://localhost:" + port)
                .requestFactory(new JdkClientHttpRequestFactory(java.net.http.HttpClient.newBuilder()
                        .version(java.net.http.HttpClient.Version.HTTP_1_1)
                        .build()))
                .defaultHeader(authorization[0], authorization[1])
                .build();
        return HttpServiceProxyFactory.builderFor(RestClientAdapter.create(rest))
                .build()
                .createClient(ModelRegistryApi.class);
    }

    static RegisterVersion taggerVersion(String name, String features, Map<String, Double> metrics, String sha256) {
        return new RegisterVersion(
                name,
                RegisterVersion.TOKEN_CLASSIFICATION,
                "Toy skill tagger",
                features,
                metrics,
                Map.of("data", "toy"),
                "training:run-7",
                "run-7",
                null,
                null,
                sha256);
    }

    static String json(Object value) {
        return tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(value);
    }

    TestHttp.Response promote(String name, int version) {
        return http().post(
                        "/api/v1/models/update",
                        map("action", "PROMOTE", "name", name, "version", version),
                        bearer(operator));
    }

    /** A new model with {@code count} versions (the bge artifact), version 1 as champion. */
    String newModelWithVersions(int count, Map<String, Double> metrics) throws IOException {
        String name = "test-" + UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < count; i++) {
            registerVersion(name, metrics, bearer(TOKENS.serviceToken("training", organization)));
        }
        TestHttp.Response first = http().post(
                        "/api/v1/models/update",
                        map("action", "PROMOTE", "name", name, "version", 1),
                        bearer(operator));
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        return name;
    }

    void registerVersion(String name, Map<String, Double> metrics, String[] auth) throws IOException {
        byte[] model = resource("bge-small-en-v1.5-q.onnx");
        TestHttp.Response registered = register(
                metadata(name, metrics, Sha256.hex(model)),
                model,
                resource("bge-small-en-v1.5-q-tokenizer.json"),
                auth);
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        assertThat(registered.json().get("status").asString()).isEqualTo("READY");
    }

    TestHttp.Response register(String metadata, byte[] artifact, byte[] tokenizer, String[] auth) {
        List<Part> parts = new ArrayList<>();
        parts.add(
                Part.file("metadata", "metadata.json", "application/json", metadata.getBytes(StandardCharsets.UTF_8)));
        parts.add(Part.file("artifact", "model.onnx", "application/octet-stream", artifact));
        if (tokenizer != null) {
            parts.add(Part.file("tokenizer", "tokenizer.json", "application/json", tokenizer));
        }
        return http().postMultipart("/api/v1/models/update", parts, auth);
    }

    static String metadata(String name, Map<String, Double> metrics, String sha256) {
        StringBuilder json = new StringBuilder("{\"name\":\"" + name + "\",\"task\":\"text-embedding\","
                + "\"pooling\":\"CLS\",\"maxTokens\":512,\"trainingRun\":\"run-42\",\"metrics\":{");
        json.append(String.join(
                ",",
                metrics.entrySet().stream()
                        .map(e -> "\"" + e.getKey() + "\":" + e.getValue())
                        .toList()));
        json.append("}");
        if (sha256 != null) {
            json.append(",\"artifactSha256\":\"").append(sha256).append('"');
        }
        return json.append('}').toString();
    }

    int champion(String name) {
        return http().get("/api/v1/models/" + name, bearer(recruiter))
                .json()
                .at("/aliases/champion/version")
                .asInt();
    }
}

package io.openhire.modelserving;

import static io.openhire.platform.test.TestHttp.bearer;
import static io.openhire.platform.test.TestHttp.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.openhire.modelserving.client.EmbeddingClient;
import io.openhire.modelserving.client.ModelServingApi;
import io.openhire.modelserving.client.Prediction;
import io.openhire.platform.crypto.Sha256;
import io.openhire.platform.http.ServiceAccount;
import io.openhire.platform.security.PlatformOrganization;
import io.openhire.platform.security.PlatformRoles;
import io.openhire.platform.test.TestHttp;
import io.openhire.platform.test.TestHttp.Part;
import io.openhire.platform.test.TestKafka;
import io.openhire.platform.test.TestServices;
import io.openhire.platform.test.TestTokens;
import io.openhire.servicetest.TestServiceAccount;
import io.openhire.servicetest.TestStorage;
import io.openhire.testsupport.RegistryForTests;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * model-serving with the real registry and storage (each in this test on its own port and database), the
 * embedded Kafka, and the ONNX models the registry ships: what a user embeds, what an operator's promotion
 * and rollback change, what happens to a corrupted artifact, and who may change what every organisation shares. Each
 * scenario moves an alias of its own ({@code text-embedding@swap-…}) and adds versions of its own, so that the
 * champion and challenger every scenario starts from stay as the registry seeded them.
 */
@SpringBootTest(
        classes = ModelServingIT.App.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.application.name=model-serving")
class ModelServingIT {

    static final TestTokens TOKENS = new TestTokens();
    static TestStorage storage;
    static TestServices.Running registry;

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(ModelServingConfiguration.class)
    static class App {
        @Bean
        ServiceAccount serviceAccount() {
            return TestServiceAccount.of("model-serving", TOKENS);
        }
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry properties) throws Exception {
        storage = TestStorage.start(TOKENS);
        RegistryForTests.tokens = TOKENS;
        registry = TestServices.start(
                "model-registry",
                RegistryForTests.class,
                TOKENS,
                Map.of(
                        "openhire.clients.services.storage.url",
                        storage.url(),
                        "openhire.model-registry.seed-retry",
                        "1s",
                        "openhire.model-registry.work-dir",
                        Files.createTempDirectory("openhire-registry").toString()));
        String modelDir = Files.createTempDirectory("openhire-models").toString();
        properties.add("spring.kafka.bootstrap-servers", TestKafka::bootstrapServers);
        properties.add("openhire.security.issuer", () -> TestTokens.ISSUER);
        properties.add("openhire.security.jwk-set-uri", TOKENS::jwkSetUri);
        properties.add("openhire.clients.services.model-registry.url", registry::url);
        properties.add("openhire.model-serving.model-dir", () -> modelDir);
        // Swaps must come from model.promoted.v1, not from the periodic check.
        properties.add("openhire.model-serving.reconcile-interval", () -> "1h");
        properties.add("openhire.model-serving.load-wait", () -> "90s");
    }

    @AfterAll
    static void stop() {
        registry.close();
        storage.close();
    }

    @LocalServerPort
    int port;

    final UUID organization = UUID.randomUUID();
    /** Runs the platform: moves the registry's aliases, preloads, empties the cache. */
    final String operator = TOKENS.token(UUID.randomUUID(), organization, PlatformRoles.OPERATOR);
    /** Anyone who signs up is the ADMIN of a new organisation: they must not change what all organisations share. */
    final String stranger = TOKENS.token(UUID.randomUUID(), UUID.randomUUID(), "ADMIN");

    final String recruiter = TOKENS.token(UUID.randomUUID(), organization, "RECRUITER");

    static final String JAVA_DEV = "Senior Java developer with Spring Boot and PostgreSQL experience";
    static final String PARAPHRASE = "Experienced backend engineer who builds Java services using Spring and Postgres";
    static final String UNRELATED = "Registered nurse for night shifts on a paediatric hospital ward";

    TestHttp http() {
        return new TestHttp("http://localhost:" + port);
    }

    TestHttp registryHttp() {
        return new TestHttp(registry.url());
    }

    Prediction predict(String model, List<String> inputs) {
        TestHttp.Response response =
                http().post("/api/v1/predict", map("model", model, "inputs", inputs), bearer(recruiter));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return JSON.readValue(response.body(), Prediction.class);
    }

    static final tools.jackson.databind.json.JsonMapper JSON =
            tools.jackson.databind.json.JsonMapper.builder().build();

    List<String> routes() {
        List<String> routes = new ArrayList<>();
        http().get("/api/v1/models", bearer(recruiter))
                .json()
                .forEach(m -> routes.add(m.get("route").asString()));
        return routes;
    }

    long cacheSize() {
        String[] service = bearer(TOKENS.serviceToken("matching", organization));
        return http().get("/api/v1/cache", service).json().get("size").asLong();
    }

    JsonNode served(String route) {
        for (JsonNode model : http().get("/api/v1/models", bearer(recruiter)).json()) {
            if (model.get("route").asString().equals(route)) {
                return model;
            }
        }
        throw new AssertionError(route + " is not served");
    }

    void registryUpdate(Object body) {
        TestHttp.Response response = registryHttp().post("/api/v1/models/update", body, bearer(operator));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
    }

    /** An alias no other scenario moves. */
    static String alias(String purpose) {
        return purpose + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /**
     * Registers a new version of text-embedding (bge's artifact) and flips a byte of its stored artifact, as
     * someone with access to the object store could (only model-registry's own token reaches the models
     * bucket). The registry still lists it; serving it must fail the SHA-256 check.
     */
    int registerDamagedVersion(byte[] model) throws IOException {
        String metadata = "{\"name\":\"text-embedding\",\"pooling\":\"CLS\",\"maxTokens\":512}";
        TestHttp.Response registered = registryHttp()
                .postMultipart(
                        "/api/v1/models/update",
                        List.of(
                                Part.file(
                                        "metadata",
                                        "m.json",
                                        "application/json",
                                        metadata.getBytes(StandardCharsets.UTF_8)),
                                Part.file("artifact", "model.onnx", "application/octet-stream", model),
                                Part.file(
                                        "tokenizer",
                                        "tokenizer.json",
                                        "application/json",
                                        resource("bge-small-en-v1.5-q-tokenizer.json"))),
                        bearer(operator));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        int version = registered.json().get("version").asInt();

        TestHttp objects = new TestHttp(storage.url());
        String[] platform = bearer(TOKENS.serviceToken("model-registry", PlatformOrganization.ID));
        String part = "/api/v1/data/models/text-embedding.v" + version + ".artifact.00001";
        byte[] stored = objects.getBytes(part, platform);
        stored[1000] ^= 0x01;
        assertThat(objects.putRaw(part, "application/octet-stream", stored, platform)
                        .status())
                .isEqualTo(200);
        return version;
    }

    /** Every scenario starts from what the registry seeds on its first start: MiniLM champion, bge challenger. */
    @BeforeEach
    void theSeededVersionsAreServed() {
        await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> {
            assertThat(served("text-embedding@champion").get("version").asInt()).isEqualTo(1);
            assertThat(served("text-embedding@challenger").get("version").asInt())
                    .isEqualTo(2);
        });
    }

    @Test
    void aUserEmbedsTextsAndSeesWhichVersionAnswered() {
        Prediction p = predict("text-embedding", List.of(JAVA_DEV, PARAPHRASE, UNRELATED));
        assertThat(p.fallback()).isFalse();
        assertThat(p.version()).isEqualTo(1);
        assertThat(p.alias()).isEqualTo("champion");
        assertThat(p.pooling()).isEqualTo("MEAN");
        assertThat(p.dimensions()).isEqualTo(384);
        assertThat(p.embeddings()).hasSize(3).allSatisfy(v -> assertThat(v).hasSize(384));
        assertThat(p.similarity(0, 1)).isGreaterThan(p.similarity(0, 2) + 0.2);

        // A repeat comes from the cache, identical; a text nobody sent before does not.
        String fresh = "Payroll specialist, reference " + UUID.randomUUID();
        Prediction again = predict("text-embedding@champion", List.of(UNRELATED, JAVA_DEV, fresh));
        assertThat(again.cached()).isEqualTo(2);
        assertThat(again.embeddings().get(1)).containsExactly(p.embeddings().get(0));

        // The challenger (bge, CLS pooling) is served too, and also tells paraphrases from unrelated text.
        Prediction challenger = predict("text-embedding@challenger", List.of(JAVA_DEV, PARAPHRASE, UNRELATED));
        assertThat(challenger.version()).isEqualTo(2);
        assertThat(challenger.pooling()).isEqualTo("CLS");
        assertThat(challenger.similarity(0, 1)).isGreaterThan(challenger.similarity(0, 2) + 0.2);

        // Truncation is reported, not silent.
        String longResume = "Led the migration of payment services to Kubernetes and mentored engineers. ".repeat(60);
        Prediction truncated = predict("text-embedding", List.of(JAVA_DEV, longResume));
        assertThat(truncated.truncated()).containsExactly(1);
        assertThat(truncated.warnings().getFirst()).contains("exceeded 256 tokens");

        JsonNode champion = served("text-embedding@champion");
        assertThat(champion.get("version").asInt()).isEqualTo(1);
        assertThat(champion.get("predictions").asLong()).isGreaterThanOrEqualTo(3);
        assertThat(champion.at("/latencyMs/p99").isNumber()).isTrue();
        assertThat(http().get("/actuator/health").json().get("status").asString())
                .isEqualTo("UP");
    }

    @Test
    void theClientOtherServicesUseEmbedsThroughTheSameApi() {
        ModelServingApi api = (request) -> JSON.readValue(
                http().post("/api/v1/predict", request, bearer(TOKENS.serviceToken("matching", organization)))
                        .body(),
                Prediction.class);
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            texts.add("candidate summary number " + i);
        }
        Prediction p = new EmbeddingClient(api).embed(texts);
        assertThat(p.embeddings()).hasSize(300);
        assertThat(p.version()).isEqualTo(1);
        assertThat(Prediction.dot(p.embeddings().get(299), p.embeddings().get(299)))
                .isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-4));
    }

    @Test
    void anOperatorsPromotionSwapsTheServedVersionWithoutFailingRequestsInFlight() throws Exception {
        String alias = alias("swap");
        String route = "text-embedding@" + alias;
        registryUpdate(map("action", "PROMOTE", "name", "text-embedding", "version", 1, "alias", alias));

        AtomicBoolean running = new AtomicBoolean(true);
        Map<Integer, Set<Integer>> clientsAnsweredBy = new ConcurrentHashMap<>();
        AtomicInteger failures = new AtomicInteger();
        List<Thread> clients = new ArrayList<>();
        for (int c = 0; c < 3; c++) {
            int client = c;
            clients.add(Thread.ofVirtual().start(() -> {
                for (int i = 0; running.get(); i++) {
                    TestHttp.Response r = http().post(
                                    "/api/v1/predict",
                                    map("model", route, "inputs", List.of("text " + client + "-" + i)),
                                    bearer(recruiter));
                    if (r.status() != 200 || r.json().get("fallback").asBoolean()) {
                        failures.incrementAndGet();
                    } else {
                        clientsAnsweredBy
                                .computeIfAbsent(r.json().get("version").asInt(), v -> ConcurrentHashMap.newKeySet())
                                .add(client);
                    }
                }
            }));
        }
        // Every client is running on version 1 when the alias moves, and goes on until version 2 answers it.
        await().atMost(Duration.ofSeconds(60))
                .until(() -> clientsAnsweredBy.getOrDefault(1, Set.of()).size() == 3);
        registryUpdate(
                map("action", "PROMOTE", "name", "text-embedding", "version", 2, "alias", alias, "reason", "try bge"));
        await().atMost(Duration.ofSeconds(60))
                .until(() -> clientsAnsweredBy.getOrDefault(2, Set.of()).size() == 3);
        running.set(false);
        for (Thread client : clients) {
            client.join();
        }
        assertThat(failures.get()).isZero();
        assertThat(clientsAnsweredBy).containsOnlyKeys(1, 2);

        // A rollback brings version 1 back.
        registryUpdate(map("action", "ROLLBACK", "name", "text-embedding", "alias", alias, "reason", "recall dropped"));
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() ->
                        assertThat(predict(route, List.of(JAVA_DEV)).version()).isEqualTo(1));
        assertThat(served(route).get("version").asInt()).isEqualTo(1);
        assertThat(served("text-embedding@champion").get("version").asInt()).isEqualTo(1);
    }

    @Test
    void aCorruptedArtifactIsRefusedAndTheAliasKeepsItsVersion() throws IOException {
        String alias = alias("canary");
        String route = "text-embedding@" + alias;
        registryUpdate(map("action", "PROMOTE", "name", "text-embedding", "version", 2, "alias", alias));
        assertThat(predict(route, List.of(JAVA_DEV)).version()).isEqualTo(2);
        byte[] model = resource("bge-small-en-v1.5-q.onnx");
        int version = registerDamagedVersion(model);

        registryUpdate(map("action", "PROMOTE", "name", "text-embedding", "version", version, "alias", alias));
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(served(route).get("problem").asString(""))
                        .contains("version " + version + " refused", "SHA-256", Sha256.hex(model)));
        assertThat(served(route).get("version").asInt()).isEqualTo(2);
        assertThat(predict(route, List.of(JAVA_DEV)).version()).isEqualTo(2);
    }

    @Test
    void badRequestsAreRefusedClearly() {
        assertThat(http().post("/api/v1/predict", map("inputs", List.of()), bearer(recruiter))
                        .status())
                .isEqualTo(400);
        List<String> tooMany = java.util.Collections.nCopies(257, "x");
        assertThat(http().post("/api/v1/predict", map("inputs", tooMany), bearer(recruiter))
                        .status())
                .isEqualTo(400);
        assertThat(http().post("/api/v1/predict", map("inputs", List.of("x".repeat(20_001))), bearer(recruiter))
                        .status())
                .isEqualTo(400);
        assertThat(http().post(
                                "/api/v1/predict",
                                map("model", "Not A Model!", "inputs", List.of("x")),
                                bearer(recruiter))
                        .status())
                .isEqualTo(400);
        TestHttp.Response unknown = http().post(
                        "/api/v1/predict", map("model", "no-such-model", "inputs", List.of("x")), bearer(recruiter));
        assertThat(unknown.status()).as(unknown.body()).isEqualTo(404);
        assertThat(http().post(
                                "/api/v1/predict",
                                map("inputs", List.of("x")),
                                bearer(TOKENS.token(UUID.randomUUID(), organization, "CANDIDATE")))
                        .status())
                .isEqualTo(403);
        assertThat(http().post("/api/v1/predict", map("inputs", List.of("x"))).status())
                .isEqualTo(401);
        assertThat(http().post("/api/v1/predict", "[1,2", bearer(recruiter)).status())
                .isEqualTo(400);
    }

    @Test
    void onlyAPlatformOperatorEmptiesTheCacheAndPreloads() {
        // Something in the cache, and a hit on it.
        String text = "Forklift operator, reference " + UUID.randomUUID();
        predict("text-embedding", List.of(text));
        predict("text-embedding", List.of(text));
        // An organisation's admin (or recruiter) neither sees nor changes the platform's cache and models.
        List<String> routesBefore = routes();
        long cached = cacheSize();
        assertThat(cached).isPositive();
        assertThat(http().get("/api/v1/cache", bearer(recruiter)).status()).isEqualTo(403);
        assertThat(http().get("/api/v1/cache", bearer(stranger)).status()).isEqualTo(403);
        TestHttp.Response refused = http().delete("/api/v1/cache?shared=true", bearer(stranger));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().get("type").asString()).endsWith("/forbidden");
        assertThat(http().post("/api/v1/preload", map("model", "text-embedding:2"), bearer(stranger))
                        .status())
                .isEqualTo(403);
        assertThat(cacheSize()).isGreaterThanOrEqualTo(cached); // not emptied
        assertThat(routes()).isEqualTo(routesBefore).doesNotContain("text-embedding:2");

        JsonNode stats = http().get("/api/v1/cache", bearer(operator)).json();
        assertThat(stats.get("size").asLong()).isPositive();
        assertThat(stats.get("hits").asLong()).isPositive();
        assertThat(http().delete("/api/v1/cache", bearer(operator)).status()).isEqualTo(200);
        assertThat(cacheSize()).isZero();

        TestHttp.Response preloaded =
                http().post("/api/v1/preload", map("model", "text-embedding:2"), bearer(operator));
        assertThat(preloaded.status()).as(preloaded.body()).isEqualTo(200);
        assertThat(preloaded.json().get("status").asString()).isEqualTo("READY");
        assertThat(predict("text-embedding:2", List.of(JAVA_DEV)).version()).isEqualTo(2);
        assertThat(http().delete("/api/v1/preload/text-embedding:2", bearer(stranger))
                        .status())
                .isEqualTo(403);
        assertThat(routes()).contains("text-embedding:2");
    }

    @Test
    void whatTheRegistryLacksAddsNoRouteAndAFailedPreloadCanBeRemoved() throws IOException {
        List<String> routesBefore = routes();
        for (String missing : List.of("text-embedding:999", "text-embedding@nobody", "no-such-model:1")) {
            TestHttp.Response refused = http().post("/api/v1/preload", map("model", missing), bearer(operator));
            assertThat(refused.status()).as(refused.body()).isEqualTo(404);
            assertThat(refused.json().get("type").asString()).endsWith("/not-found");
        }
        TestHttp.Response unknownVersion = http().post(
                        "/api/v1/predict",
                        map("model", "text-embedding:999", "inputs", List.of(JAVA_DEV)),
                        bearer(recruiter));
        assertThat(unknownVersion.status()).as(unknownVersion.body()).isEqualTo(404);
        assertThat(routes()).isEqualTo(routesBefore);

        // A version the registry has but that cannot be served (its artifact was damaged): the preload
        // fails, and the route shows why until an operator removes it.
        int damaged = registerDamagedVersion(resource("bge-small-en-v1.5-q.onnx"));
        String route = "text-embedding:" + damaged;
        TestHttp.Response failed = http().post("/api/v1/preload", map("model", route), bearer(operator));
        assertThat(failed.status()).as(failed.body()).isEqualTo(200);
        assertThat(failed.json().get("status").asString()).isEqualTo("FAILED");
        assertThat(failed.json().get("problem").asString()).contains("refused");
        assertThat(routes()).contains(route);

        assertThat(http().delete("/api/v1/preload/" + route, bearer(stranger)).status())
                .isEqualTo(403);
        assertThat(routes()).contains(route);
        assertThat(http().delete("/api/v1/preload/" + route, bearer(operator)).status())
                .isEqualTo(204);
        assertThat(routes()).isEqualTo(routesBefore);
        assertThat(http().delete("/api/v1/preload/" + route, bearer(operator)).status())
                .isEqualTo(404);

        // What the service serves by default stays.
        TestHttp.Response kept = http().delete("/api/v1/preload/text-embedding@champion", bearer(operator));
        assertThat(kept.status()).isEqualTo(409);
        assertThat(kept.json().get("type").asString()).endsWith("/served-route");
        assertThat(routes()).isEqualTo(routesBefore);
    }

    @Test
    void withoutAReachableRegistryTheFallbackAnswersAndSaysSo() throws IOException {
        try (TestServices.Running cutOff = TestServices.start(
                "model-serving",
                App.class,
                TOKENS,
                Map.of(
                        "openhire.clients.services.model-registry.url",
                        "http://127.0.0.1:9",
                        "openhire.model-serving.model-dir",
                        Files.createTempDirectory("openhire-models-empty").toString(),
                        "openhire.model-serving.load-wait",
                        "10s"))) {
            TestHttp other = new TestHttp(cutOff.url());
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> assertThat(other.get("/actuator/health")
                                    .json()
                                    .get("status")
                                    .asString())
                            .isEqualTo("DEGRADED"));
            assertThat(other.get("/actuator/health").status()).isEqualTo(200);
            TestHttp.Response answer =
                    other.post("/api/v1/predict", map("inputs", List.of(JAVA_DEV, UNRELATED)), bearer(recruiter));
            assertThat(answer.status()).isEqualTo(200);
            Prediction p = JSON.readValue(answer.body(), Prediction.class);
            assertThat(p.fallback()).isTrue();
            assertThat(p.version()).isNull();
            assertThat(p.fallbackReason()).contains("registry");
            assertThat(p.embeddings()).hasSize(2);
        }
    }

    static byte[] resource(String name) throws IOException {
        try (InputStream in = ModelServingIT.class.getClassLoader().getResourceAsStream(name)) {
            return in.readAllBytes();
        }
    }
}

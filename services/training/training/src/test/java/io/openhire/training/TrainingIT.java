package io.openhire.training;

import static io.openhire.platform.test.TestHttp.bearer;
import static io.openhire.platform.test.TestHttp.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.openhire.platform.http.ServiceAccount;
import io.openhire.platform.security.PlatformRoles;
import io.openhire.platform.test.TestHttp;
import io.openhire.platform.test.TestHttp.Part;
import io.openhire.platform.test.TestInfrastructure;
import io.openhire.platform.test.TestServices;
import io.openhire.platform.test.TestTokens;
import io.openhire.servicetest.TestServiceAccount;
import io.openhire.servicetest.TestStorage;
import io.openhire.testsupport.RegistryForTrainingTests;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Training for real, with the real model registry and storage (each on its own port and database): an
 * operator imports datasets, a job trains a skill tagger on a few hundred sentences in seconds, is scored on
 * held-out sentences beside the champion, and is registered with its metrics and lineage; a cancelled job
 * registers nothing; a broken file is refused with its line; a job whose worker was lost runs again; and no
 * one but a platform operator reads or changes any of it. The corpus is made here (job-ad sentences with
 * skills from two lists), so the test needs no shared data.
 */
@SpringBootTest(
        classes = TrainingIT.App.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.application.name=training")
class TrainingIT {

    static final TestTokens TOKENS = new TestTokens();
    static TestStorage storage;
    static TestServices.Running registry;

    /** Not a {@code @Configuration}: training's component scan must not pick it up into DataSubjectsIT. */
    @EnableAutoConfiguration
    @Import(TrainingConfiguration.class)
    static class App {
        @Bean
        ServiceAccount serviceAccount() {
            return TestServiceAccount.of("training", TOKENS);
        }
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry properties) throws Exception {
        storage = TestStorage.start(TOKENS);
        RegistryForTrainingTests.tokens = TOKENS;
        registry = TestServices.start(
                "model-registry",
                RegistryForTrainingTests.class,
                TOKENS,
                Map.of(
                        "openhire.clients.services.storage.url",
                        storage.url(),
                        "openhire.model-registry.seed-retry",
                        "1s",
                        "openhire.model-registry.work-dir",
                        Files.createTempDirectory("openhire-registry").toString()));
        TestInfrastructure.register(properties, "training");
        properties.add("openhire.security.jwk-set-uri", TOKENS::jwkSetUri);
        properties.add("openhire.clients.services.model-registry.url", registry::url);
        properties.add("openhire.training.poll", () -> "PT0.2S");
        properties.add("openhire.training.lease", () -> "PT5S");
    }

    @AfterAll
    static void stop() {
        registry.close();
        storage.close();
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    final UUID organization = UUID.randomUUID();
    final String operator = TOKENS.token(UUID.randomUUID(), organization, PlatformRoles.OPERATOR);
    /** Anyone who signs up is the ADMIN of a new organisation. */
    final String admin = TOKENS.token(UUID.randomUUID(), organization, "ADMIN");

    TestHttp http() {
        return new TestHttp("http://localhost:" + port);
    }

    static final List<String> SKILLS = List.of(
            "Java",
            "Python",
            "Kubernetes",
            "SQL",
            "React",
            "Terraform",
            "Go",
            "Kafka",
            "Spark",
            "Docker",
            "project management",
            "stakeholder management",
            "data analysis",
            "machine learning",
            "Excel",
            "negotiation",
            "accounting",
            "TypeScript",
            "Linux",
            "GraphQL");
    static final List<String[]> PATTERNS = List.of(
            new String[] {"Experience", "with", "#", "is", "required", "."},
            new String[] {"You", "know", "#", "and", "#", "well", "."},
            new String[] {"Strong", "#", "skills", "."},
            new String[] {"We", "use", "#", "every", "day", "."},
            new String[] {"Nice", "to", "have", ":", "#", "."},
            new String[] {"You", "will", "join", "a", "friendly", "team", "in", "Berlin", "."});

    /** Job-ad sentences in CoNLL, skills tagged B-/I-Skill; {@code seed} picks the sentences. */
    static String corpus(int sentences, long seed) {
        Random random = new Random(seed);
        StringBuilder conll = new StringBuilder();
        for (int s = 0; s < sentences; s++) {
            for (String word : PATTERNS.get(random.nextInt(PATTERNS.size()))) {
                if (!word.equals("#")) {
                    conll.append(word).append("\tO\n");
                    continue;
                }
                String[] skill = SKILLS.get(random.nextInt(SKILLS.size())).split(" ");
                for (int w = 0; w < skill.length; w++) {
                    conll.append(skill[w]).append(w == 0 ? "\tB-Skill\n" : "\tI-Skill\n");
                }
            }
            conll.append('\n');
        }
        return conll.toString();
    }

    TestHttp.Response importDataset(String token, String name, String format, String content) {
        return http().postMultipart(
                        "/api/v1/train/data",
                        List.of(
                                Part.file(
                                        "file",
                                        name + "." + format.toLowerCase(),
                                        "text/plain",
                                        content.getBytes(StandardCharsets.UTF_8)),
                                Part.field("name", name),
                                Part.field("format", format),
                                Part.field("task", "skill-extraction"),
                                Part.field("licence", "CC0 1.0"),
                                Part.field("source", "made by TrainingIT")),
                        bearer(token));
    }

    UUID dataset(String content) {
        TestHttp.Response imported = importDataset(operator, "job ads " + UUID.randomUUID(), "CONLL", content);
        assertThat(imported.status()).as(imported.body()).isIn(200, 201);
        return UUID.fromString(imported.json().path("id").asString());
    }

    JsonNode job(UUID id) {
        TestHttp.Response job = http().get("/api/v1/train/jobs/" + id, bearer(operator));
        assertThat(job.status()).as(job.body()).isEqualTo(200);
        return job.json();
    }

    JsonNode awaitStatus(UUID id, String status) {
        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    String now = job(id).path("status").asString();
                    assertThat(now)
                            .as("job " + id)
                            .isNotIn(List.of("SUCCEEDED", "FAILED", "CANCELLED").stream()
                                    .filter(s -> !s.equals(status))
                                    .toList());
                    return now.equals(status);
                });
        return job(id);
    }

    @Test
    void anOperatorImportsADatasetTrainsATaggerAndTheRegistryHoldsItWithMetricsAndLineage() {
        // The registry seeds the shipped tagger as version 1, champion, in the background.
        await().atMost(Duration.ofSeconds(60))
                .until(() -> new TestHttp(registry.url())
                        .get("/api/v1/models/skill-extraction", bearer(operator))
                        .body()
                        .contains("\"champion\""));
        String content = corpus(300, organization.getMostSignificantBits());
        TestHttp.Response imported = importDataset(operator, "job ads", "CONLL", content);
        assertThat(imported.status()).as(imported.body()).isEqualTo(201);
        JsonNode dataset = imported.json();
        assertThat(dataset.path("sentences").asInt()).isEqualTo(300);
        assertThat(dataset.path("spans").asInt()).isPositive();
        assertThat(dataset.path("labels").toString()).isEqualTo("[\"Skill\"]");
        assertThat(dataset.path("sha256").asString()).hasSize(64);
        // The same file again is the same dataset.
        TestHttp.Response again = importDataset(operator, "job ads (again)", "CONLL", content);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().path("id").asString())
                .isEqualTo(dataset.path("id").asString());

        TestHttp.Response started = http().post(
                        "/api/v1/train",
                        map(
                                "task",
                                "skill-extraction",
                                "datasetIds",
                                List.of(dataset.path("id").asString()),
                                "params",
                                map("epochs", 3),
                                "description",
                                "a tagger from TrainingIT"),
                        bearer(operator));
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        assertThat(started.json().path("status").asString()).isEqualTo("QUEUED");
        UUID id = UUID.fromString(started.json().path("id").asString());

        JsonNode done = awaitStatus(id, "SUCCEEDED");
        assertThat(done.path("progress")).hasSize(3);
        assertThat(done.path("progress").get(2).path("devF1").asDouble()).isGreaterThan(0.8);
        JsonNode evaluation = done.path("evaluation");
        assertThat(evaluation.path("devSentences").asInt()).isEqualTo(30);
        assertThat(evaluation.path("trainSentences").asInt()).isEqualTo(270);
        double f1 = evaluation.path("all").path("f1").asDouble();
        assertThat(f1).isGreaterThan(0.8);
        assertThat(evaluation.path("byLabel").path("Skill").path("f1").asDouble())
                .isEqualTo(f1);
        // The shipped champion, scored on the same held-out sentences (it never trained on these: all compared).
        int champion = new TestHttp(registry.url())
                .get("/api/v1/models/skill-extraction", bearer(operator))
                .json()
                .path("aliases")
                .path("champion")
                .path("version")
                .asInt();
        JsonNode comparison = done.path("comparison");
        assertThat(comparison.path("championVersion").asInt()).isEqualTo(champion);
        assertThat(comparison.path("compared").asInt()).isEqualTo(30);
        assertThat(comparison.path("championTrainedOn").asInt()).isZero();
        assertThat(comparison.path("championDataKnown").asBoolean()).isTrue();
        assertThat(comparison.path("version").path("f1").asDouble()).isEqualTo(f1);
        assertThat(comparison.path("champion").path("f1").asDouble()).isBetween(0.0, 1.0);
        assertThat(done.path("log").toString()).contains("epoch 3/3", "registered as version");

        int version = done.path("modelVersion").asInt();
        TestHttp.Response registered = new TestHttp(registry.url())
                .get("/api/v1/models/skill-extraction/versions/" + version, bearer(operator));
        assertThat(registered.status()).as(registered.body()).isEqualTo(200);
        JsonNode v = registered.json();
        assertThat(v.path("status").asString()).isEqualTo("READY");
        assertThat(v.path("metrics").path("span-f1").asDouble()).isEqualTo(f1);
        assertThat(v.path("metrics").has("span-precision")).isTrue();
        // The shipped champion's training data is known (its fingerprints ship with it): the difference is registered.
        assertThat(v.path("metrics").path("span-f1-vs-champion").asDouble())
                .isCloseTo(
                        f1 - comparison.path("champion").path("f1").asDouble(),
                        org.assertj.core.data.Offset.offset(1e-3));
        assertThat(done.path("log").toString())
                .contains("beside champion version", "held-out sentences it never trained on");
        assertThat(v.path("lineage").path("trainingRun").asString()).isEqualTo(id.toString());
        assertThat(v.path("lineage").path("datasetSha256").asString())
                .isEqualTo(dataset.path("sha256").asString());
        assertThat(v.path("lineage").path("parentVersion").asInt()).isEqualTo(champion);
        assertThat(v.path("tagger").path("features").asString()).isEqualTo("skill-words-v1");
        assertThat(v.path("tags").path("params").asString()).contains("epochs=3", "seed=42");
        assertThat(v.path("description").asString()).isEqualTo("a tagger from TrainingIT");

        // An operator can promote it (to an alias of this scenario's own: the champion is shared).
        String alias = "trial-" + Long.toHexString(organization.getLeastSignificantBits() & 0xffffffL);
        TestHttp.Response promoted = new TestHttp(registry.url())
                .post(
                        "/api/v1/models/update",
                        map("action", "PROMOTE", "name", "skill-extraction", "version", version, "alias", alias),
                        bearer(operator));
        assertThat(promoted.status()).as(promoted.body()).isEqualTo(200);
    }

    @Test
    void onAnEvaluationDatasetTheRegistryKeepsHowMuchBetterThanTheChampionTheVersionDid() {
        UUID train = dataset(corpus(200, 21));
        UUID dev = dataset(corpus(60, 23));
        TestHttp.Response started = http().post(
                        "/api/v1/train",
                        map(
                                "task",
                                "skill-extraction",
                                "datasetIds",
                                List.of(train),
                                "devDatasetIds",
                                List.of(dev),
                                "params",
                                map("epochs", 2)),
                        bearer(operator));
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        JsonNode done = awaitStatus(UUID.fromString(started.json().path("id").asString()), "SUCCEEDED");
        assertThat(done.path("evaluation").path("devSentences").asInt()).isEqualTo(60);
        assertThat(done.path("evaluation").path("trainSentences").asInt()).isEqualTo(200);
        double gain = done.path("comparison").path("version").path("f1").asDouble()
                - done.path("comparison").path("champion").path("f1").asDouble();
        JsonNode v = new TestHttp(registry.url())
                .get(
                        "/api/v1/models/skill-extraction/versions/"
                                + done.path("modelVersion").asInt(),
                        bearer(operator))
                .json();
        assertThat(v.path("metrics").path("span-f1-vs-champion").asDouble())
                .isCloseTo(gain, org.assertj.core.data.Offset.offset(1e-3));
        assertThat(v.path("tags").path("evaluated-on").asString()).contains("60 sentences");
    }

    /** Annotated resumes (the dotin-inc format) zipped, one per entry; {@code seed} picks the people and jobs. */
    static byte[] annotatedResumes(int count, long seed) throws java.io.IOException {
        Random random = new Random(seed);
        List<String> names = List.of("Asha Rao", "Tom Berg", "Lena Vogt", "Ravi Nair", "Mia Jones", "Omar Haddad");
        List<String> titles = List.of("Software Engineer", "Data Analyst", "Project Manager", "Nurse", "Accountant");
        List<String> employers = List.of("Acme Ltd", "Initech GmbH", "Globex Inc", "Umbrella Pvt Ltd", "Hooli");
        List<String> cities = List.of("Pune, India", "Berlin, Germany", "Austin, Texas", "Leeds, UK");
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(bytes)) {
            for (int i = 0; i < count; i++) {
                String xml = """
                        <cv><label type="Name">%s</label>
                        <label type="Location">%s</label>

                        EXPERIENCE
                        <label type="Designation">%s</label> at <label type="Companies worked at">%s</label>
                        2019 - 2022

                        EDUCATION
                        <label type="Degree">B.Sc. in Computer Science</label>, <label type="College Name">University of Pune</label>, <label type="Graduation Year">201%d</label>
                        </cv>
                        """.formatted(
                                names.get(random.nextInt(names.size())),
                                cities.get(random.nextInt(cities.size())),
                                titles.get(random.nextInt(titles.size())),
                                employers.get(random.nextInt(employers.size())),
                                random.nextInt(10));
                zip.putNextEntry(new java.util.zip.ZipEntry("resumes/cv" + i + ".xml"));
                zip.write(xml.getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    TestHttp.Response importResumes(String name, String fileName, byte[] content) {
        return http().postMultipart(
                        "/api/v1/train/data",
                        List.of(
                                Part.file("file", fileName, "application/zip", content),
                                Part.field("name", name),
                                Part.field("format", "ANNOTATED_XML"),
                                Part.field("task", "resume-fields"),
                                Part.field("licence", "CC0 1.0")),
                        bearer(operator));
    }

    @Test
    void anOperatorTrainsTheResumeTaggerFromAnnotatedResumes() throws Exception {
        TestHttp.Response imported = importResumes("resumes " + organization, "resumes.zip", annotatedResumes(60, 5));
        assertThat(imported.status()).as(imported.body()).isEqualTo(201);
        assertThat(imported.json().path("sentences").asInt()).isEqualTo(60);
        assertThat(imported.json().path("labels").toString()).contains("TITLE", "EMPLOYER", "DEGREE", "NAME");
        // A resume whose label is not closed is refused with its entry and line; a CoNLL file does not teach this task.
        TestHttp.Response broken = importResumes(
                "broken",
                "cv.xml",
                "<cv>Asha Rao\nEXPERIENCE\n<label type=\"Designation\">Nurse at Hooli\n</cv>"
                        .getBytes(StandardCharsets.UTF_8));
        assertThat(broken.status()).as(broken.body()).isEqualTo(400);
        assertThat(broken.json().path("line").asInt()).isEqualTo(3);
        TestHttp.Response wrongFormat = http().postMultipart(
                        "/api/v1/train/data",
                        List.of(
                                Part.file(
                                        "file",
                                        "a.conll",
                                        "text/plain",
                                        corpus(20, 3).getBytes(StandardCharsets.UTF_8)),
                                Part.field("name", "wrong"),
                                Part.field("format", "CONLL"),
                                Part.field("task", "resume-fields"),
                                Part.field("licence", "CC0 1.0")),
                        bearer(operator));
        assertThat(wrongFormat.status()).isEqualTo(400);
        assertThat(wrongFormat.body()).contains("does not teach resume-fields");

        TestHttp.Response started = http().post(
                        "/api/v1/train",
                        map(
                                "task",
                                "resume-fields",
                                "datasetIds",
                                List.of(imported.json().path("id").asString()),
                                "params",
                                map("epochs", 2, "devFraction", 0.2)),
                        bearer(operator));
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        JsonNode done = awaitStatus(UUID.fromString(started.json().path("id").asString()), "SUCCEEDED");
        assertThat(done.path("evaluation").path("devSentences").asInt()).isEqualTo(12);
        assertThat(done.path("evaluation").path("byLabel").has("TITLE")).isTrue();
        assertThat(done.path("log").toString()).contains("training on 48 resumes");
        JsonNode v = new TestHttp(registry.url())
                .get(
                        "/api/v1/models/resume-fields/versions/"
                                + done.path("modelVersion").asInt(),
                        bearer(operator))
                .json();
        assertThat(v.path("tagger").path("features").asString()).isEqualTo("resume-words-v1");
        assertThat(v.path("tagger").path("featureBits").asInt()).isEqualTo(18);
    }

    @Test
    void aCancelledJobRegistersNothing() {
        UUID dataset = dataset(corpus(1500, organization.getLeastSignificantBits()));
        TestHttp.Response started = http().post(
                        "/api/v1/train",
                        map("task", "skill-extraction", "datasetIds", List.of(dataset), "params", map("epochs", 50)),
                        bearer(operator));
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        UUID id = UUID.fromString(started.json().path("id").asString());
        await().atMost(Duration.ofSeconds(60)).until(() -> job(id).path("epoch").asInt() >= 1);

        TestHttp.Response cancelled = http().post("/api/v1/train/jobs/" + id + "/cancel", map(), bearer(operator));
        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(202);
        JsonNode job = awaitStatus(id, "CANCELLED");
        assertThat(job.path("modelVersion").isNull()).isTrue();
        assertThat(job.path("log").toString()).contains("nothing registered");
        TestHttp.Response model = new TestHttp(registry.url()).get("/api/v1/models/skill-extraction", bearer(operator));
        assertThat(model.body()).doesNotContain(id.toString());
        // Once it ended, it cannot be cancelled again.
        TestHttp.Response twice = http().post("/api/v1/train/jobs/" + id + "/cancel", map(), bearer(operator));
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.body()).contains("job-finished");
    }

    @Test
    void aJobWhoseWorkerWasLostRunsAgainAndOneLostTooOftenFails() {
        UUID dataset = dataset(corpus(120, 7));
        // As a crash leaves them: RUNNING, the lease run out, no worker.
        UUID lost = UUID.randomUUID();
        UUID lostAgain = UUID.randomUUID();
        for (UUID id : List.of(lost, lostAgain)) {
            jdbc.sql("""
                            INSERT INTO training_job (id, organization_id, task, model_name, dataset_ids, dev_dataset_ids,
                                params, status, epoch, attempts, lease_until, created_by, created_at, started_at)
                            VALUES (:id, :org, 'skill-extraction', 'skill-extraction', :datasets, '{}',
                                CAST(:params AS jsonb), 'RUNNING', 2, :attempts, now() - interval '1 minute',
                                'user:test', now(), now())
                            """)
                    .param("id", id)
                    .param("org", organization)
                    .param("datasets", new UUID[] {dataset})
                    .param(
                            "params",
                            "{\"epochs\":2,\"learningRate\":0.1,\"l2\":1.0E-5,\"seed\":42,\"devFraction\":0.1}")
                    .param("attempts", id.equals(lost) ? 1 : 3)
                    .update();
        }
        JsonNode resumed = awaitStatus(lost, "SUCCEEDED");
        assertThat(resumed.path("attempts").asInt()).isEqualTo(2);
        assertThat(resumed.path("progress")).hasSize(2);
        assertThat(resumed.path("log").toString()).contains("started again (attempt 2)");
        JsonNode failed = awaitStatus(lostAgain, "FAILED");
        assertThat(failed.path("error").asString()).contains("lost 3 times");
    }

    @Test
    void aBrokenFileIsRefusedWithItsLineAndNothingIsStored() {
        int before = http().get("/api/v1/train/data", bearer(operator)).json().size();
        String broken = "Experience\tO\nwith\tO\nJava\tB-Skill\n\nStrong\tO\nPython\n";
        TestHttp.Response refused = importDataset(operator, "broken", "CONLL", broken);
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.json().path("type").asString()).endsWith("/invalid-dataset");
        assertThat(refused.json().path("line").asInt()).isEqualTo(6);
        assertThat(refused.json().path("detail").asString()).contains("line 6");

        TestHttp.Response badJson = importDataset(
                operator,
                "broken",
                "JSONL",
                "{\"text\": \"Java and SQL\", \"spans\": [{\"start\": 0, \"end\": 4, \"label\": \"Skill\"}]}\n"
                        + "{\"text\": \"Go\", \"spans\": [{\"start\": 0, \"end\": 9, \"label\": \"Skill\"}]}\n");
        assertThat(badJson.status()).as(badJson.body()).isEqualTo(400);
        assertThat(badJson.json().path("line").asInt()).isEqualTo(2);
        assertThat(importDataset(operator, "nothing to learn", "CONLL", "We\tO\nhire\tO\n")
                        .status())
                .isEqualTo(400);
        assertThat(importDataset(operator, "unknown format", "XLSX", "a").status())
                .isEqualTo(400);
        assertThat(http().get("/api/v1/train/data", bearer(operator)).json().size())
                .isEqualTo(before);

        // JSONL spans become the words they cover.
        TestHttp.Response jsonl = importDataset(
                operator,
                "spans " + organization,
                "JSONL",
                "{\"text\": \"Experience with Apache Kafka, please.\", \"spans\": [{\"start\": 16, \"end\": 28, \"label\": \"Skill\"}]}\n");
        assertThat(jsonl.status()).as(jsonl.body()).isEqualTo(201);
        assertThat(jsonl.json().path("spans").asInt()).isEqualTo(1);
    }

    @Test
    void badRequestsAreRefusedAndChangeNothing() {
        UUID dataset = dataset(corpus(40, 11));
        int before = http().get("/api/v1/train/jobs", bearer(operator)).json().size();
        assertThat(http().post(
                                "/api/v1/train",
                                map("task", "resume-fields", "datasetIds", List.of(dataset)),
                                bearer(operator))
                        .status())
                .isEqualTo(400);
        assertThat(http().post(
                                "/api/v1/train",
                                map("task", "skill-extraction", "datasetIds", List.of()),
                                bearer(operator))
                        .status())
                .isEqualTo(400);
        TestHttp.Response unknown = http().post(
                        "/api/v1/train",
                        map("task", "skill-extraction", "datasetIds", List.of(UUID.randomUUID())),
                        bearer(operator));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body()).contains("does not exist");
        assertThat(http().post(
                                "/api/v1/train",
                                map(
                                        "task",
                                        "skill-extraction",
                                        "datasetIds",
                                        List.of(dataset),
                                        "params",
                                        map("epochs", 0)),
                                bearer(operator))
                        .status())
                .isEqualTo(400);
        assertThat(http().post(
                                "/api/v1/train",
                                map(
                                        "task",
                                        "skill-extraction",
                                        "datasetIds",
                                        List.of(dataset),
                                        "devDatasetIds",
                                        List.of(dataset)),
                                bearer(operator))
                        .status())
                .isEqualTo(400);
        assertThat(http().postRaw(
                                "/api/v1/train",
                                "application/json",
                                "{not json".getBytes(StandardCharsets.UTF_8),
                                bearer(operator))
                        .status())
                .isEqualTo(400);
        assertThat(http().get("/api/v1/train/jobs/" + UUID.randomUUID(), bearer(operator))
                        .status())
                .isEqualTo(404);
        assertThat(http().get("/api/v1/train/jobs", bearer(operator)).json().size())
                .isEqualTo(before);
    }

    @Test
    void onlyAPlatformOperatorReadsOrChangesTrainingData() {
        UUID dataset = dataset(corpus(40, 13));
        assertThat(http().get("/api/v1/train/data").status()).isEqualTo(401);
        assertThat(http().get("/api/v1/train/data", bearer(admin)).status()).isEqualTo(403);
        assertThat(importDataset(admin, "mine", "CONLL", corpus(40, 17)).status())
                .isEqualTo(403);
        // Told 403 before anything about the request's shape (every part sent as a file, as some clients do).
        List<Part> filesOnly = List.of(
                Part.file("name", "name.txt", "text/plain", "files only".getBytes(StandardCharsets.UTF_8)),
                Part.file("file", "a.conll", "text/plain", "not a dataset".getBytes(StandardCharsets.UTF_8)));
        assertThat(http().postMultipart("/api/v1/train/data", filesOnly, bearer(admin))
                        .status())
                .isEqualTo(403);
        TestHttp.Response operatorFilesOnly = http().postMultipart("/api/v1/train/data", filesOnly, bearer(operator));
        assertThat(operatorFilesOnly.status()).as(operatorFilesOnly.body()).isEqualTo(400);
        assertThat(http().post(
                                "/api/v1/train",
                                map("task", "skill-extraction", "datasetIds", List.of(dataset)),
                                bearer(admin))
                        .status())
                .isEqualTo(403);
        assertThat(http().get("/api/v1/train/jobs", bearer(admin)).status()).isEqualTo(403);
        String recruiter = TOKENS.token(UUID.randomUUID(), organization, "RECRUITER");
        assertThat(http().get("/api/v1/train/jobs", bearer(recruiter)).status()).isEqualTo(403);
    }
}

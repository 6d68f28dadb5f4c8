package io.openhire.matching;

import static io.openhire.platform.test.TestHttp.bearer;
import static io.openhire.platform.test.TestHttp.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.openhire.jobingestion.events.JobIngested;
import io.openhire.jobprocessing.events.JobOptimized;
import io.openhire.matching.events.CandidateRevealed;
import io.openhire.matching.events.MatchFeedbackRecorded;
import io.openhire.matchingtest.Neighbours;
import io.openhire.platform.crypto.Sha256;
import io.openhire.platform.events.EventHeaders;
import io.openhire.platform.http.ServiceAccount;
import io.openhire.platform.security.PlatformRoles;
import io.openhire.platform.test.TestDocuments;
import io.openhire.platform.test.TestHttp;
import io.openhire.platform.test.TestHttp.Part;
import io.openhire.platform.test.TestKafka;
import io.openhire.platform.test.TestPostgres;
import io.openhire.platform.test.TestTokens;
import io.openhire.resumeingestion.events.ResumeDeleted;
import io.openhire.resumeingestion.events.ResumeReceived;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * matching with its real neighbours (storage, model-registry with the shipped models, model-serving,
 * resume-processing): resumes go in as documents and jobs as the events job-processing publishes; what a
 * recruiter sees comes out of the HTTP API.
 */
@SpringBootTest(
        classes = MatchingIT.App.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.application.name=matching")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MatchingIT {

    static final TestTokens TOKENS = new TestTokens();
    static final JsonMapper JSON = JsonMapper.builder().build();
    static Neighbours neighbours;

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(MatchingConfiguration.class)
    static class App {
        @Bean
        ServiceAccount serviceAccount() {
            return Neighbours.serviceAccount("matching", TOKENS);
        }
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry properties) throws Exception {
        neighbours = Neighbours.start(TOKENS);
        String indexDir = Files.createTempDirectory("openhire-matching").toString();
        String database = TestPostgres.newDatabase("matching");
        properties.add("spring.datasource.url", () -> database);
        properties.add("spring.datasource.username", () -> "postgres");
        properties.add("spring.kafka.bootstrap-servers", TestKafka::bootstrapServers);
        properties.add("openhire.security.issuer", () -> TestTokens.ISSUER);
        properties.add("openhire.security.jwk-set-uri", TOKENS::jwkSetUri);
        properties.add("openhire.clients.services.resume-processing.url", neighbours.resumeProcessing::url);
        properties.add("openhire.clients.services.model-serving.url", neighbours.serving::url);
        properties.add("openhire.clients.services.model-registry.url", neighbours.registry::url);
        properties.add("openhire.matching.index-dir", () -> indexDir);
        properties.add("openhire.matching.model-check-interval", () -> "2s");
    }

    @AfterAll
    static void stop() {
        neighbours.close();
    }

    @LocalServerPort
    int port;

    static final UUID ORG = UUID.randomUUID();
    static final UUID OTHER_ORG = UUID.randomUUID();
    static final UUID BACKEND_JOB = UUID.randomUUID();
    static final UUID NURSE_JOB = UUID.randomUUID();
    static final UUID CLOSED_JOB = UUID.randomUUID();
    static final UUID OTHER_JOB = UUID.randomUUID();
    static final String ADMIN = TOKENS.token(UUID.randomUUID(), ORG, "ADMIN");
    static final String RECRUITER = TOKENS.token(UUID.randomUUID(), ORG, "RECRUITER");
    static final String OTHER_RECRUITER = TOKENS.token(UUID.randomUUID(), OTHER_ORG, "RECRUITER");
    /** Runs the platform: rebuilds the index every organisation shares, moves the registry's aliases. */
    static final String OPERATOR = TOKENS.token(UUID.randomUUID(), ORG, PlatformRoles.OPERATOR);

    static UUID priya;
    static UUID tom;
    static UUID maria;
    static UUID otherOrgsTom;

    TestHttp http() {
        return new TestHttp("http://localhost:" + port);
    }

    JsonNode matches(String query, String token) {
        TestHttp.Response response = http().get("/api/v1/matches?" + query, bearer(token));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    static List<String> names(JsonNode list) {
        List<String> names = new ArrayList<>();
        list.path("matches")
                .forEach(m -> names.add(m.path("candidate").path("displayName").asString()));
        return names;
    }

    static JsonNode line(JsonNode list, String name) {
        for (JsonNode m : list.path("matches")) {
            if (name.equals(m.path("candidate").path("name").asString(""))) {
                return m;
            }
        }
        throw new AssertionError(name + " is not in " + list);
    }

    @Test
    @Order(1)
    void ranksTheOrganisationsCandidatesForAJobAndExplainsEachScore() {
        priya = receive(ORG, TestDocuments.pdf(MatchingTestData.priya()));
        tom = receive(ORG, TestDocuments.docx(MatchingTestData.tom()));
        maria = receive(ORG, TestDocuments.pdf(MatchingTestData.maria()));
        publish(JobIngested.TOPIC, BACKEND_JOB, MatchingTestData.backendPosting(BACKEND_JOB, ORG, 1, "OPEN"));
        publish(JobOptimized.TOPIC, BACKEND_JOB, MatchingTestData.backendJob(BACKEND_JOB, ORG, 1, "OPEN"));
        publish(JobOptimized.TOPIC, NURSE_JOB, MatchingTestData.nurseJob(NURSE_JOB, ORG));

        await().atMost(Duration.ofSeconds(180)).untilAsserted(() -> {
            JsonNode list = matches("jobId=" + BACKEND_JOB, RECRUITER);
            assertThat(list.path("matches")).hasSize(3);
            assertThat(list.path("models").path("embedding").path("version").asInt())
                    .isEqualTo(1);
            assertThat(list.path("models").path("ranker").path("version").asInt())
                    .isEqualTo(1);
        });
        JsonNode list = matches("jobId=" + BACKEND_JOB + "&limit=10", RECRUITER);
        assertThat(names(list)).containsExactly("Priya Raman", "Tom Becker", "Maria Gonzalez");
        assertThat(list.path("direction").asString()).isEqualTo("JOB_TO_CANDIDATES");
        assertThat(list.path("runId").asString()).isNotBlank();
        assertThat(list.path("indexed").asInt()).isEqualTo(3);

        JsonNode best = list.path("matches").get(0);
        assertThat(best.path("resumeId").asString()).isEqualTo(priya.toString());
        assertThat(best.path("score").asDouble()).isGreaterThan(70);
        JsonNode breakdown = best.path("breakdown");
        assertThat(breakdown.path("requiredSkills").path("score").asDouble()).isEqualTo(1.0);
        assertThat(breakdown.path("requiredSkills").path("detail").asString()).isEqualTo("4 of 4 required skills");
        assertThat(breakdown.path("niceToHaveSkills").path("score").asDouble()).isEqualTo(1.0);
        assertThat(breakdown.path("title").path("score").asDouble()).isEqualTo(1.0);
        assertThat(breakdown.path("experience").path("score").asDouble()).isGreaterThan(0.9);
        assertThat(breakdown.path("location").path("score").asDouble()).isEqualTo(1.0);
        assertThat(breakdown.path("semantic").path("score").isNumber()).isTrue();
        assertThat(breakdown.path("salary").path("score").isNull()).isTrue();
        assertThat(breakdown.path("salary").path("detail").asString()).contains("expected salary is not known");
        assertThat(best.path("missingRequiredSkills")).isEmpty();
        List<String> evidence = new ArrayList<>();
        best.path("evidence")
                .forEach(e -> evidence.add(
                        e.path("skill").asString() + ": " + e.path("line").asString()));
        assertThat(evidence).anySatisfy(e -> assertThat(e).contains("Kafka", "event-driven order flows"));
        assertThat(evidence).noneSatisfy(e -> assertThat(e).containsAnyOf("@", "+49", "Priya", "Raman"));

        JsonNode nurse = list.path("matches").get(2);
        assertThat(nurse.path("missingRequiredSkills")).hasSize(4);
        assertThat(nurse.path("breakdown").path("location").path("score").asDouble())
                .isEqualTo(0.0);
        assertThat(nurse.path("score").asDouble()).isLessThan(best.path("score").asDouble() / 2);
        assertThat(names(matches("jobId=" + NURSE_JOB, RECRUITER)).getFirst()).isEqualTo("Maria Gonzalez");
        JsonNode nurseLine =
                matches("jobId=" + NURSE_JOB, RECRUITER).path("matches").get(0);
        assertThat(nurseLine.path("matchedRequiredSkills").toString()).contains("patient care");
        assertThat(nurseLine.path("breakdown").path("location").path("score").asDouble())
                .isEqualTo(1.0);
    }

    @Test
    @Order(2)
    void resumesOfOnePersonAreOneCandidate() {
        UUID older = receive(ORG, TestDocuments.pdf(MatchingTestData.priyaOlder()));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode priyaLine = line(matches("jobId=" + BACKEND_JOB, RECRUITER), "Priya Raman");
            assertThat(priyaLine.path("resumeIds").toString()).contains(priya.toString(), older.toString());
        });
        JsonNode list = matches("jobId=" + BACKEND_JOB, RECRUITER);
        assertThat(names(list)).as(list.toString()).containsExactly("Priya Raman", "Tom Becker", "Maria Gonzalez");
        // The line rests on the better resume.
        assertThat(line(list, "Priya Raman").path("resumeId").asString()).isEqualTo(priya.toString());
    }

    @Test
    @Order(3)
    void ranksOpenJobsForACandidate() {
        publish(JobOptimized.TOPIC, CLOSED_JOB, MatchingTestData.backendJob(CLOSED_JOB, ORG, 1, "CLOSED"));
        UUID candidate = UUID.fromString(line(matches("jobId=" + BACKEND_JOB, RECRUITER), "Priya Raman")
                .path("candidateId")
                .asString());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode jobs = matches("candidateId=" + candidate, RECRUITER);
            assertThat(jobs.path("direction").asString()).isEqualTo("CANDIDATE_TO_JOBS");
            assertThat(jobs.path("indexed").asInt()).isEqualTo(3);
            List<String> ids = new ArrayList<>();
            jobs.path("matches").forEach(m -> ids.add(m.path("jobId").asString()));
            assertThat(ids).containsExactly(BACKEND_JOB.toString(), NURSE_JOB.toString());
            assertThat(jobs.path("matches").get(0).path("job").path("title").asString())
                    .isEqualTo("Senior Backend Engineer");
        });
        JsonNode forResume = matches("resumeId=" + priya, RECRUITER);
        assertThat(forResume.path("candidateId").asString()).isEqualTo(candidate.toString());
        assertThat(forResume.path("matches").get(0).path("jobId").asString()).isEqualTo(BACKEND_JOB.toString());
    }

    @Test
    @Order(4)
    void anotherOrganisationNeitherSeesNorMixesIn() {
        otherOrgsTom = receive(OTHER_ORG, TestDocuments.pdf(MatchingTestData.tom()));
        publish(JobOptimized.TOPIC, OTHER_JOB, MatchingTestData.backendJob(OTHER_JOB, OTHER_ORG, 1, "OPEN"));
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(
                                matches("jobId=" + OTHER_JOB, OTHER_RECRUITER).path("matches"))
                        .hasSize(1));
        JsonNode theirs = matches("jobId=" + OTHER_JOB, OTHER_RECRUITER);
        assertThat(theirs.path("matches").get(0).path("resumeId").asString()).isEqualTo(otherOrgsTom.toString());
        assertThat(theirs.toString()).doesNotContain(priya.toString(), maria.toString(), tom.toString());

        assertThat(http().get("/api/v1/matches?jobId=" + BACKEND_JOB, bearer(OTHER_RECRUITER))
                        .status())
                .isEqualTo(404);
        assertThat(http().post(
                                "/api/v1/matches/feedback",
                                map("jobId", BACKEND_JOB, "candidateId", priya, "outcome", "REJECTED"),
                                bearer(OTHER_RECRUITER))
                        .status())
                .isEqualTo(404);
        assertThat(http().post(
                                "/api/v1/matches/reveal",
                                map("jobId", OTHER_JOB, "candidateId", priya),
                                bearer(OTHER_RECRUITER))
                        .status())
                .isEqualTo(404);
    }

    @Test
    @Order(5)
    void aRecruiterWeightsCategoriesPerJobAndTheRankingFollows() {
        String path = "/api/v1/matches/jobs/" + BACKEND_JOB + "/settings";
        TestHttp.Response bad = put(path, map("weights", map("charm", 1.0)), RECRUITER);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(put(path, map("weights", map("title", -1.0)), RECRUITER).status())
                .isEqualTo(400);
        assertThat(http().get(path, bearer(RECRUITER))
                        .json()
                        .path("weightsFrom")
                        .asString())
                .isEqualTo("MODEL");

        // Only location counts: Tom (London) and Maria (Austin) tie at 0, Priya (Berlin) stays first.
        TestHttp.Response set = put(
                path,
                map(
                        "weights",
                        map(
                                "requiredSkills",
                                0.0,
                                "niceToHaveSkills",
                                0.0,
                                "title",
                                0.0,
                                "semantic",
                                0.0,
                                "experience",
                                0.0,
                                "location",
                                1.0,
                                "salary",
                                0.0)),
                RECRUITER);
        assertThat(set.status()).as(set.body()).isEqualTo(200);
        assertThat(set.json().path("weightsFrom").asString()).isEqualTo("JOB");
        JsonNode list = matches("jobId=" + BACKEND_JOB, RECRUITER);
        assertThat(list.path("weightsFrom").asString()).isEqualTo("JOB");
        for (JsonNode m : list.path("matches")) {
            double location = m.path("breakdown").path("location").path("score").asDouble();
            assertThat(m.path("score").asDouble()).isEqualTo(Math.round(location * 1000) / 10.0);
        }
        // Only semantic similarity: the ranking is the embedding's.
        put(
                path,
                map(
                        "weights",
                        map(
                                "requiredSkills",
                                0.0,
                                "niceToHaveSkills",
                                0.0,
                                "title",
                                0.0,
                                "semantic",
                                1.0,
                                "experience",
                                0.0,
                                "location",
                                0.0,
                                "salary",
                                0.0)),
                RECRUITER);
        JsonNode semantic = matches("jobId=" + BACKEND_JOB, RECRUITER);
        double previous = Double.MAX_VALUE;
        for (JsonNode m : semantic.path("matches")) {
            double score = m.path("breakdown").path("semantic").path("score").asDouble();
            assertThat(score).isLessThanOrEqualTo(previous);
            previous = score;
        }
        put(path, map("weights", null), RECRUITER);
        assertThat(matches("jobId=" + BACKEND_JOB, RECRUITER)
                        .path("weightsFrom")
                        .asString())
                .isEqualTo("MODEL");
    }

    @Test
    @Order(6)
    void blindModeHidesIdentityUntilARecruiterRevealsACandidate() {
        assertThat(put("/api/v1/matches/settings", map("blind", true), RECRUITER)
                        .status())
                .isEqualTo(403);
        assertThat(put("/api/v1/matches/settings", map("blind", true), ADMIN).status())
                .isEqualTo(200);
        TestHttp.Response blind = http().get("/api/v1/matches?jobId=" + BACKEND_JOB, bearer(RECRUITER));
        assertThat(blind.json().path("blind").asBoolean()).isTrue();
        assertThat(blind.body()).doesNotContain("Priya", "Raman", "Becker", "Gonzalez", "@example.test");
        JsonNode first = blind.json().path("matches").get(0);
        assertThat(first.path("candidate").path("displayName").asString()).startsWith("Candidate ");
        assertThat(first.path("candidate").path("name").isNull()).isTrue();
        String candidateId = first.path("candidateId").asString();

        TestHttp.Response revealed = http().post(
                        "/api/v1/matches/reveal",
                        map("jobId", BACKEND_JOB, "candidateId", candidateId),
                        bearer(RECRUITER));
        assertThat(revealed.status()).as(revealed.body()).isEqualTo(200);
        assertThat(revealed.json().path("name").asString()).isEqualTo("Priya Raman");
        assertThat(revealed.json().path("emails").toString()).contains("priya.raman@example.test");
        assertThat(TestKafka.read(
                        CandidateRevealed.TOPIC,
                        r -> r.value().contains(candidateId) && r.value().contains(ORG.toString()),
                        1))
                .hasSize(1);
        JsonNode after = matches("jobId=" + BACKEND_JOB, RECRUITER);
        assertThat(line(after, "Priya Raman").path("candidate").path("revealed").asBoolean())
                .isTrue();
        assertThat(after.toString()).doesNotContain("Becker", "Gonzalez");
        // Revealed for this job only.
        assertThat(matches("jobId=" + NURSE_JOB, RECRUITER).toString()).doesNotContain("Priya");

        // A job may be open while the organisation is blind.
        put("/api/v1/matches/jobs/" + NURSE_JOB + "/settings", map("blind", false), RECRUITER);
        assertThat(matches("jobId=" + NURSE_JOB, RECRUITER).toString()).contains("Maria Gonzalez");
        put("/api/v1/matches/jobs/" + NURSE_JOB + "/settings", map("blind", null), RECRUITER);
        assertThat(put("/api/v1/matches/settings", map("blind", false), ADMIN).status())
                .isEqualTo(200);
    }

    @Test
    @Order(7)
    void feedbackIsStoredWithWhatTheRecruiterSawAndAnnounced() {
        JsonNode list = matches("jobId=" + BACKEND_JOB, RECRUITER);
        JsonNode priyaLine = line(list, "Priya Raman");
        String candidateId = priyaLine.path("candidateId").asString();
        TestHttp.Response recorded = http().post(
                        "/api/v1/matches/feedback",
                        map(
                                "jobId",
                                BACKEND_JOB,
                                "candidateId",
                                candidateId,
                                "outcome",
                                "SHORTLISTED",
                                "reason",
                                "strong Kafka experience"),
                        bearer(RECRUITER));
        assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
        JsonNode feedback = recorded.json();
        assertThat(feedback.path("runId").asString())
                .isEqualTo(list.path("runId").asString());
        assertThat(feedback.path("rank").asInt()).isEqualTo(1);
        assertThat(feedback.path("score").asDouble())
                .isEqualTo(priyaLine.path("score").asDouble());
        assertThat(feedback.path("features").path("requiredSkills").asDouble()).isEqualTo(1.0);
        assertThat(feedback.path("rankerVersion").asInt()).isEqualTo(1);
        assertThat(feedback.path("embeddingVersion").asInt()).isEqualTo(1);
        String feedbackId = feedback.path("id").asString();
        var events = TestKafka.read(MatchFeedbackRecorded.TOPIC, r -> r.value().contains(feedbackId), 1);
        assertThat(events).hasSize(1);
        assertThat(events.getFirst().key()).isEqualTo(BACKEND_JOB.toString());
        assertThat(events.getFirst().value()).contains("\"outcome\":\"SHORTLISTED\"", "\"rank\":1");

        TestHttp.Response bad = http().post(
                        "/api/v1/matches/feedback",
                        map("jobId", BACKEND_JOB, "candidateId", candidateId, "outcome", "LOVED"),
                        bearer(RECRUITER));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("outcome");
        assertThat(http().post(
                                "/api/v1/matches/feedback",
                                map("jobId", BACKEND_JOB, "candidateId", UUID.randomUUID(), "outcome", "HIRED"),
                                bearer(RECRUITER))
                        .status())
                .isEqualTo(404);
        assertThat(http().post("/api/v1/matches/feedback", map("jobId", BACKEND_JOB), bearer(RECRUITER))
                        .status())
                .isEqualTo(400);
        JsonNode stored = http().get("/api/v1/matches/feedback?jobId=" + BACKEND_JOB, bearer(RECRUITER))
                .json();
        assertThat(stored).hasSize(1);
        assertThat(stored.get(0).path("reason").asString()).isEqualTo("strong Kafka experience");
    }

    @Test
    @Order(8)
    void badRequestsAreRefusedClearly() {
        assertThat(matches("jobId=" + BACKEND_JOB + "&mode=bm25", RECRUITER)
                        .path("mode")
                        .asString())
                .isEqualTo("BM25");
        assertThat(names(matches("jobId=" + BACKEND_JOB + "&mode=bm25", RECRUITER))
                        .getFirst())
                .isEqualTo("Priya Raman");
        for (String query : List.of(
                "jobId=" + BACKEND_JOB + "&mode=magic",
                "jobId=" + BACKEND_JOB + "&limit=0",
                "jobId=" + BACKEND_JOB + "&limit=100000",
                "jobId=" + BACKEND_JOB + "&candidateId=" + UUID.randomUUID(),
                "",
                "jobId=not-a-uuid")) {
            TestHttp.Response response = http().get("/api/v1/matches?" + query, bearer(RECRUITER));
            assertThat(response.status()).as(query).isEqualTo(400);
            assertThat(response.contentType()).contains("application/problem+json");
        }
        assertThat(http().get("/api/v1/matches?jobId=" + UUID.randomUUID(), bearer(RECRUITER))
                        .status())
                .isEqualTo(404);
        String candidateToken = TOKENS.token(UUID.randomUUID(), ORG, "CANDIDATE");
        assertThat(http().get("/api/v1/matches?jobId=" + BACKEND_JOB, bearer(candidateToken))
                        .status())
                .isEqualTo(403);
        assertThat(http().get("/api/v1/matches?jobId=" + BACKEND_JOB).status()).isEqualTo(401);
    }

    @Test
    @Order(9)
    void aDeletedResumeLeavesTheMatches() {
        publish(ResumeDeleted.TOPIC, tom, new ResumeDeleted(tom, ORG, Instant.now()));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(names(matches("jobId=" + BACKEND_JOB, RECRUITER)))
                        .containsExactly("Priya Raman", "Maria Gonzalez"));
    }

    @Test
    @Order(10)
    void theIndexIsRebuiltFromTheTablesOnAPlatformOperatorsRequest() {
        String before = http().get("/api/v1/matches/index", bearer(RECRUITER))
                .json()
                .path("index")
                .path("generationId")
                .asString();
        // One index serves every organisation: neither a recruiter nor an organisation's admin rebuilds it.
        assertThat(http().post("/api/v1/matches/index/rebuild", map(), bearer(RECRUITER))
                        .status())
                .isEqualTo(403);
        TestHttp.Response refused = http().post("/api/v1/matches/index/rebuild", map(), bearer(ADMIN));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().path("type").asString()).endsWith("/forbidden");
        JsonNode unchanged =
                http().get("/api/v1/matches/index", bearer(ADMIN)).json().path("index");
        assertThat(unchanged.hasNonNull("building")).as(unchanged.toString()).isFalse();
        assertThat(unchanged.path("generationId").asString()).isEqualTo(before);

        assertThat(http().post("/api/v1/matches/index/rebuild", map(), bearer(OPERATOR))
                        .status())
                .isEqualTo(202);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode status =
                    http().get("/api/v1/matches/index", bearer(OPERATOR)).json().path("index");
            assertThat(status.path("state").asString()).isEqualTo("READY");
            assertThat(status.path("generationId").asString()).isNotEqualTo(before);
        });
        assertThat(names(matches("jobId=" + BACKEND_JOB, RECRUITER))).containsExactly("Priya Raman", "Maria Gonzalez");
    }

    @Test
    @Order(11)
    void aNewEmbeddingChampionIsIndexedBesideTheOldAndSwitchedTo() {
        TestHttp registry = new TestHttp(neighbours.registry.url());
        TestHttp.Response promoted = registry.post(
                "/api/v1/models/update",
                map("action", "PROMOTE", "name", "text-embedding", "version", 2, "reason", "try bge"),
                bearer(OPERATOR));
        assertThat(promoted.status()).as(promoted.body()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> {
            JsonNode list = matches("jobId=" + BACKEND_JOB, RECRUITER);
            assertThat(list.path("models").path("embedding").path("version").asInt())
                    .isEqualTo(2);
            assertThat(names(list)).containsExactly("Priya Raman", "Maria Gonzalez");
        });
        registry.post(
                "/api/v1/models/update",
                map("action", "ROLLBACK", "name", "text-embedding", "reason", "back to MiniLM"),
                bearer(OPERATOR));
        await().atMost(Duration.ofSeconds(120))
                .untilAsserted(() -> assertThat(matches("jobId=" + BACKEND_JOB, RECRUITER)
                                .path("models")
                                .path("embedding")
                                .path("version")
                                .asInt())
                        .isEqualTo(1));
    }

    @Test
    @Order(12)
    void aNewRankerChampionRanksAndIsNamedInEveryResponse() {
        String weights = """
                {"format": "openhire-weighted-ranker/1",
                 "weights": {"requiredSkills": 1.0, "niceToHaveSkills": 0, "title": 0, "semantic": 0,
                             "experience": 0, "location": 0, "salary": 0}}
                """;
        String metadata = "{\"name\": \"match-ranker\", \"task\": \"ranking\", \"description\": \"skills only\"}";
        TestHttp registry = new TestHttp(neighbours.registry.url());
        TestHttp.Response registered = registry.postMultipart(
                "/api/v1/models/update",
                List.of(
                        Part.file(
                                "metadata",
                                "metadata.json",
                                "application/json",
                                metadata.getBytes(StandardCharsets.UTF_8)),
                        Part.file(
                                "artifact",
                                "ranker.json",
                                "application/json",
                                weights.getBytes(StandardCharsets.UTF_8))),
                bearer(OPERATOR));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        int version = registered.json().path("version").asInt();
        registry.post(
                "/api/v1/models/update",
                map("action", "PROMOTE", "name", "match-ranker", "version", version),
                bearer(OPERATOR));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode list = matches("jobId=" + BACKEND_JOB, RECRUITER);
            assertThat(list.path("models").path("ranker").path("version").asInt())
                    .isEqualTo(version);
            JsonNode first = list.path("matches").get(0);
            assertThat(first.path("score").asDouble())
                    .isEqualTo(first.path("breakdown")
                                    .path("requiredSkills")
                                    .path("score")
                                    .asDouble()
                            * 100);
        });
    }

    // --- helpers ---------------------------------------------------------------------------------------

    TestHttp.Response put(String path, Object body, String token) {
        return http().putRaw(path, "application/json", JSON.writeValueAsBytes(body), bearer(token));
    }

    /** What resume-ingestion does: stores the original and announces it. */
    static UUID receive(UUID org, byte[] document) {
        UUID id = UUID.randomUUID();
        String mediaType = document[0] == '%'
                ? "application/pdf"
                : "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
        TestHttp storage = new TestHttp(neighbours.storage.url());
        TestHttp.Response stored = storage.putRaw(
                "/api/v1/data/resumes/" + id,
                mediaType,
                document,
                bearer(TOKENS.serviceToken("resume-ingestion", org)));
        assertThat(stored.status()).as(stored.body()).isEqualTo(201);
        publish(
                ResumeReceived.TOPIC,
                id,
                new ResumeReceived(
                        id,
                        org,
                        "resumes",
                        id.toString(),
                        mediaType,
                        document.length,
                        Sha256.hex(document),
                        "UPLOAD",
                        null,
                        Instant.now()));
        return id;
    }

    static void publish(String topic, UUID key, Object event) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                Map.of("bootstrap.servers", TestKafka.bootstrapServers()),
                new StringSerializer(),
                new StringSerializer())) {
            ProducerRecord<String, String> record =
                    new ProducerRecord<>(topic, key.toString(), JSON.writeValueAsString(event));
            record.headers()
                    .add(EventHeaders.EVENT_ID, UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
            producer.send(record);
            producer.flush();
        }
    }
}

package io.openhire.matching;

import static io.openhire.platform.test.TestHttp.bearer;
import static io.openhire.platform.test.TestHttp.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.openhire.jobingestion.events.JobIngested;
import io.openhire.jobprocessing.events.JobOptimized;
import io.openhire.matching.events.CandidateRevealed;
import io.openhire.matching.events.MatchFeedbackRecorded;
import io.openhire.matching.events.StrongMatchFound;
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
import io.openhire.servicetest.TestServiceAccount;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
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
 *
 * <p>Each scenario hires in an organisation of its own ({@link #hiring()}), so that any one runs alone and
 * in any order. What all organisations share, the index and the registry's champions, a scenario that
 * changes it puts back before it ends.
 */
@SpringBootTest(
        classes = MatchingIT.App.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.application.name=matching")
class MatchingIT {

    static final TestTokens TOKENS = new TestTokens();
    static final JsonMapper JSON = JsonMapper.builder().build();
    static Neighbours neighbours;

    /** Runs the platform: rebuilds the index every organisation shares, moves the registry's aliases. */
    static final String OPERATOR = TOKENS.token(UUID.randomUUID(), UUID.randomUUID(), PlatformRoles.OPERATOR);

    /** The first list waits for model-serving to load the embedding model; later ones take seconds. */
    static final Duration INDEXED = Duration.ofSeconds(180);

    /**
     * Not a {@code @Configuration} (nor {@code @SpringBootConfiguration}), so that the service's component scan
     * does not pick it up into another test's context (privacy.DataSubjectsIT has a service account of its own).
     */
    @EnableAutoConfiguration
    @Import(MatchingConfiguration.class)
    static class App {
        @Bean
        ServiceAccount serviceAccount() {
            return TestServiceAccount.of("matching", TOKENS);
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

    /** An organisation of one scenario's own, with an admin and a recruiter. */
    record Organisation(UUID id, String admin, String recruiter) {

        static Organisation create() {
            UUID id = UUID.randomUUID();
            return new Organisation(
                    id, TOKENS.token(UUID.randomUUID(), id, "ADMIN"), TOKENS.token(UUID.randomUUID(), id, "RECRUITER"));
        }
    }

    /**
     * What most scenarios start from, in a new organisation: the resumes of Priya (backend engineer, Berlin),
     * Tom (frontend developer, London) and Maria (nurse, Austin), the backend job (its ad and its analysis)
     * and the nurse job, all indexed with their vectors, ranked by the registry's ranker.
     */
    record Hiring(Organisation org, UUID priya, UUID tom, UUID maria, UUID backendJob, UUID nurseJob) {}

    Hiring hiring() {
        Organisation org = Organisation.create();
        UUID priya = receive(org.id(), TestDocuments.pdf(MatchingTestData.priya()));
        UUID tom = receive(org.id(), TestDocuments.docx(MatchingTestData.tom()));
        UUID maria = receive(org.id(), TestDocuments.pdf(MatchingTestData.maria()));
        UUID backendJob = UUID.randomUUID();
        UUID nurseJob = UUID.randomUUID();
        publish(JobIngested.TOPIC, backendJob, MatchingTestData.backendPosting(backendJob, org.id(), 1, "OPEN"));
        publish(JobOptimized.TOPIC, backendJob, MatchingTestData.backendJob(backendJob, org.id(), 1, "OPEN"));
        publish(JobOptimized.TOPIC, nurseJob, MatchingTestData.nurseJob(nurseJob, org.id()));
        await().atMost(INDEXED).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            for (UUID job : List.of(backendJob, nurseJob)) {
                JsonNode list = matches("jobId=" + job, org.recruiter());
                assertThat(list.path("matches")).hasSize(3);
                assertThat(list.path("models").path("ranker").path("version").isNumber())
                        .as("the ranker read from the registry")
                        .isTrue();
                list.path("matches")
                        .forEach(m -> assertThat(m.path("breakdown")
                                        .path("semantic")
                                        .path("score")
                                        .isNumber())
                                .as("vectors of %s", m.path("candidate").path("displayName"))
                                .isTrue());
            }
        });
        return new Hiring(org, priya, tom, maria, backendJob, nurseJob);
    }

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
    void ranksTheOrganisationsCandidatesForAJobAndExplainsEachScore() {
        Hiring hiring = hiring();
        String recruiter = hiring.org().recruiter();

        await().atMost(INDEXED).untilAsserted(() -> {
            JsonNode list = matches("jobId=" + hiring.backendJob(), recruiter);
            assertThat(list.path("matches")).hasSize(3);
            assertThat(list.path("models").path("embedding").path("version").asInt())
                    .isEqualTo(1);
            assertThat(list.path("models").path("ranker").path("version").asInt())
                    .isEqualTo(1);
        });
        JsonNode list = matches("jobId=" + hiring.backendJob() + "&limit=10", recruiter);
        assertThat(names(list)).containsExactly("Priya Raman", "Tom Becker", "Maria Gonzalez");
        assertThat(list.path("direction").asString()).isEqualTo("JOB_TO_CANDIDATES");
        assertThat(list.path("runId").asString()).isNotBlank();
        assertThat(list.path("indexed").asInt()).isEqualTo(3);

        JsonNode best = list.path("matches").get(0);
        assertThat(best.path("resumeId").asString()).isEqualTo(hiring.priya().toString());
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
        assertThat(names(matches("jobId=" + hiring.nurseJob(), recruiter)).getFirst())
                .isEqualTo("Maria Gonzalez");
        JsonNode nurseLine =
                matches("jobId=" + hiring.nurseJob(), recruiter).path("matches").get(0);
        assertThat(nurseLine.path("matchedRequiredSkills").toString()).contains("patient care");
        assertThat(nurseLine.path("breakdown").path("location").path("score").asDouble())
                .isEqualTo(1.0);
    }

    @Test
    void aNewResumeThatRanksHighForAnOpenJobIsAnnouncedForThatJobOnly() {
        Hiring hiring = hiring();
        UUID resent = receive(hiring.org().id(), TestDocuments.pdf(MatchingTestData.priya()));

        List<org.apache.kafka.clients.consumer.ConsumerRecord<String, String>> found =
                TestKafka.read(StrongMatchFound.TOPIC, r -> r.value().contains(resent.toString()), 1);
        assertThat(found).hasSize(1);
        StrongMatchFound event = io.openhire.platform.test.GoldenEvents.JSON.readValue(
                found.getFirst().value(), StrongMatchFound.class);
        assertThat(event.jobId()).isEqualTo(hiring.backendJob()); // not the nurse job she does not fit
        assertThat(event.organizationId()).isEqualTo(hiring.org().id());
        assertThat(event.score()).isGreaterThan(70); // as the job's ranking shows Priya
        assertThat(found.getFirst().key()).isEqualTo(hiring.backendJob().toString());
    }

    @Test
    void resumesOfOnePersonAreOneCandidate() {
        Hiring hiring = hiring();
        String recruiter = hiring.org().recruiter();

        UUID older = receive(hiring.org().id(), TestDocuments.pdf(MatchingTestData.priyaOlder()));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode priyaLine = line(matches("jobId=" + hiring.backendJob(), recruiter), "Priya Raman");
            assertThat(priyaLine.path("resumeIds").toString())
                    .contains(hiring.priya().toString(), older.toString());
        });
        JsonNode list = matches("jobId=" + hiring.backendJob(), recruiter);
        assertThat(names(list)).as(list.toString()).containsExactly("Priya Raman", "Tom Becker", "Maria Gonzalez");
        // The line rests on the better resume.
        assertThat(line(list, "Priya Raman").path("resumeId").asString())
                .isEqualTo(hiring.priya().toString());
    }

    @Test
    void ranksOpenJobsForACandidate() {
        Hiring hiring = hiring();
        String recruiter = hiring.org().recruiter();
        UUID closedJob = UUID.randomUUID();

        publish(
                JobOptimized.TOPIC,
                closedJob,
                MatchingTestData.backendJob(closedJob, hiring.org().id(), 1, "CLOSED"));

        UUID candidate = UUID.fromString(line(matches("jobId=" + hiring.backendJob(), recruiter), "Priya Raman")
                .path("candidateId")
                .asString());
        // The closed job counts as indexed (the marker that it arrived) and is not offered.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode jobs = matches("candidateId=" + candidate, recruiter);
            assertThat(jobs.path("direction").asString()).isEqualTo("CANDIDATE_TO_JOBS");
            assertThat(jobs.path("indexed").asInt()).isEqualTo(3);
            List<String> ids = new ArrayList<>();
            jobs.path("matches").forEach(m -> ids.add(m.path("jobId").asString()));
            assertThat(ids)
                    .containsExactly(
                            hiring.backendJob().toString(), hiring.nurseJob().toString());
            assertThat(jobs.path("matches").get(0).path("job").path("title").asString())
                    .isEqualTo("Senior Backend Engineer");
        });
        JsonNode forResume = matches("resumeId=" + hiring.priya(), recruiter);
        assertThat(forResume.path("candidateId").asString()).isEqualTo(candidate.toString());
        assertThat(forResume.path("matches").get(0).path("jobId").asString())
                .isEqualTo(hiring.backendJob().toString());

        // The backend job analysed again at the same revision (job-processing does so when another skill tagger is
        // promoted): the later analysis is what is offered; an earlier one delivered late changes nothing.
        UUID org = hiring.org().id();
        Instant now = Instant.now();
        publish(
                JobOptimized.TOPIC,
                hiring.backendJob(),
                MatchingTestData.backendJob(hiring.backendJob(), org, 1, "OPEN", "Backend Engineer, Payments", now));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () -> assertThat(firstJobTitle(candidate, recruiter)).isEqualTo("Backend Engineer, Payments"));
        publish(
                JobOptimized.TOPIC,
                hiring.backendJob(),
                MatchingTestData.backendJob(
                        hiring.backendJob(), org, 1, "OPEN", "Stale title", now.minus(Duration.ofMinutes(5))));
        await().during(Duration.ofSeconds(3))
                .atMost(Duration.ofSeconds(10))
                .until(() -> firstJobTitle(candidate, recruiter).equals("Backend Engineer, Payments"));
    }

    String firstJobTitle(UUID candidate, String recruiter) {
        return matches("candidateId=" + candidate, recruiter)
                .path("matches")
                .get(0)
                .path("job")
                .path("title")
                .asString();
    }

    @Test
    void anotherOrganisationNeitherSeesNorMixesIn() {
        Hiring hiring = hiring();
        Organisation other = Organisation.create();
        UUID otherJob = UUID.randomUUID();

        UUID otherOrgsTom = receive(other.id(), TestDocuments.pdf(MatchingTestData.tom()));
        publish(JobOptimized.TOPIC, otherJob, MatchingTestData.backendJob(otherJob, other.id(), 1, "OPEN"));

        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(
                                matches("jobId=" + otherJob, other.recruiter()).path("matches"))
                        .hasSize(1));
        JsonNode theirs = matches("jobId=" + otherJob, other.recruiter());
        assertThat(theirs.path("matches").get(0).path("resumeId").asString()).isEqualTo(otherOrgsTom.toString());
        assertThat(theirs.toString())
                .doesNotContain(
                        hiring.priya().toString(),
                        hiring.maria().toString(),
                        hiring.tom().toString());

        assertThat(http().get("/api/v1/matches?jobId=" + hiring.backendJob(), bearer(other.recruiter()))
                        .status())
                .isEqualTo(404);
        assertThat(http().post(
                                "/api/v1/matches/feedback",
                                map("jobId", hiring.backendJob(), "candidateId", hiring.priya(), "outcome", "REJECTED"),
                                bearer(other.recruiter()))
                        .status())
                .isEqualTo(404);
        assertThat(http().post(
                                "/api/v1/matches/reveal",
                                map("jobId", otherJob, "candidateId", hiring.priya()),
                                bearer(other.recruiter()))
                        .status())
                .isEqualTo(404);
    }

    @Test
    void aRecruiterWeightsCategoriesPerJobAndTheRankingFollows() {
        Hiring hiring = hiring();
        String recruiter = hiring.org().recruiter();
        String path = "/api/v1/matches/jobs/" + hiring.backendJob() + "/settings";

        TestHttp.Response bad = put(path, map("weights", map("charm", 1.0)), recruiter);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(put(path, map("weights", map("title", -1.0)), recruiter).status())
                .isEqualTo(400);
        assertThat(http().get(path, bearer(recruiter))
                        .json()
                        .path("weightsFrom")
                        .asString())
                .isEqualTo("MODEL");

        // Only location counts: Tom (London) and Maria (Austin) tie at 0, Priya (Berlin) stays first.
        TestHttp.Response set = put(path, map("weights", only("location")), recruiter);
        assertThat(set.status()).as(set.body()).isEqualTo(200);
        assertThat(set.json().path("weightsFrom").asString()).isEqualTo("JOB");
        JsonNode list = matches("jobId=" + hiring.backendJob(), recruiter);
        assertThat(list.path("weightsFrom").asString()).isEqualTo("JOB");
        for (JsonNode m : list.path("matches")) {
            double location = m.path("breakdown").path("location").path("score").asDouble();
            assertThat(m.path("score").asDouble()).isEqualTo(Math.round(location * 1000) / 10.0);
        }
        // Only semantic similarity: the ranking is the embedding's.
        put(path, map("weights", only("semantic")), recruiter);
        JsonNode semantic = matches("jobId=" + hiring.backendJob(), recruiter);
        double previous = Double.MAX_VALUE;
        for (JsonNode m : semantic.path("matches")) {
            double score = m.path("breakdown").path("semantic").path("score").asDouble();
            assertThat(score).isLessThanOrEqualTo(previous);
            previous = score;
        }
        put(path, map("weights", null), recruiter);
        assertThat(matches("jobId=" + hiring.backendJob(), recruiter)
                        .path("weightsFrom")
                        .asString())
                .isEqualTo("MODEL");
    }

    /** Job weights where one category counts and every other is 0. */
    static Map<String, Object> only(String category) {
        Map<String, Object> weights = new LinkedHashMap<>();
        for (String name : List.of(
                "requiredSkills", "niceToHaveSkills", "title", "semantic", "experience", "location", "salary")) {
            weights.put(name, name.equals(category) ? 1.0 : 0.0);
        }
        return weights;
    }

    @Test
    void blindModeHidesIdentityUntilARecruiterRevealsACandidate() {
        Hiring hiring = hiring();
        Organisation org = hiring.org();

        assertThat(put("/api/v1/matches/settings", map("blind", true), org.recruiter())
                        .status())
                .isEqualTo(403);
        assertThat(put("/api/v1/matches/settings", map("blind", true), org.admin())
                        .status())
                .isEqualTo(200);
        TestHttp.Response blind = http().get("/api/v1/matches?jobId=" + hiring.backendJob(), bearer(org.recruiter()));
        assertThat(blind.json().path("blind").asBoolean()).isTrue();
        assertThat(blind.body()).doesNotContain("Priya", "Raman", "Becker", "Gonzalez", "@example.test");
        JsonNode first = blind.json().path("matches").get(0);
        assertThat(first.path("candidate").path("displayName").asString()).startsWith("Candidate ");
        assertThat(first.path("candidate").path("name").isNull()).isTrue();
        String candidateId = first.path("candidateId").asString();

        TestHttp.Response revealed = http().post(
                        "/api/v1/matches/reveal",
                        map("jobId", hiring.backendJob(), "candidateId", candidateId),
                        bearer(org.recruiter()));
        assertThat(revealed.status()).as(revealed.body()).isEqualTo(200);
        assertThat(revealed.json().path("name").asString()).isEqualTo("Priya Raman");
        assertThat(revealed.json().path("emails").toString()).contains("priya.raman@example.test");
        assertThat(TestKafka.read(
                        CandidateRevealed.TOPIC,
                        r -> r.value().contains(candidateId)
                                && r.value().contains(org.id().toString()),
                        1))
                .hasSize(1);
        JsonNode after = matches("jobId=" + hiring.backendJob(), org.recruiter());
        assertThat(line(after, "Priya Raman").path("candidate").path("revealed").asBoolean())
                .isTrue();
        assertThat(after.toString()).doesNotContain("Becker", "Gonzalez");
        // Revealed for this job only.
        assertThat(matches("jobId=" + hiring.nurseJob(), org.recruiter()).toString())
                .doesNotContain("Priya");

        // A job may be open while the organisation is blind.
        String nurseSettings = "/api/v1/matches/jobs/" + hiring.nurseJob() + "/settings";
        put(nurseSettings, map("blind", false), org.recruiter());
        assertThat(matches("jobId=" + hiring.nurseJob(), org.recruiter()).toString())
                .contains("Maria Gonzalez");
        put(nurseSettings, map("blind", null), org.recruiter());
        assertThat(put("/api/v1/matches/settings", map("blind", false), org.admin())
                        .status())
                .isEqualTo(200);
    }

    @Test
    void feedbackIsStoredWithWhatTheRecruiterSawAndAnnounced() {
        Hiring hiring = hiring();
        String recruiter = hiring.org().recruiter();
        UUID job = hiring.backendJob();

        JsonNode list = matches("jobId=" + job, recruiter);
        JsonNode priyaLine = line(list, "Priya Raman");
        String candidateId = priyaLine.path("candidateId").asString();
        TestHttp.Response recorded = http().post(
                        "/api/v1/matches/feedback",
                        map(
                                "jobId",
                                job,
                                "candidateId",
                                candidateId,
                                "outcome",
                                "SHORTLISTED",
                                "reason",
                                "strong Kafka experience"),
                        bearer(recruiter));
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
        assertThat(events.getFirst().key()).isEqualTo(job.toString());
        assertThat(events.getFirst().value()).contains("\"outcome\":\"SHORTLISTED\"", "\"rank\":1");

        TestHttp.Response bad = http().post(
                        "/api/v1/matches/feedback",
                        map("jobId", job, "candidateId", candidateId, "outcome", "LOVED"),
                        bearer(recruiter));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("outcome");
        assertThat(http().post(
                                "/api/v1/matches/feedback",
                                map("jobId", job, "candidateId", UUID.randomUUID(), "outcome", "HIRED"),
                                bearer(recruiter))
                        .status())
                .isEqualTo(404);
        assertThat(http().post("/api/v1/matches/feedback", map("jobId", job), bearer(recruiter))
                        .status())
                .isEqualTo(400);
        JsonNode stored = http().get("/api/v1/matches/feedback?jobId=" + job, bearer(recruiter))
                .json();
        assertThat(stored).hasSize(1);
        assertThat(stored.get(0).path("reason").asString()).isEqualTo("strong Kafka experience");
    }

    @Test
    void badRequestsAreRefusedClearly() {
        Hiring hiring = hiring();
        String recruiter = hiring.org().recruiter();
        UUID job = hiring.backendJob();

        assertThat(matches("jobId=" + job + "&mode=bm25", recruiter)
                        .path("mode")
                        .asString())
                .isEqualTo("BM25");
        assertThat(names(matches("jobId=" + job + "&mode=bm25", recruiter)).getFirst())
                .isEqualTo("Priya Raman");
        for (String query : List.of(
                "jobId=" + job + "&mode=magic",
                "jobId=" + job + "&limit=0",
                "jobId=" + job + "&limit=100000",
                "jobId=" + job + "&candidateId=" + UUID.randomUUID(),
                "",
                "jobId=not-a-uuid")) {
            TestHttp.Response response = http().get("/api/v1/matches?" + query, bearer(recruiter));
            assertThat(response.status()).as(query).isEqualTo(400);
            assertThat(response.contentType()).contains("application/problem+json");
        }
        assertThat(http().get("/api/v1/matches?jobId=" + UUID.randomUUID(), bearer(recruiter))
                        .status())
                .isEqualTo(404);
        String candidateToken = TOKENS.token(UUID.randomUUID(), hiring.org().id(), "CANDIDATE");
        assertThat(http().get("/api/v1/matches?jobId=" + job, bearer(candidateToken))
                        .status())
                .isEqualTo(403);
        assertThat(http().get("/api/v1/matches?jobId=" + job).status()).isEqualTo(401);
    }

    @Test
    void aDeletedResumeLeavesTheMatches() {
        Hiring hiring = hiring();

        publish(
                ResumeDeleted.TOPIC,
                hiring.tom(),
                new ResumeDeleted(hiring.tom(), hiring.org().id(), Instant.now()));

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(names(matches(
                                "jobId=" + hiring.backendJob(), hiring.org().recruiter())))
                        .containsExactly("Priya Raman", "Maria Gonzalez"));
    }

    @Test
    void theIndexIsRebuiltFromTheTablesOnAPlatformOperatorsRequest() {
        Hiring hiring = tomDeleted(hiring());
        Organisation org = hiring.org();

        String before = http().get("/api/v1/matches/index", bearer(org.recruiter()))
                .json()
                .path("index")
                .path("generationId")
                .asString();
        // One index serves every organisation: neither a recruiter nor an organisation's admin rebuilds it.
        assertThat(http().post("/api/v1/matches/index/rebuild", map(), bearer(org.recruiter()))
                        .status())
                .isEqualTo(403);
        TestHttp.Response refused = http().post("/api/v1/matches/index/rebuild", map(), bearer(org.admin()));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().path("type").asString()).endsWith("/forbidden");
        JsonNode unchanged =
                http().get("/api/v1/matches/index", bearer(org.admin())).json().path("index");
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
        // From the tables: the deleted resume stays out.
        assertThat(names(matches("jobId=" + hiring.backendJob(), org.recruiter())))
                .containsExactly("Priya Raman", "Maria Gonzalez");
    }

    @Test
    void aNewEmbeddingChampionIsIndexedBesideTheOldAndSwitchedTo() {
        Hiring hiring = tomDeleted(hiring());
        String recruiter = hiring.org().recruiter();
        TestHttp registry = new TestHttp(neighbours.registry.url());

        try {
            TestHttp.Response promoted = registry.post(
                    "/api/v1/models/update",
                    map("action", "PROMOTE", "name", "text-embedding", "version", 2, "reason", "try bge"),
                    bearer(OPERATOR));
            assertThat(promoted.status()).as(promoted.body()).isEqualTo(200);
            // Every organisation's resumes and jobs are embedded anew: more than the others' waits.
            await().atMost(INDEXED).untilAsserted(() -> {
                JsonNode list = matches("jobId=" + hiring.backendJob(), recruiter);
                assertThat(list.path("models").path("embedding").path("version").asInt())
                        .isEqualTo(2);
                assertThat(names(list)).containsExactly("Priya Raman", "Maria Gonzalez");
            });
        } finally {
            // The champion is the platform's: back to the one every other scenario expects.
            registry.post(
                    "/api/v1/models/update",
                    map("action", "ROLLBACK", "name", "text-embedding", "reason", "back to MiniLM"),
                    bearer(OPERATOR));
            await().atMost(INDEXED)
                    .untilAsserted(() -> assertThat(matches("jobId=" + hiring.backendJob(), recruiter)
                                    .path("models")
                                    .path("embedding")
                                    .path("version")
                                    .asInt())
                            .isEqualTo(1));
        }
    }

    @Test
    void aNewRankerChampionRanksAndIsNamedInEveryResponse() {
        Hiring hiring = hiring();
        String recruiter = hiring.org().recruiter();
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

        try {
            registry.post(
                    "/api/v1/models/update",
                    map("action", "PROMOTE", "name", "match-ranker", "version", version),
                    bearer(OPERATOR));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                JsonNode list = matches("jobId=" + hiring.backendJob(), recruiter);
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
        } finally {
            // The champion is the platform's: back to the one every other scenario expects.
            registry.post(
                    "/api/v1/models/update",
                    map("action", "ROLLBACK", "name", "match-ranker", "reason", "back to the shipped ranker"),
                    bearer(OPERATOR));
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> assertThat(matches("jobId=" + hiring.backendJob(), recruiter)
                                    .path("models")
                                    .path("ranker")
                                    .path("version")
                                    .asInt())
                            .isEqualTo(1));
        }
    }

    // --- helpers ---------------------------------------------------------------------------------------

    /** Tom's resume deleted, and gone from the backend job's list. */
    Hiring tomDeleted(Hiring hiring) {
        publish(
                ResumeDeleted.TOPIC,
                hiring.tom(),
                new ResumeDeleted(hiring.tom(), hiring.org().id(), Instant.now()));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(names(matches(
                                "jobId=" + hiring.backendJob(), hiring.org().recruiter())))
                        .containsExactly("Priya Raman", "Maria Gonzalez"));
        return hiring;
    }

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

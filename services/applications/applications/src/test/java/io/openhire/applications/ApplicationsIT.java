package io.openhire.applications;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.openhire.platform.test.TestHttp.bearer;
import static io.openhire.platform.test.TestHttp.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.openhire.applications.events.ApplicationCreated;
import io.openhire.applications.events.ApplicationStageChanged;
import io.openhire.applications.events.CandidateUpdated;
import io.openhire.applications.events.NoteAdded;
import io.openhire.jobingestion.events.JobIngested;
import io.openhire.platform.events.EventHeaders;
import io.openhire.platform.test.GoldenEvents;
import io.openhire.platform.test.TestHttp;
import io.openhire.platform.test.TestInfrastructure;
import io.openhire.platform.test.TestKafka;
import io.openhire.platform.test.TestTokens;
import io.openhire.resumeingestion.events.ResumeDeleted;
import io.openhire.resumeprocessing.events.ResumeParsed;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The pipeline as a recruiter uses it through the API: parsed resumes become people (one per email address),
 * found by name, skill, tag and stage; applications added, moved (one and many), rejected with a reason, taken
 * back; notes with mentions; corrections kept beside the parsed value; duplicates merged and split; and other
 * organisations, other roles and bad input refused with nothing changed. resume-processing and identity answer as
 * their APIs do (WireMock); each test has its own organisation.
 */
@SpringBootTest(
        classes = ApplicationsIT.App.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.application.name=applications")
@DirtiesContext // its consumers (group applications) leave before another test class's context starts
class ApplicationsIT {

    static final TestTokens TOKENS = new TestTokens();

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(ApplicationsConfiguration.class)
    static class App {}

    static final WireMockServer SERVICES =
            new WireMockServer(WireMockConfiguration.options().dynamicPort());

    static {
        SERVICES.start();
        SERVICES.stubFor(post(urlPathEqualTo("/api/v1/users/service-token"))
                .willReturn(okJson("""
                        {"access_token":"%s","token_type":"Bearer","expires_in":600}""".formatted(TOKENS.serviceToken("applications", UUID.randomUUID())))));
        SERVICES.stubFor(
                get(urlPathEqualTo("/api/v1/users/profile")).willReturn(okJson("""
                        {"id":"%s","email":"sam@acme.test","name":"Sam Recruiter","role":"RECRUITER"}""".formatted(UUID.randomUUID()))));
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "applications");
        registry.add("openhire.security.jwk-set-uri", TOKENS::jwkSetUri);
        registry.add("openhire.clients.services.identity.url", SERVICES::baseUrl);
        registry.add("openhire.clients.services.resume-processing.url", SERVICES::baseUrl);
        registry.add("openhire.clients.services.resume-ingestion.url", SERVICES::baseUrl);
        registry.add("openhire.clients.services.job-processing.url", SERVICES::baseUrl);
        registry.add("openhire.clients.services.communication.url", SERVICES::baseUrl);
        registry.add("openhire.applications.confirmations-every", () -> "PT0.5S");
        registry.add("openhire.service-account.secret", () -> "applications-secret");
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    final UUID org = UUID.randomUUID();
    final String recruiter = TOKENS.token(UUID.randomUUID(), org, "RECRUITER");
    final String admin = TOKENS.token(UUID.randomUUID(), org, "ADMIN");
    final String otherOrg = TOKENS.token(UUID.randomUUID(), UUID.randomUUID(), "ADMIN");
    final String client = TOKENS.token(UUID.randomUUID(), org, "CLIENT");
    final String candidateUser = TOKENS.token(UUID.randomUUID(), org, "CANDIDATE");

    TestHttp http() {
        return new TestHttp("http://localhost:" + port);
    }

    void publish(String topic, String key, Object event) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                Map.of("bootstrap.servers", TestKafka.bootstrapServers()),
                new StringSerializer(),
                new StringSerializer())) {
            ProducerRecord<String, String> record =
                    new ProducerRecord<>(topic, key, GoldenEvents.JSON.writeValueAsString(event));
            record.headers()
                    .add(EventHeaders.EVENT_ID, UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
            producer.send(record).get();
        }
    }

    UUID job(String title) throws Exception {
        UUID id = UUID.randomUUID();
        publish(
                JobIngested.TOPIC,
                id.toString(),
                new JobIngested(
                        id,
                        org,
                        1,
                        "OPEN",
                        null,
                        title,
                        "Acme",
                        "…",
                        List.of(),
                        "ONSITE",
                        "FULL_TIME",
                        null,
                        null,
                        Instant.now(),
                        null,
                        null,
                        "MANUAL",
                        null,
                        Instant.now()));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> jdbc.sql("SELECT count(*) FROM job WHERE job_id = :id")
                                .param("id", id)
                                .query(Long.class)
                                .single()
                        == 1);
        return id;
    }

    /** A resume parsed by resume-processing (its profile answered by the stand-in); answers the candidate id. */
    UUID resume(UUID resumeId, String name, String email, String city, List<String> skills) throws Exception {
        SERVICES.stubFor(get(urlPathEqualTo("/api/v1/resumes/" + resumeId + "/profile"))
                .willReturn(okJson(GoldenEvents.JSON.writeValueAsString(map(
                        "resumeId",
                        resumeId,
                        "status",
                        "PARSED",
                        "revision",
                        1,
                        "parserVersion",
                        "1",
                        "taxonomyVersion",
                        "1",
                        "parseMillis",
                        5,
                        "parsedAt",
                        Instant.now().toString(),
                        "profile",
                        map(
                                "name",
                                name,
                                "emails",
                                email == null ? List.of() : List.of(email),
                                "phones",
                                List.of("+49 30 1234567"),
                                "location",
                                map("city", city, "country", "DE"),
                                "headline",
                                "Backend engineer",
                                "skills",
                                skills.stream()
                                        .map(s -> map(
                                                "id",
                                                s.toLowerCase(),
                                                "name",
                                                s,
                                                "kind",
                                                "TECHNOLOGY",
                                                "mentions",
                                                2,
                                                "listed",
                                                true))
                                        .toList(),
                                "resumeLikelihood",
                                0.9))))));
        publish(
                ResumeParsed.TOPIC,
                resumeId.toString(),
                new ResumeParsed(
                        resumeId,
                        org,
                        1,
                        "1",
                        "1",
                        "Senior Java Developer",
                        List.of("Senior Java Developer"),
                        List.of(),
                        6.0,
                        null,
                        null,
                        List.of("en"),
                        Instant.now()));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> jdbc.sql("SELECT count(*) FROM candidate_resume WHERE resume_id = :id")
                                .param("id", resumeId)
                                .query(Long.class)
                                .single()
                        == 1);
        return jdbc.sql("SELECT candidate_id FROM candidate_resume WHERE resume_id = :id")
                .param("id", resumeId)
                .query(UUID.class)
                .single();
    }

    UUID stage(String token, String name) {
        for (JsonNode stage :
                http().get("/api/v1/applications/stages", bearer(token)).json().get("stages")) {
            if (stage.get("name").asString().equals(name)) {
                return UUID.fromString(stage.get("id").asString());
            }
        }
        throw new AssertionError("no stage " + name);
    }

    String apply(UUID candidate, UUID job) {
        TestHttp.Response created = http().post(
                        "/api/v1/applications",
                        map("candidateId", candidate, "jobId", job, "source", "MATCHING"),
                        bearer(recruiter));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    @Test
    void resumesOfOnePersonAreOneCandidateFoundByNameSkillTagAndStage() throws Exception {
        String email = "anna." + UUID.randomUUID() + "@example.org";
        UUID first = resume(UUID.randomUUID(), "Anna Schmidt", email, "Berlin", List.of("Java", "Kafka"));
        UUID second = resume(UUID.randomUUID(), "Anna Schmidt", email.toUpperCase(), "Berlin", List.of("Spring Boot"));
        assertThat(second).isEqualTo(first);
        UUID other = resume(
                UUID.randomUUID(),
                "Ben Okafor",
                "ben." + UUID.randomUUID() + "@example.org",
                "Lagos",
                List.of("Python"));

        JsonNode anna =
                http().get("/api/v1/candidates/" + first, bearer(recruiter)).json();
        assertThat(anna.get("name").asString()).isEqualTo("Anna Schmidt");
        assertThat(anna.get("resumes")).hasSize(2);
        assertThat(anna.get("skills").toString()).contains("Java", "Kafka", "Spring Boot");
        assertThat(anna.get("location").asString()).isEqualTo("Berlin, DE");

        assertThat(names(http().get("/api/v1/candidates?q=ann", bearer(recruiter))))
                .containsExactly("Anna Schmidt");
        assertThat(names(http().get("/api/v1/candidates?q=anna%20berl", bearer(recruiter))))
                .containsExactly("Anna Schmidt");
        assertThat(names(http().get("/api/v1/candidates?skill=python", bearer(recruiter))))
                .containsExactly("Ben Okafor");
        assertThat(names(http().get("/api/v1/candidates?q=kafka&location=lagos", bearer(recruiter))))
                .isEmpty();

        TestHttp.Response tagged = http().put(
                        "/api/v1/candidates/" + other + "/tags",
                        map("tags", List.of("Silver medallist", "Python")),
                        bearer(recruiter));
        assertThat(tagged.status()).as(tagged.body()).isEqualTo(200);
        assertThat(names(http().get("/api/v1/candidates?tag=silver%20medallist", bearer(recruiter))))
                .containsExactly("Ben Okafor");
        UUID job = job("Backend Engineer");
        apply(first, job);
        assertThat(names(http().get(
                                "/api/v1/candidates?jobId=" + job + "&stageId=" + stage(recruiter, "Applied"),
                                bearer(recruiter))))
                .containsExactly("Anna Schmidt");

        // Another organisation sees none of them; a client or a candidate may not search.
        assertThat(http().get("/api/v1/candidates?q=anna", bearer(otherOrg))
                        .json()
                        .get("total")
                        .asInt())
                .isZero();
        assertThat(http().get("/api/v1/candidates/" + first, bearer(otherOrg)).status())
                .isEqualTo(404);
        assertThat(http().get("/api/v1/candidates?q=anna", bearer(client)).status())
                .isEqualTo(403);
        assertThat(http().get("/api/v1/candidates/" + first, bearer(candidateUser))
                        .status())
                .isEqualTo(403);
        // Bad input: a clear 400.
        assertThat(http().get("/api/v1/candidates?size=1000", bearer(recruiter)).status())
                .isEqualTo(400);
        assertThat(http().put(
                                "/api/v1/candidates/" + other + "/tags",
                                map("tags", List.of("<script>")),
                                bearer(recruiter))
                        .status())
                .isEqualTo(400);

        // Saved searches are the person's own.
        TestHttp.Response saved = http().post(
                        "/api/v1/candidates/searches",
                        map("name", "Python people", "query", map("skill", "python")),
                        bearer(recruiter));
        assertThat(saved.status()).as(saved.body()).isEqualTo(201);
        assertThat(http().get("/api/v1/candidates/searches", bearer(recruiter)).json())
                .hasSize(1);
        assertThat(http().get("/api/v1/candidates/searches", bearer(admin)).json())
                .isEmpty();
        assertThat(http().delete(
                                "/api/v1/candidates/searches/"
                                        + saved.json().get("id").asString(),
                                bearer(admin))
                        .status())
                .isEqualTo(404);
    }

    @Test
    void anApplicationMovesThroughTheStagesIsRejectedWithAReasonAndEveryMoveCanBeTakenBack() throws Exception {
        UUID candidate = resume(
                UUID.randomUUID(), "Chen Wei", "chen." + UUID.randomUUID() + "@example.org", "Munich", List.of("Go"));
        UUID job = job("Platform Engineer");
        String id = apply(candidate, job);
        TestHttp.Response again = http().post(
                        "/api/v1/applications",
                        map("candidateId", candidate, "jobId", job, "source", "REFERRAL"),
                        bearer(recruiter));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("applicationId").asString()).isEqualTo(id);

        UUID screening = stage(recruiter, "Screening");
        UUID rejected = stage(recruiter, "Rejected");
        assertThat(move(id, map("stageId", screening)).status()).isEqualTo(200);
        TestHttp.Response noReason = move(id, map("stageId", rejected));
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.json().get("reasons").toString()).contains("Not enough experience");
        assertThat(move(id, map("stageId", rejected, "reason", "Made up")).status())
                .isEqualTo(400);
        TestHttp.Response rejection = move(id, map("stageId", rejected, "reason", "not enough experience"));
        assertThat(rejection.status()).as(rejection.body()).isEqualTo(200);
        assertThat(rejection.json().get("stageName").asString()).isEqualTo("Rejected");

        Map<String, Long> board = columns(job);
        assertThat(board).containsEntry("Rejected", 1L).containsEntry("Applied", 0L);

        assertThat(http().post("/api/v1/applications/" + id + "/undo", null, bearer(recruiter))
                        .json()
                        .get("stageName")
                        .asString())
                .isEqualTo("Screening");
        JsonNode back = http().post("/api/v1/applications/" + id + "/undo", null, bearer(recruiter))
                .json();
        assertThat(back.get("stageName").asString()).isEqualTo("Applied");
        assertThat(back.get("history")).hasSize(5); // added, to Screening, to Rejected, and the two undos
        assertThat(back.get("history").get(0).get("undoes").isNull()).isFalse();
        assertThat(http().post("/api/v1/applications/" + id + "/undo", null, bearer(recruiter))
                        .status())
                .isEqualTo(409);

        // Every move is an event, with categories matching learns from.
        List<ConsumerRecord<String, String>> moves =
                TestKafka.read(ApplicationStageChanged.TOPIC, r -> r.key().equals(id), 4);
        List<String> categories = new ArrayList<>();
        for (ConsumerRecord<String, String> move : moves) {
            ApplicationStageChanged changed = GoldenEvents.JSON.readValue(move.value(), ApplicationStageChanged.class);
            categories.add(changed.toCategory() + (changed.undo() ? " (undo)" : ""));
            assertThat(move.value()).doesNotContain("Chen", "example.org");
        }
        assertThat(categories).containsExactly("SCREENING", "REJECTED", "SCREENING (undo)", "APPLIED (undo)");
        assertThat(TestKafka.read(ApplicationCreated.TOPIC, r -> r.key().equals(id), 1))
                .hasSize(1);

        // Others may not move it.
        assertThat(http().post("/api/v1/applications/" + id + "/move", map("stageId", screening), bearer(otherOrg))
                        .status())
                .isIn(400, 404);
        assertThat(http().post("/api/v1/applications/" + id + "/move", map("stageId", screening), bearer(client))
                        .status())
                .isEqualTo(403);
        assertThat(http().get("/api/v1/applications/board?jobId=" + job, bearer(otherOrg))
                        .status())
                .isEqualTo(404);
    }

    @Test
    void interviewersScoreAnApplicationOnTheJobsCriteriaOncePerStage() throws Exception {
        UUID candidate = resume(
                UUID.randomUUID(), "Femi Ade", "femi." + UUID.randomUUID() + "@example.org", "Lagos", List.of("Go"));
        UUID job = job("SRE");
        String id = apply(candidate, job);
        Map<String, Object> card = map(
                "ratings",
                map("Skills", 4, "Experience", 3, "Communication", 3, "Motivation", 4),
                "overall",
                4,
                "comment",
                "Strong systems thinking.");
        // Not in Applied: scorecards belong to screening, interview and offer stages.
        assertThat(http().put("/api/v1/applications/" + id + "/scorecard", card, bearer(recruiter))
                        .status())
                .isEqualTo(409);
        assertThat(move(id, map("stageId", stage(recruiter, "Interview"))).status())
                .isEqualTo(200);

        TestHttp.Response scored = http().put("/api/v1/applications/" + id + "/scorecard", card, bearer(recruiter));
        assertThat(scored.status()).as(scored.body()).isEqualTo(200);
        assertThat(scored.json().get("stageName").asString()).isEqualTo("Interview");
        assertThat(scored.json().get("authorName").asString()).isEqualTo("Sam Recruiter");
        // Sent again by the same person in the same stage: replaced, not added.
        Map<String, Object> changed = new java.util.LinkedHashMap<>(card);
        changed.put("overall", 3);
        http().put("/api/v1/applications/" + id + "/scorecard", changed, bearer(recruiter));
        http().put(
                        "/api/v1/applications/" + id + "/scorecard",
                        map(
                                "ratings",
                                map("Skills", 2, "Experience", 3, "Communication", 4, "Motivation", 4),
                                "overall",
                                2),
                        bearer(admin));
        JsonNode cards = http().get("/api/v1/applications/" + id + "/scorecards", bearer(recruiter))
                .json();
        assertThat(cards.get("scorecards")).hasSize(2);
        assertThat(cards.get("averages").get("Skills").asDouble()).isEqualTo(3.0);
        assertThat(cards.get("overall").asDouble()).isEqualTo(2.5);

        // Bad cards change nothing: a rating out of 1–4, a criterion the job does not have, no overall.
        for (Map<String, Object> bad : List.<Map<String, Object>>of(
                map("ratings", map("Skills", 5, "Experience", 3, "Communication", 3, "Motivation", 4), "overall", 3),
                map(
                        "ratings",
                        map("Skills", 4, "Experience", 3, "Communication", 3, "Motivation", 4, "Luck", 4),
                        "overall",
                        3),
                map("ratings", map("Skills", 4, "Experience", 3, "Communication", 3, "Motivation", 4)))) {
            assertThat(http().put("/api/v1/applications/" + id + "/scorecard", bad, bearer(recruiter))
                            .status())
                    .as(bad.toString())
                    .isEqualTo(400);
        }
        // A job's own criteria.
        TestHttp.Response criteria = http().put(
                        "/api/v1/applications/jobs/" + job + "/criteria",
                        List.of("Go", "On-call judgement"),
                        bearer(recruiter));
        assertThat(criteria.status()).as(criteria.body()).isEqualTo(200);
        assertThat(criteria.json().get("own").asBoolean()).isTrue();
        assertThat(http().put("/api/v1/applications/jobs/" + job + "/criteria", List.of("Go", "go"), bearer(recruiter))
                        .status())
                .isEqualTo(400);
        // Another organisation sees none of it.
        assertThat(http().get("/api/v1/applications/" + id + "/scorecards", bearer(otherOrg))
                        .status())
                .isEqualTo(404);
        assertThat(http().put("/api/v1/applications/" + id + "/scorecard", card, bearer(otherOrg))
                        .status())
                .isEqualTo(404);
        assertThat(http().get("/api/v1/applications/jobs/" + job + "/criteria", bearer(otherOrg))
                        .status())
                .isEqualTo(404);
    }

    @Test
    void aBulkMoveMovesAllOrNone() throws Exception {
        UUID job = job("Data Engineer");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(apply(
                    resume(
                            UUID.randomUUID(),
                            "Person " + i,
                            "p" + i + "." + UUID.randomUUID() + "@example.org",
                            "Hamburg",
                            List.of("SQL")),
                    job));
        }
        UUID rejected = stage(recruiter, "Rejected");
        List<Object> withStranger = new ArrayList<>(ids);
        withStranger.add(UUID.randomUUID());
        TestHttp.Response refused = http().post(
                        "/api/v1/applications/move",
                        map("applicationIds", withStranger, "stageId", rejected, "reason", "Skills do not match"),
                        bearer(recruiter));
        assertThat(refused.status()).isEqualTo(404);
        assertThat(columns(job)).containsEntry("Applied", 3L).containsEntry("Rejected", 0L);

        TestHttp.Response moved = http().post(
                        "/api/v1/applications/move",
                        map("applicationIds", ids, "stageId", rejected, "reason", "Skills do not match"),
                        bearer(recruiter));
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        assertThat(moved.json().get("moved")).hasSize(3);
        assertThat(columns(job)).containsEntry("Applied", 0L).containsEntry("Rejected", 3L);
    }

    @Test
    void anAdminEditsTheStagesAndAStageInUseIsNotRemoved() throws Exception {
        JsonNode stages =
                http().get("/api/v1/applications/stages", bearer(admin)).json();
        List<Object> list = new ArrayList<>();
        for (JsonNode s : stages.get("stages")) {
            String name = s.get("name").asString();
            list.add(map(
                    "id",
                    s.get("id").asString(),
                    "name",
                    name.equals("Screening") ? "Phone screen" : name,
                    "category",
                    s.get("category").asString()));
            if (name.equals("Screening")) {
                list.add(map("name", "Technical test", "category", "INTERVIEW"));
            }
        }
        Map<String, Object> update = map("stages", list, "rejectionReasons", List.of("Too junior", "No work permit"));
        assertThat(http().put("/api/v1/applications/stages", update, bearer(recruiter))
                        .status())
                .isEqualTo(403);
        TestHttp.Response saved = http().put("/api/v1/applications/stages", update, bearer(admin));
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        assertThat(saved.json().get("stages").toString()).contains("Phone screen", "Technical test");
        assertThat(saved.json().get("rejectionReasons").toString()).contains("Too junior");

        UUID candidate = resume(
                UUID.randomUUID(),
                "Dana Levi",
                "dana." + UUID.randomUUID() + "@example.org",
                "Tel Aviv",
                List.of("React"));
        String id = apply(candidate, job("Frontend Engineer"));
        UUID test = stage(admin, "Technical test");
        assertThat(move(id, map("stageId", test)).status()).isEqualTo(200);
        List<Object> without = new ArrayList<>(list);
        without.removeIf(s -> "Technical test".equals(((Map<?, ?>) s).get("name")));
        TestHttp.Response inUse = http().put(
                        "/api/v1/applications/stages",
                        map("stages", without, "rejectionReasons", List.of("Too junior")),
                        bearer(admin));
        assertThat(inUse.status()).isEqualTo(409);
        assertThat(stage(admin, "Technical test")).isEqualTo(test);

        for (Map<String, Object> bad : List.<Map<String, Object>>of(
                map("stages", List.of(), "rejectionReasons", List.of("x")),
                map("stages", List.of(map("name", "Only", "category", "APPLIED")), "rejectionReasons", List.of("x")),
                map("stages", list, "rejectionReasons", List.of()))) {
            assertThat(http().put("/api/v1/applications/stages", bad, bearer(admin))
                            .status())
                    .as(bad.toString())
                    .isEqualTo(400);
        }
    }

    @Test
    void correctionsAreKeptBesideTheParsedValueNotesMentionColleaguesAndDuplicatesMergeAndSplit() throws Exception {
        UUID resumeA = UUID.randomUUID();
        UUID eve = resume(resumeA, "Eve Adams", "eve." + UUID.randomUUID() + "@example.org", "Leeds", List.of("C#"));
        UUID resumeB = UUID.randomUUID();
        UUID eve2 = resume(
                resumeB, "Eve  Adams", "eve.private." + UUID.randomUUID() + "@example.org", "Leeds", List.of("Azure"));
        assertThat(eve2).isNotEqualTo(eve);

        TestHttp.Response corrected =
                http().patch("/api/v1/candidates/" + eve, map("name", "Eve Adams-Smith"), bearer(recruiter));
        assertThat(corrected.status()).as(corrected.body()).isEqualTo(200);
        assertThat(corrected.json().get("name").asString()).isEqualTo("Eve Adams-Smith");
        assertThat(corrected.json().get("fields").get("name").get("parsed").asString())
                .isEqualTo("Eve Adams");
        assertThat(jdbc.sql("SELECT parsed_value || ' -> ' || corrected_value FROM candidate_correction"
                                + " WHERE candidate_id = :id")
                        .param("id", eve)
                        .query(String.class)
                        .list())
                .containsExactly("Eve Adams -> Eve Adams-Smith");
        assertThat(http().patch("/api/v1/candidates/" + eve, map("email", "not-an-email"), bearer(recruiter))
                        .status())
                .isEqualTo(400);
        // An empty value takes a correction back: the parsed value shows again (nothing is erased).
        TestHttp.Response back = http().patch("/api/v1/candidates/" + eve, map("name", " "), bearer(recruiter));
        assertThat(back.json().get("name").asString()).isEqualTo("Eve Adams");
        assertThat(back.json().get("fields").get("name").get("correctedBy").isNull())
                .isTrue();
        assertThat(http().patch("/api/v1/candidates/" + eve, map("email", ""), bearer(recruiter))
                        .json()
                        .get("email")
                        .asString())
                .startsWith("eve.");
        corrected = http().patch("/api/v1/candidates/" + eve, map("name", "Eve Adams-Smith"), bearer(recruiter));
        assertThat(TestKafka.read(CandidateUpdated.TOPIC, r -> r.key().equals(eve.toString()), 1)
                        .getFirst()
                        .value())
                .contains("\"name\"")
                .doesNotContain("Adams");

        UUID colleague = UUID.randomUUID();
        SERVICES.stubFor(get(urlPathEqualTo("/api/v1/users/colleagues"))
                .willReturn(okJson("[{\"id\":\"%s\",\"name\":\"Kim Colleague\"}]".formatted(colleague))));
        assertThat(http().post(
                                "/api/v1/candidates/" + eve + "/notes",
                                map("text", "Who is this?", "mentions", List.of(UUID.randomUUID())),
                                bearer(recruiter))
                        .status())
                .isEqualTo(400);
        TestHttp.Response note = http().post(
                        "/api/v1/candidates/" + eve + "/notes",
                        map("text", "Strong on C#, ask about Azure.", "mentions", List.of(colleague)),
                        bearer(recruiter));
        assertThat(note.status()).as(note.body()).isEqualTo(201);
        assertThat(note.json().get("authorName").asString()).isEqualTo("Sam Recruiter");
        assertThat(TestKafka.read(NoteAdded.TOPIC, r -> r.key().equals(eve.toString()), 1)
                        .getFirst()
                        .value())
                .contains(colleague.toString())
                .doesNotContain("Azure");
        assertThat(http().post("/api/v1/candidates/" + eve + "/notes", map("text", " "), bearer(recruiter))
                        .status())
                .isEqualTo(400);
        assertThat(http().get("/api/v1/candidates/" + eve + "/notes", bearer(otherOrg))
                        .status())
                .isEqualTo(404);

        // The two records are one person: merged, the duplicate's resume and applications come along.
        UUID job = job("Cloud Engineer");
        apply(eve2, job);
        TestHttp.Response merged =
                http().post("/api/v1/candidates/" + eve + "/merge", map("candidateId", eve2), bearer(recruiter));
        assertThat(merged.status()).as(merged.body()).isEqualTo(200);
        assertThat(merged.json().get("resumes")).hasSize(2);
        assertThat(merged.json().get("applications")).hasSize(1);
        assertThat(merged.json().get("name").asString()).isEqualTo("Eve Adams-Smith");
        assertThat(http().get("/api/v1/candidates/" + eve2, bearer(recruiter))
                        .json()
                        .get("id")
                        .asString())
                .isEqualTo(eve.toString());
        assertThat(names(http().get("/api/v1/candidates?q=eve", bearer(recruiter))))
                .containsExactly("Eve Adams-Smith");

        // A later parse of the merged resume stays with the survivor.
        resume(resumeB, "Eve Adams", "eve.private2." + UUID.randomUUID() + "@example.org", "Leeds", List.of("Azure"));
        assertThat(http().get("/api/v1/candidates/" + eve, bearer(recruiter))
                        .json()
                        .get("resumes"))
                .hasSize(2);

        TestHttp.Response split =
                http().post("/api/v1/candidates/" + eve + "/split", map("resumeId", resumeB), bearer(recruiter));
        assertThat(split.status()).as(split.body()).isEqualTo(201);
        assertThat(split.json().get("resumes")).hasSize(1);
        assertThat(http().get("/api/v1/candidates/" + eve, bearer(recruiter))
                        .json()
                        .get("resumes"))
                .hasSize(1);

        // A deleted resume no longer speaks for its person; the record stays with its applications.
        publish(ResumeDeleted.TOPIC, resumeA.toString(), new ResumeDeleted(resumeA, org, Instant.now()));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> http().get("/api/v1/candidates/" + eve, bearer(recruiter))
                        .json()
                        .get("resumes")
                        .isEmpty());
    }

    @Test
    void anyoneAppliesOnTheCareerSiteAndTheApplicationIsInAppliedWithConsentAndAConfirmation() throws Exception {
        UUID job = job("Warehouse Lead");
        UUID resumeId = UUID.randomUUID();
        SERVICES.stubFor(post(urlPathEqualTo("/api/v1/resumes/upload"))
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing("Warehouse lead CV"))
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse()
                        .withStatus(202)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"id\":\"%s\",\"status\":\"RECEIVED\",\"duplicate\":false}".formatted(resumeId))));
        SERVICES.stubFor(post(urlPathEqualTo("/api/v1/resumes/upload"))
                // Matched on the file's content, not "MZ": a random multipart boundary can hold "MZ", and
                // then another test's upload (the stubs are shared) was refused as hostile.
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing("MZ hostile payload"))
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse()
                        .withStatus(415)
                        .withHeader("Content-Type", "application/problem+json")
                        .withBody("{\"type\":\"https://openhire.dev/problems/unsupported-document-type\","
                                + "\"title\":\"Unsupported Media Type\",\"status\":415,"
                                + "\"detail\":\"The file is not a resume format.\"}")));
        SERVICES.stubFor(get(urlPathEqualTo("/api/v1/jobs/optimized"))
                .willReturn(okJson(
                        "{\"jobId\":\"%s\",\"score\":70,\"jsonLd\":{\"@context\":\"https://schema.org/\",\"@type\":\"JobPosting\",\"title\":\"Warehouse Lead\"}}"
                                .formatted(job))));
        SERVICES.stubFor(post(urlPathEqualTo("/api/v1/communications/send"))
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse()
                        .withStatus(202)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"messageId\":\"%s\",\"status\":\"QUEUED\"}".formatted(UUID.randomUUID()))));

        TestHttp.Response asked = http().put(
                        "/api/v1/applications/jobs/" + job + "/questions",
                        List.of(
                                map("question", "Do you hold a forklift licence?", "required", true),
                                map("question", "Anything else?", "required", false)),
                        bearer(recruiter));
        assertThat(asked.status()).as(asked.body()).isEqualTo(200);
        assertThat(http().put(
                                "/api/v1/applications/jobs/" + job + "/questions",
                                List.of(map("question", "two\nlines", "required", false)),
                                bearer(recruiter))
                        .status())
                .isEqualTo(400);
        TestHttp.Response site = http().get("/api/v1/careers/" + org + "?q=warehouse");
        assertThat(site.status()).as(site.body()).isEqualTo(200);
        assertThat(site.json().get("jobs").toString()).contains("Warehouse Lead");
        assertThat(http().get("/api/v1/careers/" + org + "?q=nurse").json().get("jobs"))
                .isEmpty();
        TestHttp.Response posting = http().get("/api/v1/careers/" + org + "/jobs/" + job);
        assertThat(posting.status()).as(posting.body()).isEqualTo(200);
        assertThat(posting.json().get("jsonLd").path("@type").asString())
                .as(posting.body())
                .isEqualTo("JobPosting");
        int notice = posting.json().get("privacyNotice").get("version").asInt();
        // another organisation's address for the same job: nothing there
        assertThat(http().get("/api/v1/careers/" + UUID.randomUUID() + "/jobs/" + job)
                        .status())
                .isEqualTo(404);

        String email = "mia." + UUID.randomUUID() + "@example.org";
        List<TestHttp.Part> form = new ArrayList<>(List.of(
                TestHttp.Part.field("name", "Mia Novak"),
                TestHttp.Part.field("email", email),
                TestHttp.Part.field("phone", "+49 151 2345678"),
                TestHttp.Part.field("consent", "true"),
                TestHttp.Part.field("noticeVersion", String.valueOf(notice)),
                TestHttp.Part.file(
                        "resume",
                        "mia.pdf",
                        "application/pdf",
                        "%PDF-1.4 Warehouse lead CV".getBytes(StandardCharsets.UTF_8))));
        String apply = "/api/v1/careers/" + org + "/jobs/" + job + "/applications";
        assertThat(posting.json().get("questions").get(0).get("required").asBoolean())
                .isTrue();
        // The required question unanswered: refused, nothing stored.
        List<TestHttp.Part> unanswered = new ArrayList<>(form);
        unanswered.add(TestHttp.Part.field("answers", " "));
        assertThat(http().postMultipart(apply, unanswered).status()).isEqualTo(400);
        form.add(TestHttp.Part.field("answers", "Yes, since 2019."));
        form.add(TestHttp.Part.field("answers", ""));

        // A form of text files only (as the authorisation matrix sends it): a 400, not a 500.
        TestHttp.Response files = http().postMultipart(
                        apply,
                        List.of(TestHttp.Part.file(
                                "name", "name.txt", "text/plain", "Matrix".getBytes(StandardCharsets.UTF_8))));
        assertThat(files.status()).as(files.body()).isEqualTo(400);
        // Refused, nothing stored: no consent; a changed notice; a hostile file (resume-ingestion's answer).
        List<TestHttp.Part> noConsent = new ArrayList<>(form);
        noConsent.set(3, TestHttp.Part.field("consent", "false"));
        assertThat(http().postMultipart(apply, noConsent).status()).isEqualTo(400);
        List<TestHttp.Part> oldNotice = new ArrayList<>(form);
        oldNotice.set(4, TestHttp.Part.field("noticeVersion", "99"));
        TestHttp.Response changedNotice = http().postMultipart(apply, oldNotice);
        assertThat(changedNotice.status()).as(changedNotice.body()).isEqualTo(409);
        List<TestHttp.Part> exe = new ArrayList<>(form);
        exe.set(
                5,
                TestHttp.Part.file(
                        "resume",
                        "cv.exe",
                        "application/octet-stream",
                        "MZ hostile payload".getBytes(StandardCharsets.UTF_8)));
        TestHttp.Response hostile = http().postMultipart(apply, exe);
        assertThat(hostile.status()).isEqualTo(415);
        assertThat(hostile.body()).contains("not a resume format");
        // A bot fills the hidden field: told the same, nothing stored.
        List<TestHttp.Part> bot = new ArrayList<>(form);
        bot.add(TestHttp.Part.field("website", "http://spam.example"));
        assertThat(http().postMultipart(apply, bot).status()).isEqualTo(202);
        assertThat(columns(job)).containsEntry("Applied", 0L);

        TestHttp.Response applied = http().postMultipart(apply, form);
        assertThat(applied.status()).as(applied.body()).isEqualTo(202);
        assertThat(columns(job)).containsEntry("Applied", 1L);
        TestHttp.Response again = http().postMultipart(apply, form);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body()).contains("applied for this job already");

        UUID candidate = jdbc.sql("SELECT candidate_id FROM candidate_resume WHERE resume_id = :id")
                .param("id", resumeId)
                .query(UUID.class)
                .single();
        JsonNode person =
                http().get("/api/v1/candidates/" + candidate, bearer(recruiter)).json();
        assertThat(person.get("name").asString()).isEqualTo("Mia Novak");
        assertThat(person.get("applications").get(0).get("source").asString()).isEqualTo("CAREER_SITE");
        assertThat(person.get("applications").get(0).get("answers").toString())
                .contains("Do you hold a forklift licence?", "Yes, since 2019.")
                .doesNotContain("Anything else?");
        assertThat(jdbc.sql("SELECT notice_version || ' ' || source FROM consent WHERE candidate_id = :id")
                        .param("id", candidate)
                        .query(String.class)
                        .single())
                .isEqualTo(notice + " CAREER_SITE");
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> SERVICES.verify(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(
                                urlPathEqualTo("/api/v1/communications/send"))
                        .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing(email))
                        .withRequestBody(
                                com.github.tomakehurst.wiremock.client.WireMock.containing("Warehouse Lead"))));

        // Through a job board's link: the source and its tracking token travel with the application.
        UUID second = job("Warehouse Night Lead");
        List<TestHttp.Part> viaBoard = new ArrayList<>(form.subList(0, 6)); // that job asks no questions
        viaBoard.add(TestHttp.Part.field("via", "jobindex"));
        viaBoard.add(TestHttp.Part.field("ref", "cmp-42.x"));
        TestHttp.Response tracked =
                http().postMultipart("/api/v1/careers/" + org + "/jobs/" + second + "/applications", viaBoard);
        assertThat(tracked.status()).as(tracked.body()).isEqualTo(202);
        JsonNode boardApplication = http().get("/api/v1/applications?jobId=" + second, bearer(recruiter))
                .json()
                .get("applications")
                .get(0);
        assertThat(boardApplication.get("source").asString()).isEqualTo("JOB_BOARD");
        assertThat(boardApplication.get("sourceDetail").asString()).isEqualTo("jobindex:cmp-42.x");
        List<TestHttp.Part> badRef = new ArrayList<>(form.subList(0, 6));
        badRef.add(TestHttp.Part.field("via", "<script>"));
        assertThat(http().postMultipart("/api/v1/careers/" + org + "/jobs/" + second + "/applications", badRef)
                        .status())
                .isEqualTo(400);

        // The resume's parse later lands on the same person; what they typed stays what is shown.
        resume(resumeId, "M. Novak", "other-" + email, "Prague", List.of("Forklift"));
        // (the resume was filed at the application: wait for the parse itself)
        await().atMost(Duration.ofSeconds(30))
                .until(() -> http().get("/api/v1/candidates/" + candidate, bearer(recruiter))
                        .json()
                        .get("skills")
                        .toString()
                        .contains("Forklift"));
        JsonNode parsed =
                http().get("/api/v1/candidates/" + candidate, bearer(recruiter)).json();
        assertThat(parsed.get("name").asString()).isEqualTo("Mia Novak");
        assertThat(parsed.get("fields").get("name").get("parsed").asString()).isEqualTo("M. Novak");
        assertThat(parsed.get("skills").toString()).contains("Forklift");
    }

    static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder accepted(String json) {
        return com.github.tomakehurst.wiremock.client.WireMock.aResponse()
                .withStatus(202)
                .withHeader("Content-Type", "application/json")
                .withBody(json);
    }

    String applicationOf(UUID candidate, UUID job) {
        return jdbc.sql("SELECT id::text FROM application WHERE candidate_id = :c AND job_id = :j")
                .param("c", candidate)
                .param("j", job)
                .query(String.class)
                .single();
    }

    @Test
    void aCandidateSignsInByLinkAndSeesCorrectsDownloadsAndWithdrawsOnlyTheirOwn() throws Exception {
        UUID job = job("Portal Engineer");
        UUID otherJob = job("Portal Architect");
        String annEmail = "ann." + UUID.randomUUID() + "@example.org";
        String bobEmail = "bob." + UUID.randomUUID() + "@example.org";
        UUID annResume = UUID.randomUUID();
        UUID ann = resume(annResume, "Ann Portal", annEmail, "Berlin", List.of("Java"));
        UUID bob = resume(UUID.randomUUID(), "Bob Portal", bobEmail, "Hamburg", List.of("Go"));
        String annApplication = apply(ann, job);
        String annOther = apply(ann, otherJob);
        String bobApplication = apply(bob, job);
        UUID annUser = UUID.randomUUID();
        SERVICES.stubFor(post(urlPathEqualTo("/api/v1/users/sign-in-links"))
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing(annEmail))
                .willReturn(okJson("{\"userId\":\"%s\",\"token\":\"ohl_for-ann\",\"expiresAt\":\"%s\"}"
                        .formatted(annUser, Instant.now().plusSeconds(1800)))));
        SERVICES.stubFor(post(urlPathEqualTo("/api/v1/communications/send"))
                .willReturn(accepted("{\"messageId\":\"%s\",\"status\":\"QUEUED\"}".formatted(UUID.randomUUID()))));

        // Asking for a link: the same answer for a known and an unknown address; a bad one is a 400.
        String signIn = "/api/v1/careers/" + org + "/sign-in";
        TestHttp.Response known = http().post(signIn, map("email", annEmail.toUpperCase()));
        assertThat(known.status()).as(known.body()).isEqualTo(202);
        TestHttp.Response unknown = http().post(signIn, map("email", "nobody@example.org"));
        assertThat(unknown.status()).isEqualTo(202);
        assertThat(unknown.body()).isEqualTo(known.body());
        assertThat(http().post(signIn, map("email", "not an address")).status()).isEqualTo(400);
        assertThat(jdbc.sql("SELECT count(*) FROM sign_in_request WHERE organization_id = :org")
                        .param("org", org)
                        .query(Long.class)
                        .single())
                .isEqualTo(1L);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> SERVICES.verify(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(
                                urlPathEqualTo("/api/v1/communications/send"))
                        .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing(annEmail))
                        .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing(
                                "/portal/sign-in?token=ohl_for-ann"))));

        String annToken = TOKENS.token(annUser, org, "CANDIDATE");
        TestHttp.Response me = http().get("/api/v1/portal/me", bearer(annToken));
        assertThat(me.status()).as(me.body()).isEqualTo(200);
        assertThat(me.json().get("candidateId").asString()).isEqualTo(ann.toString());
        assertThat(me.json().get("applications")).hasSize(2);
        assertThat(me.json().get("applications").get(0).get("stageName").asString())
                .isEqualTo("Applied");
        assertThat(me.body()).doesNotContain(bobEmail, "Bob Portal");
        // No one else opens a record here: a candidate account without one, another organisation's, staff.
        assertThat(http().get("/api/v1/portal/me", bearer(candidateUser)).status())
                .isEqualTo(404);
        assertThat(http().get("/api/v1/portal/me", bearer(TOKENS.token(annUser, UUID.randomUUID(), "CANDIDATE")))
                        .status())
                .isEqualTo(404);
        assertThat(http().get("/api/v1/portal/me", bearer(recruiter)).status()).isEqualTo(403);
        // …and the candidate reaches no staff API.
        assertThat(http().get("/api/v1/candidates/" + ann, bearer(annToken)).status())
                .isEqualTo(403);

        // The parse receipt: a correction is kept beside what was read; a bad value changes nothing.
        TestHttp.Response corrected =
                http().patch("/api/v1/portal/me", map("currentTitle", "Staff Engineer"), bearer(annToken));
        assertThat(corrected.status()).as(corrected.body()).isEqualTo(200);
        JsonNode title = corrected.json().get("fields").get("currentTitle");
        assertThat(title.get("value").asString()).isEqualTo("Staff Engineer");
        assertThat(title.get("parsed").asString()).isEqualTo("Senior Java Developer");
        assertThat(title.get("correctedBy").asString()).isEqualTo("candidate");
        assertThat(http().patch("/api/v1/portal/me", map("email", "nope"), bearer(annToken))
                        .status())
                .isEqualTo(400);
        assertThat(http().get("/api/v1/candidates/" + ann, bearer(recruiter))
                        .json()
                        .get("email")
                        .asString())
                .isEqualTo(annEmail);

        // Someone else's application: not found, and it stays where it is.
        assertThat(http().post("/api/v1/portal/applications/" + bobApplication + "/withdraw", null, bearer(annToken))
                        .status())
                .isEqualTo(404);
        assertThat(columns(job)).containsEntry("Applied", 2L);

        // The data download: the record, the corrections, the applications and the resume as sent.
        SERVICES.stubFor(get(urlPathEqualTo("/api/v1/resumes/" + annResume + "/original"))
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/pdf")
                        .withHeader("Content-Disposition", "attachment; filename=\"../ann cv.pdf\"")
                        .withBody("%PDF-1.4 Ann's own resume".getBytes(StandardCharsets.UTF_8))));
        byte[] export = http().getBytes("/api/v1/portal/export", bearer(annToken));
        Map<String, String> files = new java.util.LinkedHashMap<>();
        try (var zip = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(export))) {
            for (var entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                files.put(entry.getName(), new String(zip.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        assertThat(files).containsKeys("my-data.json", "resumes/1-ann cv.pdf");
        assertThat(files.get("resumes/1-ann cv.pdf")).contains("Ann's own resume");
        assertThat(files.get("my-data.json"))
                .contains("Staff Engineer", "Senior Java Developer", "Portal Engineer", annEmail)
                .doesNotContain(bobEmail, "user:");

        // A new resume from the portal: stored by resume-ingestion (its refusals passed on), filed under her.
        UUID newResume = UUID.randomUUID();
        SERVICES.stubFor(post(urlPathEqualTo("/api/v1/resumes/upload"))
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing("Ann's newer resume"))
                .willReturn(
                        accepted("{\"id\":\"%s\",\"status\":\"RECEIVED\",\"duplicate\":false}".formatted(newResume))));
        SERVICES.stubFor(post(urlPathEqualTo("/api/v1/resumes/upload"))
                // Matched on the file's content, not "MZ": a random multipart boundary can hold "MZ", and
                // then another test's upload (the stubs are shared) was refused as hostile.
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing("MZ hostile payload"))
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse()
                        .withStatus(415)
                        .withHeader("Content-Type", "application/problem+json")
                        .withBody("{\"title\":\"Unsupported Media Type\",\"status\":415,"
                                + "\"detail\":\"The file is not a resume format.\"}")));
        TestHttp.Response refused = http().postMultipart(
                        "/api/v1/portal/resumes",
                        List.of(TestHttp.Part.file(
                                "file",
                                "cv.exe",
                                "application/octet-stream",
                                "MZ hostile payload".getBytes(StandardCharsets.UTF_8))),
                        bearer(annToken));
        assertThat(refused.status()).isEqualTo(415);
        assertThat(refused.body()).contains("not a resume format");
        TestHttp.Response sent = http().postMultipart(
                        "/api/v1/portal/resumes",
                        List.of(TestHttp.Part.file(
                                "file",
                                "ann-2026.pdf",
                                "application/pdf",
                                "%PDF-1.4 Ann's newer resume".getBytes(StandardCharsets.UTF_8))),
                        bearer(annToken));
        assertThat(sent.status()).as(sent.body()).isEqualTo(200);
        assertThat(sent.json().get("resumes").toString()).contains(newResume.toString());
        assertThat(jdbc.sql("SELECT candidate_id FROM candidate_resume WHERE resume_id = :id")
                        .param("id", newResume)
                        .query(UUID.class)
                        .single())
                .isEqualTo(ann);

        // Withdrawing one application, then consent: every open application goes with it.
        TestHttp.Response withdrawn =
                http().post("/api/v1/portal/applications/" + annApplication + "/withdraw", null, bearer(annToken));
        assertThat(withdrawn.status()).as(withdrawn.body()).isEqualTo(200);
        assertThat(http().get("/api/v1/applications/" + annApplication, bearer(recruiter))
                        .json()
                        .get("stageName")
                        .asString())
                .isEqualTo("Withdrawn");
        TestHttp.Response noConsent = http().post("/api/v1/portal/consent/withdraw", null, bearer(annToken));
        assertThat(noConsent.status()).as(noConsent.body()).isEqualTo(200);
        assertThat(http().get("/api/v1/applications/" + annOther, bearer(recruiter))
                        .json()
                        .get("stageName")
                        .asString())
                .isEqualTo("Withdrawn");
        assertThat(http().get("/api/v1/applications/" + bobApplication, bearer(recruiter))
                        .json()
                        .get("stageName")
                        .asString())
                .isEqualTo("Applied");
    }

    @Test
    void aClientSeesOnlyTheirCompanysJobsAndTheCandidatesSharedBlindAndTheirFeedbackLandsOnTheApplication()
            throws Exception {
        UUID acmeUser = UUID.randomUUID();
        UUID globexUser = UUID.randomUUID();
        UUID recruiterUser = UUID.randomUUID();
        for (UUID user : List.of(acmeUser, globexUser)) {
            SERVICES.stubFor(get(urlPathEqualTo("/api/v1/users/" + user))
                    .willReturn(okJson(
                            "{\"id\":\"%s\",\"email\":\"c@client.test\",\"name\":\"Cleo Client\",\"role\":\"CLIENT\"}"
                                    .formatted(user))));
        }
        SERVICES.stubFor(get(urlPathEqualTo("/api/v1/users/" + recruiterUser))
                .willReturn(okJson("{\"id\":\"%s\",\"email\":\"r@acme.test\",\"name\":\"Rae\",\"role\":\"RECRUITER\"}"
                        .formatted(recruiterUser))));

        // Admins keep the clients: a recruiter may not; a name is needed, once.
        assertThat(http().post("/api/v1/clients", map("name", "Acme Corp"), bearer(recruiter))
                        .status())
                .isEqualTo(403);
        assertThat(http().post("/api/v1/clients", map("name", " "), bearer(admin))
                        .status())
                .isEqualTo(400);
        TestHttp.Response acme = http().post("/api/v1/clients", map("name", "Acme Corp"), bearer(admin));
        assertThat(acme.status()).as(acme.body()).isEqualTo(201);
        assertThat(http().post("/api/v1/clients", map("name", "acme corp"), bearer(admin))
                        .status())
                .isEqualTo(409);
        String acmeId = acme.json().get("id").asString();
        String globexId = http().post("/api/v1/clients", map("name", "Globex"), bearer(admin))
                .json()
                .get("id")
                .asString();
        assertThat(http().post("/api/v1/clients/" + acmeId + "/members", map("userId", recruiterUser), bearer(admin))
                        .status())
                .as("only CLIENT users belong to a client")
                .isEqualTo(400);
        assertThat(http().post("/api/v1/clients/" + acmeId + "/members", map("userId", acmeUser), bearer(admin))
                        .status())
                .isEqualTo(200);
        assertThat(http().post("/api/v1/clients/" + globexId + "/members", map("userId", globexUser), bearer(admin))
                        .status())
                .isEqualTo(200);
        assertThat(http().get("/api/v1/clients/" + acmeId, bearer(otherOrg)).status())
                .isEqualTo(404);

        UUID acmeJob = job("Acme Backend Engineer");
        UUID globexJob = job("Globex Analyst");
        UUID inHouse = job("In-house Recruiter");
        String annEmail = "ann." + UUID.randomUUID() + "@example.org";
        UUID ann = resume(UUID.randomUUID(), "Ann Shared", annEmail, "Berlin", List.of("Java"));
        UUID bob = resume(
                UUID.randomUUID(), "Bob Shared", "bob." + UUID.randomUUID() + "@example.org", "Kiel", List.of("Go"));
        String annAtAcme = apply(ann, acmeJob);
        String bobAtAcme = apply(bob, acmeJob);
        String annAtGlobex = apply(ann, globexJob);
        String annInHouse = apply(ann, inHouse);
        assertThat(http().put(
                                "/api/v1/applications/jobs/" + acmeJob + "/client",
                                map("clientId", acmeId),
                                bearer(recruiter))
                        .status())
                .isEqualTo(200);
        assertThat(http().put(
                                "/api/v1/applications/jobs/" + globexJob + "/client",
                                map("clientId", globexId),
                                bearer(recruiter))
                        .status())
                .isEqualTo(200);
        assertThat(http().put(
                                "/api/v1/applications/jobs/" + inHouse + "/client",
                                map("clientId", UUID.randomUUID()),
                                bearer(recruiter))
                        .status())
                .isEqualTo(404);
        TestHttp.Response noClient =
                http().put("/api/v1/applications/" + annInHouse + "/share", map("revealed", false), bearer(recruiter));
        assertThat(noClient.status()).isEqualTo(409);
        assertThat(http().put("/api/v1/applications/" + annAtAcme + "/share", map("revealed", false), bearer(recruiter))
                        .status())
                .isEqualTo(200);
        assertThat(http().put("/api/v1/applications/" + bobAtAcme + "/share", map("revealed", true), bearer(recruiter))
                        .status())
                .isEqualTo(200);
        assertThat(http().put("/api/v1/applications/" + annAtGlobex + "/share", map(), bearer(recruiter))
                        .status())
                .isEqualTo(200);

        String acmeClient = TOKENS.token(acmeUser, org, "CLIENT");
        TestHttp.Response jobs = http().get("/api/v1/client-portal/jobs", bearer(acmeClient));
        assertThat(jobs.status()).as(jobs.body()).isEqualTo(200);
        assertThat(jobs.json()).hasSize(1);
        assertThat(jobs.json().get(0).get("title").asString()).isEqualTo("Acme Backend Engineer");
        assertThat(jobs.json().get(0).get("shared").asLong()).isEqualTo(2);
        assertThat(http().get("/api/v1/client-portal/jobs/" + globexJob, bearer(acmeClient))
                        .status())
                .isEqualTo(404);
        assertThat(http().get("/api/v1/client-portal/jobs/" + inHouse, bearer(acmeClient))
                        .status())
                .isEqualTo(404);
        TestHttp.Response shortlist = http().get("/api/v1/client-portal/jobs/" + acmeJob, bearer(acmeClient));
        assertThat(shortlist.status()).as(shortlist.body()).isEqualTo(200);
        JsonNode blind = shortlist.json().get("candidates").get(0);
        String label = blind.get("label").asString();
        assertThat(label).isEqualTo("Candidate " + annAtAcme.substring(0, 4).toUpperCase());
        assertThat(blind.path("name").isNull() || blind.path("name").isMissingNode())
                .isTrue();
        assertThat(blind.path("currentTitle").isNull()
                        || blind.path("currentTitle").isMissingNode())
                .as("a parsed title can name an employer and a city")
                .isTrue();
        assertThat(blind.get("skills").toString()).contains("Java");
        assertThat(shortlist.json().get("candidates").get(1).get("name").asString())
                .isEqualTo("Bob Shared");
        // Blind means no name, no contact, no place of a blind candidate anywhere in the answer.
        assertThat(shortlist.body()).doesNotContain("Ann Shared", annEmail, "+49 30", "Berlin");
        // A client never reaches the staff's APIs, nor another company's shortlist.
        assertThat(http().get("/api/v1/candidates/" + ann, bearer(acmeClient)).status())
                .isEqualTo(403);
        assertThat(http().get("/api/v1/clients", bearer(acmeClient)).status()).isEqualTo(403);
        String globexClient = TOKENS.token(globexUser, org, "CLIENT");
        assertThat(http().get("/api/v1/client-portal/jobs/" + acmeJob, bearer(globexClient))
                        .status())
                .isEqualTo(404);
        assertThat(http().get("/api/v1/client-portal/jobs", bearer(client)).json())
                .as("a client user in no company sees no job")
                .isEmpty();

        // Feedback: checked, kept, and written on the application for the recruiter.
        String feedback = "/api/v1/client-portal/applications/" + annAtAcme + "/feedback";
        assertThat(http().post(feedback, map("verdict", "MAYBE"), bearer(acmeClient))
                        .status())
                .isEqualTo(400);
        assertThat(http().post(feedback, map(), bearer(acmeClient)).status()).isEqualTo(400);
        assertThat(http().post(
                                "/api/v1/client-portal/applications/" + annAtGlobex + "/feedback",
                                map("verdict", "UP"),
                                bearer(acmeClient))
                        .status())
                .isEqualTo(404);
        TestHttp.Response given = http().post(
                        feedback,
                        map("verdict", "up", "comment", "Strong on distributed systems.", "requestInterview", true),
                        bearer(acmeClient));
        assertThat(given.status()).as(given.body()).isEqualTo(201);
        JsonNode share = http().get("/api/v1/applications/" + annAtAcme + "/share", bearer(recruiter))
                .json();
        assertThat(share.get("shared").asBoolean()).isTrue();
        assertThat(share.get("feedback").get(0).get("verdict").asString()).isEqualTo("UP");
        assertThat(share.get("feedback").get(0).get("interviewRequested").asBoolean())
                .isTrue();
        assertThat(http().get("/api/v1/candidates/" + ann + "/notes", bearer(recruiter))
                        .body())
                .contains("Client feedback: thumbs up; asks for an interview. Strong on distributed systems.")
                .contains("(Acme Corp)");

        // Taking a share back and giving it again does not rename anyone.
        http().delete("/api/v1/applications/" + bobAtAcme + "/share", bearer(recruiter));
        http().put("/api/v1/applications/" + bobAtAcme + "/share", map("revealed", true), bearer(recruiter));
        assertThat(http().get("/api/v1/client-portal/jobs/" + acmeJob, bearer(acmeClient))
                        .body())
                .contains(label);

        // The job run for another client from now on: what was shared with Acme is not shown to Globex (nor to
        // Acme, whose job it no longer is); linked back, Acme sees its shares again.
        assertThat(http().put(
                                "/api/v1/applications/jobs/" + acmeJob + "/client",
                                map("clientId", globexId),
                                bearer(recruiter))
                        .status())
                .isEqualTo(200);
        assertThat(http().get("/api/v1/client-portal/jobs/" + acmeJob, bearer(globexClient))
                        .json()
                        .get("candidates"))
                .isEmpty();
        assertThat(http().get("/api/v1/client-portal/jobs/" + acmeJob, bearer(acmeClient))
                        .status())
                .isEqualTo(404);
        assertThat(http().get("/api/v1/applications/" + annAtAcme + "/share", bearer(recruiter))
                        .json()
                        .get("shared")
                        .asBoolean())
                .isFalse();
        http().put("/api/v1/applications/jobs/" + acmeJob + "/client", map("clientId", acmeId), bearer(recruiter));
        assertThat(http().get("/api/v1/client-portal/jobs/" + acmeJob, bearer(acmeClient))
                        .json()
                        .get("candidates"))
                .hasSize(2);

        // No longer shared: gone from the client's shortlist.
        assertThat(http().delete("/api/v1/applications/" + annAtAcme + "/share", bearer(recruiter))
                        .status())
                .isEqualTo(200);
        assertThat(http().get("/api/v1/client-portal/jobs/" + acmeJob, bearer(acmeClient))
                        .json()
                        .get("candidates"))
                .hasSize(1);
    }

    TestHttp.Response move(String id, Map<String, Object> body) {
        return http().post("/api/v1/applications/" + id + "/move", body, bearer(recruiter));
    }

    Map<String, Long> columns(UUID job) {
        TestHttp.Response board = http().get("/api/v1/applications/board?jobId=" + job, bearer(recruiter));
        assertThat(board.status()).as(board.body()).isEqualTo(200);
        Map<String, Long> counts = new java.util.LinkedHashMap<>();
        for (JsonNode column : board.json().get("columns")) {
            counts.put(
                    column.get("stage").get("name").asString(),
                    column.get("count").asLong());
            assertThat(column.get("cards")).hasSize((int) column.get("count").asLong());
        }
        return counts;
    }

    static List<String> names(TestHttp.Response page) {
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        List<String> names = new ArrayList<>();
        page.json().get("candidates").forEach(c -> names.add(c.get("name").asString()));
        return names;
    }
}

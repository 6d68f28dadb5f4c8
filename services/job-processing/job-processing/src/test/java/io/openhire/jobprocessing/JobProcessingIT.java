package io.openhire.jobprocessing;

import static io.openhire.platform.test.TestHttp.bearer;
import static io.openhire.platform.test.TestHttp.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.openhire.jobingestion.events.JobIngested;
import io.openhire.jobprocessing.client.JobPosting;
import io.openhire.jobprocessing.events.JobOptimized;
import io.openhire.jobprocessing.models.ChampionSkillTagger;
import io.openhire.jobprocessing.report.GoogleJobPosting;
import io.openhire.platform.events.EventHeaders;
import io.openhire.platform.test.TestHttp;
import io.openhire.platform.test.TestInfrastructure;
import io.openhire.platform.test.TestKafka;
import io.openhire.platform.test.TestTokens;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Jobs as job-ingestion announces them, through the embedded Kafka, reviewed and re-announced. */
@SpringBootTest(
        classes = JobProcessingIT.App.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.application.name=job-processing")
class JobProcessingIT {

    static final TestTokens TOKENS = new TestTokens();

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(JobProcessingConfiguration.class)
    static class App {}

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "job_processing");
        registry.add("openhire.security.jwk-set-uri", TOKENS::jwkSetUri);
    }

    @AfterAll
    static void stop() {
        TOKENS.close();
    }

    @LocalServerPort
    int port;

    @Autowired
    JsonMapper json;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEventPublisher events;

    final UUID org = UUID.randomUUID();
    final String recruiter = TOKENS.token(UUID.randomUUID(), org, "RECRUITER");

    TestHttp http() {
        return new TestHttp("http://localhost:" + port);
    }

    static final String AD = """
            Initech is hiring a data engineer to build the streaming platform behind our payments products.
            You will join a team of eight and work closely with analysts and product managers.

            What you'll do
            - Design and run Kafka topics and Spark jobs written in Scala and Python
            - Own the data warehouse models in PostgreSQL and keep them documented
            - Review code and mentor other engineers

            Requirements
            - 5+ years of experience with distributed systems
            - Strong SQL and experience with cloud platforms such as AWS
            - We want a competitive, aggressive rockstar who dominates the market

            Nice to have
            - Airflow and Terraform
            - Experience with event sourcing is a plus

            Benefits
            - Health insurance, 401k and 30 days of paid leave
            - Remote Fridays
            """;

    JobIngested job(UUID id, int revision, String title, String description) {
        return new JobIngested(
                id,
                org,
                revision,
                "OPEN",
                null,
                title,
                "Initech",
                description,
                List.of(new JobIngested.Location("Austin", "Texas", "US", "Austin, TX")),
                "HYBRID",
                "FULL_TIME",
                "SENIOR",
                new JobIngested.Salary(new BigDecimal("120000"), new BigDecimal("140000"), "USD", "YEAR", false),
                Instant.parse("2026-11-20T09:00:00Z"),
                Instant.parse("2026-12-31T00:00:00Z"),
                "https://initech.example/jobs/42",
                "PUSH",
                null,
                Instant.now());
    }

    /** Sends job.ingested.v1 as job-ingestion would; returns the event id. */
    UUID publish(JobIngested job) throws Exception {
        UUID eventId = UUID.randomUUID();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                Map.of("bootstrap.servers", TestKafka.bootstrapServers()),
                new StringSerializer(),
                new StringSerializer())) {
            ProducerRecord<String, String> record =
                    new ProducerRecord<>(JobIngested.TOPIC, job.jobId().toString(), json.writeValueAsString(job));
            record.headers().add(EventHeaders.EVENT_ID, eventId.toString().getBytes(StandardCharsets.UTF_8));
            producer.send(record).get();
        }
        return eventId;
    }

    /** The listener has handled the event (committed, whatever it decided). */
    boolean handled(UUID eventId) {
        return jdbc.sql("SELECT count(*) FROM processed_event WHERE event_id = :id")
                        .param("id", eventId)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    @Test
    void anIngestedJobIsAnalysedReviewedAndAnnounced() throws Exception {
        UUID id = UUID.randomUUID();
        publish(job(id, 1, "Senior Data Engineer", AD));

        JobOptimized optimized = json.readValue(
                TestKafka.read(JobOptimized.TOPIC, r -> r.key().equals(id.toString()), 1)
                        .getFirst()
                        .value(),
                JobOptimized.class);
        assertThat(optimized.organizationId()).isEqualTo(org);
        assertThat(optimized.jobRevision()).isEqualTo(1);
        assertThat(optimized.minYearsExperience()).isEqualTo(5);
        assertThat(optimized.seniority()).isEqualTo("SENIOR");
        assertThat(optimized.requiredSkills())
                .extracting(JobOptimized.JobSkill::name)
                .contains("Apache Kafka", "Scala", "Python", "PostgreSQL", "SQL")
                .doesNotContain("Terraform");
        assertThat(optimized.niceToHaveSkills())
                .extracting(JobOptimized.JobSkill::name)
                .contains("Terraform", "event sourcing");
        assertThat(optimized.salary().min()).isEqualByComparingTo("120000");

        JsonNode report = http().get("/api/v1/jobs/optimized?jobId=" + id, bearer(recruiter))
                .json();
        assertThat(report.get("score").asInt()).isBetween(1, 100);
        assertThat(report.get("breakdown")).hasSize(5);
        assertThat(report.get("missingSections")).isEmpty();
        JsonNode inclusive = report.get("inclusiveLanguage");
        assertThat(inclusive.get("masculine").toString()).contains("competitive", "aggressive", "dominates");
        assertThat(inclusive.get("exclusionary").toString()).contains("rockstar");
        assertThat(inclusive.get("source").asString()).contains("Gaucher");
        JsonNode requirements = field(report, "requirements");
        assertThat(requirements.get("suggested").asString())
                .contains("5+ years")
                .doesNotContain("rockstar");
        JsonNode ld = report.get("jsonLd");
        assertThat(GoogleJobPosting.problems(JsonMapper.shared().treeToValue(ld, JobPosting.class)))
                .isEmpty();
        assertThat(report.get("jsonLdProblems")).isEmpty();
        assertThat(ld.get("hiringOrganization").get("name").asString()).isEqualTo("Initech");
        assertThat(ld.get("baseSalary").get("value").get("minValue").asInt()).isEqualTo(120000);
        assertThat(ld.get("description").asString()).contains("<h3>Requirements</h3><ul><li>");

        // An older revision arriving late changes nothing; a newer one is analysed again.
        publish(job(
                id,
                3,
                "Senior Data Engineer",
                AD.replace("aggressive rockstar who dominates the market", "curious engineer")));
        UUID older = publish(job(id, 2, "Senior Data Engineer", AD));
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(http().get("/api/v1/jobs/optimized?jobId=" + id, bearer(recruiter))
                                .json()
                                .get("jobRevision")
                                .asInt())
                        .isEqualTo(3));
        await().atMost(Duration.ofSeconds(20)).until(() -> handled(older));
        JsonNode latest = http().get("/api/v1/jobs/optimized?jobId=" + id, bearer(recruiter))
                .json();
        assertThat(latest.get("jobRevision").asInt()).isEqualTo(3);
        assertThat(latest.get("score").asInt())
                .isGreaterThan(report.get("score").asInt());

        // Reviewed again on request; another organisation cannot see or review it.
        TestHttp.Response again = http().post("/api/v1/jobs/optimize", map("jobId", id.toString()), bearer(recruiter));
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        String stranger = TOKENS.token(UUID.randomUUID(), UUID.randomUUID(), "RECRUITER");
        assertThat(http().get("/api/v1/jobs/optimized?jobId=" + id, bearer(stranger))
                        .status())
                .isEqualTo(404);
        assertThat(http().post("/api/v1/jobs/optimize", map("jobId", id.toString()), bearer(stranger))
                        .status())
                .isEqualTo(404);
    }

    @Test
    void anotherPromotedSkillTaggerHasTheJobsReviewedAgainOnce() throws Exception {
        UUID id = UUID.randomUUID();
        publish(job(id, 1, "Senior Data Engineer", AD));
        TestKafka.read(JobOptimized.TOPIC, r -> r.key().equals(id.toString()), 1);

        // What the champion follower says when an operator promotes another skill tagger (version 7): every job
        // another one read is reviewed again with the model read with now, and announced for matching.
        events.publishEvent(new ChampionSkillTagger.Changed(7));
        List<ConsumerRecord<String, String>> both =
                TestKafka.read(JobOptimized.TOPIC, r -> r.key().equals(id.toString()), 2);
        assertThat(both)
                .extracting(r -> json.readValue(r.value(), JobOptimized.class).jobRevision())
                .containsExactly(1, 1);
        assertThat(both)
                .extracting(r -> json.readValue(r.value(), JobOptimized.class).requiredSkills())
                .allSatisfy(skills -> assertThat(skills).isNotEmpty());

        // Heard again (another instance, or the periodic check): nothing is queued twice for the same version.
        events.publishEvent(new ChampionSkillTagger.Changed(7));
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() -> reports(id) == 2);
    }

    int reports(UUID jobId) {
        return jdbc.sql("SELECT count(*) FROM job_report WHERE job_id = :id")
                .param("id", jobId)
                .query(Integer.class)
                .single();
    }

    static JsonNode field(JsonNode report, String name) {
        for (JsonNode f : report.get("rewrite")) {
            if (f.get("field").asString().equals(name)) {
                return f;
            }
        }
        throw new AssertionError("no rewrite field " + name);
    }

    @Test
    void aDraftIsReviewedWithoutBeingStoredAndBadDraftsAreRefused() {
        TestHttp.Response draft = http().post(
                        "/api/v1/jobs/optimize",
                        map("job", map("title", "Nurse", "description", "We need a young nurse. He will work nights.")),
                        bearer(recruiter));
        assertThat(draft.status()).as(draft.body()).isEqualTo(200);
        JsonNode report = draft.json();
        assertThat(report.get("missingSections").toString())
                .contains("salary", "location", "responsibilities", "requirements", "benefits");
        assertThat(report.get("inclusiveLanguage").get("exclusionary").toString())
                .contains("young", "He");
        assertThat(report.get("jsonLdProblems").toString())
                .contains("datePosted", "hiringOrganization.name", "jobLocation");
        assertThat(report.get("score").asInt()).isLessThan(50);

        assertThat(http().post("/api/v1/jobs/optimize", map(), bearer(recruiter))
                        .status())
                .isEqualTo(400);
        assertThat(http().post("/api/v1/jobs/optimize", map("job", map("title", "x")), bearer(recruiter))
                        .status())
                .isEqualTo(400);
        assertThat(http().post(
                                "/api/v1/jobs/optimize",
                                map("job", map("title", "x", "description", "y", "workplace", "moon")),
                                bearer(recruiter))
                        .status())
                .isEqualTo(400);
        assertThat(http().post(
                                "/api/v1/jobs/optimize",
                                map(
                                        "job",
                                        map(
                                                "title",
                                                "x",
                                                "description",
                                                "y",
                                                "salary",
                                                map("min", 5, "max", 1, "currency", "USD"))),
                                bearer(recruiter))
                        .status())
                .isEqualTo(400);
        assertThat(http().post(
                                "/api/v1/jobs/optimize",
                                map("jobId", UUID.randomUUID().toString()),
                                bearer(recruiter))
                        .status())
                .isEqualTo(404);
        String candidate = TOKENS.token(UUID.randomUUID(), org, "CANDIDATE");
        assertThat(http().post(
                                "/api/v1/jobs/optimize",
                                map("job", map("title", "x", "description", "y")),
                                bearer(candidate))
                        .status())
                .isEqualTo(403);
    }
}

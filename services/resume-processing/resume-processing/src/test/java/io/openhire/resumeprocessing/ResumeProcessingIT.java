package io.openhire.resumeprocessing;

import static io.openhire.platform.test.TestHttp.bearer;
import static io.openhire.resumeprocessing.ProcessingTestSupport.TOKENS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.openhire.platform.test.TestDocuments;
import io.openhire.platform.test.TestHttp;
import io.openhire.platform.test.TestInfrastructure;
import io.openhire.platform.test.TestKafka;
import io.openhire.resumeprocessing.events.ResumeParseFailed;
import io.openhire.resumeprocessing.events.ResumeParsed;
import io.openhire.resumeprocessing.models.ChampionResumeTagger;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * resume.received.v1 in, profile and resume.parsed.v1 out, with the real storage service and the
 * embedded Kafka; then the API: profile, re-parse, ATS report.
 */
// Closed after the class: its listener would otherwise also parse StopMidBatchIT's resumes.
@org.springframework.test.annotation.DirtiesContext
@SpringBootTest(
        classes = ResumeProcessingIT.App.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.application.name=resume-processing")
class ResumeProcessingIT {

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import({ProcessingTestSupport.WithTestServiceAccount.class, WatchedConnections.class})
    static class App {}

    @Autowired
    WatchedConnections watched;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "resume_processing");
        registry.add("openhire.security.jwk-set-uri", TOKENS::jwkSetUri);
        registry.add("openhire.clients.services.storage.url", ProcessingTestSupport::storageUrl);
    }

    @LocalServerPort
    int port;

    @Autowired
    JsonMapper json;

    final UUID org = UUID.randomUUID();
    final String recruiter = TOKENS.token(UUID.randomUUID(), org, "RECRUITER");

    TestHttp http() {
        return new TestHttp("http://localhost:" + port);
    }

    UUID receive(byte[] bytes, String mediaType) {
        return ProcessingTestSupport.receive(org, bytes, mediaType, TestKafka.bootstrapServers());
    }

    ConsumerRecord<String, String> eventFor(String topic, UUID resume) {
        return TestKafka.read(topic, r -> r.key().equals(resume.toString()), 1).getFirst();
    }

    @Test
    void aPdfAndADocxBecomeProfilesAndAnnounceThemWithoutContactDetails() {
        for (byte[] document :
                List.of(TestDocuments.pdf(ResumeTestData.priya()), TestDocuments.docx(ResumeTestData.priya()))) {
            String type = document[0] == '%'
                    ? "application/pdf"
                    : "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
            UUID resume = receive(document, type);

            ResumeParsed parsed =
                    json.readValue(eventFor(ResumeParsed.TOPIC, resume).value(), ResumeParsed.class);
            assertThat(parsed.organizationId()).isEqualTo(org);
            assertThat(parsed.revision()).isEqualTo(1);
            assertThat(parsed.currentTitle()).isEqualTo("Senior Backend Engineer");
            assertThat(parsed.skills()).extracting(ResumeParsed.Skill::id).contains("kubernetes", "java");
            assertThat(parsed.location().country()).isEqualTo("DE");
            assertThat(parsed.highestDegree()).isEqualTo("Bachelor of Science");
            String raw = eventFor(ResumeParsed.TOPIC, resume).value();
            assertThat(raw)
                    .doesNotContain("priya.raman@example.test")
                    .doesNotContain("Priya Raman")
                    .doesNotContain("901820");

            JsonNode profile = http().get("/api/v1/resumes/" + resume + "/profile", bearer(recruiter))
                    .json();
            assertThat(profile.get("status").asString()).isEqualTo("PARSED");
            assertThat(profile.get("profile").get("name").asString()).isEqualTo("Priya Raman");
            assertThat(profile.get("profile").get("phones").get(0).asString()).isEqualTo("+4930901820");
            assertThat(profile.get("profile").get("work").get(0).get("employer").asString())
                    .isEqualTo("Northwind Logistics GmbH");
            assertThat(profile.get("profile").get("confidence").get("name").asDouble())
                    .isGreaterThan(0.8);
            // what the resume names beyond its history: four lists, nothing else (no derived "empty" flag)
            assertThat(profile.get("profile").get("mentioned").propertyNames())
                    .containsExactlyInAnyOrder("titles", "employers", "places", "institutions");
        }
    }

    @Test
    void noDatabaseConnectionIsHeldWhileTheOriginalIsDownloadedAndParsed() {
        UUID resume = receive(TestDocuments.pdf(ResumeTestData.priya()), "application/pdf");
        eventFor(ResumeParsed.TOPIC, resume);
        assertThat(http().post("/api/v1/resumes/" + resume + "/reparse", java.util.Map.of(), bearer(recruiter))
                        .status())
                .isEqualTo(202);
        TestKafka.read(ResumeParsed.TOPIC, r -> r.key().equals(resume.toString()), 2);

        assertThat(watched.calls)
                .filteredOn(call -> call.equals("get resumes/" + resume))
                .hasSize(2);
        assertThat(watched.calls).contains("extract application/pdf");
        assertThat(watched.madeHoldingAConnection)
                .as("calls made holding a connection")
                .isEmpty();
    }

    @Test
    void aRedeliveredEventIsNeitherParsedNorAnnouncedAgain() {
        UUID resume = UUID.randomUUID();
        byte[] pdf = TestDocuments.pdf(ResumeTestData.priya());
        ProcessingTestSupport.store(org, resume, pdf, "application/pdf");
        UUID eventId = UUID.randomUUID();
        ProcessingTestSupport.announce(org, resume, pdf, "application/pdf", eventId, TestKafka.bootstrapServers());
        eventFor(ResumeParsed.TOPIC, resume);

        // Kafka delivers the same event again; then a new event for the same resume (same key: same
        // partition, so it is handled after the repeat) marks that the repeat has been seen.
        ProcessingTestSupport.announce(org, resume, pdf, "application/pdf", eventId, TestKafka.bootstrapServers());
        ProcessingTestSupport.announce(
                org, resume, pdf, "application/pdf", UUID.randomUUID(), TestKafka.bootstrapServers());
        List<ConsumerRecord<String, String>> parsed =
                TestKafka.read(ResumeParsed.TOPIC, r -> r.key().equals(resume.toString()), 2);

        assertThat(parsed)
                .extracting(r -> json.readValue(r.value(), ResumeParsed.class).revision())
                .containsExactlyInAnyOrder(1, 2);
        assertThat(watched.calls)
                .as("the original fetched for the first delivery and for the new event only")
                .filteredOn(call -> call.equals("get resumes/" + resume))
                .hasSize(2);
    }

    @Test
    void aScanWithoutTextIsFlaggedOrFailedAndADamagedFileFailsWithAReason() {
        UUID scan = receive(TestDocuments.scannedPdf(2), "application/pdf");
        ResumeParseFailed flagged =
                json.readValue(eventFor(ResumeParseFailed.TOPIC, scan).value(), ResumeParseFailed.class);
        // Without tesseract a scan waits for OCR; with it, this "scan" (a black box) has no text at all.
        boolean ocr = io.openhire.resumeprocessing.extraction.TextExtractorAccess.ocrInstalled();
        assertThat(flagged.status()).isEqualTo(ocr ? "FAILED" : "NEEDS_OCR");

        UUID broken = receive(TestDocuments.damagedPdf(), "application/pdf");
        ResumeParseFailed failed =
                json.readValue(eventFor(ResumeParseFailed.TOPIC, broken).value(), ResumeParseFailed.class);
        assertThat(failed.status()).isEqualTo("FAILED");
        JsonNode profile = http().get("/api/v1/resumes/" + broken + "/profile", bearer(recruiter))
                .json();
        assertThat(profile.get("status").asString()).isEqualTo("FAILED");
        assertThat(profile.get("reason").asString()).isNotBlank();
    }

    @Test
    void aScanIsReadThroughOcrWhereTesseractIsInstalled() {
        assumeTrue(
                io.openhire.resumeprocessing.extraction.TextExtractorAccess.ocrInstalled(),
                "tesseract is not installed here: scans are flagged NEEDS_OCR instead (tested above)");
        UUID scan = receive(TestDocuments.imagePdf(ResumeTestData.priya()), "application/pdf");
        ResumeParsed parsed = json.readValue(eventFor(ResumeParsed.TOPIC, scan).value(), ResumeParsed.class);
        assertThat(parsed.skills()).extracting(ResumeParsed.Skill::id).contains("kubernetes");
        JsonNode profile = http().get("/api/v1/resumes/" + scan + "/profile", bearer(recruiter))
                .json();
        assertThat(profile.get("profile").get("emails").get(0).asString()).isEqualTo("priya.raman@example.test");
    }

    @Test
    void aReparseMakesANewRevisionAndTheBacklogCanBeReparsed() {
        UUID resume = receive(TestDocuments.pdf(ResumeTestData.priya()), "application/pdf");
        eventFor(ResumeParsed.TOPIC, resume);

        TestHttp.Response queued =
                http().post("/api/v1/resumes/" + resume + "/reparse", java.util.Map.of(), bearer(recruiter));
        assertThat(queued.status()).isEqualTo(202);
        List<ConsumerRecord<String, String>> both =
                TestKafka.read(ResumeParsed.TOPIC, r -> r.key().equals(resume.toString()), 2);
        assertThat(both)
                .extracting(r -> json.readValue(r.value(), ResumeParsed.class).revision())
                .containsExactlyInAnyOrder(1, 2);
        assertThat(http().get("/api/v1/resumes/" + resume + "/profile", bearer(recruiter))
                        .json()
                        .get("revision")
                        .asInt())
                .isEqualTo(2);

        String admin = TOKENS.token(UUID.randomUUID(), org, "ADMIN");
        assertThat(http().post("/api/v1/resumes/reparse", java.util.Map.of(), bearer(recruiter))
                        .status())
                .isEqualTo(403);
        JsonNode backlog = http().post("/api/v1/resumes/reparse", java.util.Map.of("all", true), bearer(admin))
                .json();
        assertThat(backlog.get("queued").asInt()).isEqualTo(1); // this organisation's one resume
        JsonNode outdated = http().post("/api/v1/resumes/reparse", java.util.Map.of(), bearer(admin))
                .json();
        assertThat(outdated.get("queued").asInt()).isZero(); // everything is on the current parser

        assertThat(http().post(
                                "/api/v1/resumes/" + UUID.randomUUID() + "/reparse",
                                java.util.Map.of(),
                                bearer(recruiter))
                        .status())
                .isEqualTo(404);
    }

    @Autowired
    org.springframework.context.ApplicationEventPublisher events;

    @Test
    void anotherPromotedResumeTaggerHasTheResumesParsedAgainOnce() {
        UUID resume = receive(TestDocuments.pdf(ResumeTestData.priya()), "application/pdf");
        eventFor(ResumeParsed.TOPIC, resume);

        // What the champion follower says when an operator promotes another resume tagger (version 7): every
        // resume another one read is parsed again, with the model read with now.
        events.publishEvent(new ChampionResumeTagger.Changed(7));
        List<ConsumerRecord<String, String>> both =
                TestKafka.read(ResumeParsed.TOPIC, r -> r.key().equals(resume.toString()), 2);
        assertThat(both)
                .extracting(r -> json.readValue(r.value(), ResumeParsed.class).revision())
                .containsExactlyInAnyOrder(1, 2);

        // Heard again (another instance, or the periodic check): nothing is queued twice for the same version.
        events.publishEvent(new ChampionResumeTagger.Changed(7));
        await().during(java.time.Duration.ofSeconds(3))
                .atMost(java.time.Duration.ofSeconds(10))
                .until(() -> http().get("/api/v1/resumes/" + resume + "/profile", bearer(recruiter))
                                .json()
                                .get("revision")
                                .asInt()
                        == 2);
    }

    /**
     * Publishes resume.deleted.v1 for {@code resume} under the record key {@code key}: records with one key go
     * to one partition and are handled in the order sent.
     */
    void publishDeleted(UUID resume, UUID key) {
        publish(
                io.openhire.resumeingestion.events.ResumeDeleted.TOPIC,
                key,
                new io.openhire.resumeingestion.events.ResumeDeleted(resume, org, java.time.Instant.now()));
    }

    /** Stores a new resume and publishes its resume.received.v1 under the record key {@code key}. */
    UUID receiveUnderKey(UUID key) {
        UUID resume = UUID.randomUUID();
        byte[] pdf = TestDocuments.pdf(ResumeTestData.priya());
        ProcessingTestSupport.store(org, resume, pdf, "application/pdf");
        publish(
                io.openhire.resumeingestion.events.ResumeReceived.TOPIC,
                key,
                new io.openhire.resumeingestion.events.ResumeReceived(
                        resume,
                        org,
                        "resumes",
                        resume.toString(),
                        "application/pdf",
                        pdf.length,
                        io.openhire.platform.crypto.Sha256.hex(pdf),
                        "UPLOAD",
                        null,
                        java.time.Instant.now()));
        return resume;
    }

    void publish(String topic, UUID key, Object event) {
        try (var producer = new org.apache.kafka.clients.producer.KafkaProducer<String, String>(
                java.util.Map.of("bootstrap.servers", TestKafka.bootstrapServers()),
                new org.apache.kafka.common.serialization.StringSerializer(),
                new org.apache.kafka.common.serialization.StringSerializer())) {
            var record = new org.apache.kafka.clients.producer.ProducerRecord<>(
                    topic, key.toString(), json.writeValueAsString(event));
            record.headers()
                    .add(
                            io.openhire.platform.events.EventHeaders.EVENT_ID,
                            UUID.randomUUID().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aDeletedResumeLosesItsProfileTextAndReportsAndDoesNotComeBack() {
        UUID resume = receive(TestDocuments.pdf(ResumeTestData.priya()), "application/pdf");
        eventFor(ResumeParsed.TOPIC, resume);
        http().post(
                        "/api/v1/resumes/optimize",
                        java.util.Map.of(
                                "resumeId", resume.toString(), "jobText", "Backend engineer: Java, Kubernetes, Kafka."),
                        bearer(recruiter));
        // A resume deleted before its resume.received.v1 arrives, then (same key: handled after it) this one.
        UUID early = UUID.randomUUID();
        publishDeleted(early, early);

        publishDeleted(resume, early);
        await().atMost(java.time.Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(http().get("/api/v1/resumes/" + resume + "/profile", bearer(recruiter))
                                .status())
                        .isEqualTo(404));
        assertThat(http().get("/api/v1/resumes/optimized?resumeId=" + resume, bearer(recruiter))
                        .status())
                .isEqualTo(404);
        assertThat(http().post("/api/v1/resumes/" + resume + "/reparse", java.util.Map.of(), bearer(recruiter))
                        .status())
                .isEqualTo(404);

        // Deleted before its resume.received.v1 was handled: it is never parsed. A resume received after it
        // under the same key is parsed after it: once that one is, the early one has had its turn.
        UUID late = ProcessingTestSupport.receiveAs(
                early, org, TestDocuments.pdf(ResumeTestData.priya()), TestKafka.bootstrapServers());
        UUID marker = receiveUnderKey(early);
        List<ConsumerRecord<String, String>> announced = TestKafka.read(
                ResumeParsed.TOPIC,
                r -> r.key().equals(marker.toString()) || r.key().equals(late.toString()),
                1);
        assertThat(announced).extracting(ConsumerRecord::key).containsExactly(marker.toString());
        assertThat(http().get("/api/v1/resumes/" + late + "/profile", bearer(recruiter))
                        .status())
                .isEqualTo(404);
    }

    @Test
    void anAtsReportScoresTheResumeAgainstAJobAndSaysWhatIsMissing() {
        UUID resume = receive(TestDocuments.pdf(ResumeTestData.priya()), "application/pdf");
        eventFor(ResumeParsed.TOPIC, resume);
        String job = String.join(
                "\n",
                "Staff Backend Engineer",
                "We build logistics software for European retailers.",
                "Requirements:",
                "- 7+ years building backend services in Java or Kotlin",
                "- Kubernetes, Kafka and PostgreSQL in production",
                "- Experience with GraphQL APIs and gRPC",
                "- Ownership of logistics and payments domains; logistics experience matters",
                "Nice to have:",
                "- Rust",
                "- Terraform");

        TestHttp.Response report = http().post(
                        "/api/v1/resumes/optimize",
                        java.util.Map.of(
                                "resumeId", resume.toString(), "jobText", job, "jobTitle", "Staff Backend Engineer"),
                        bearer(recruiter));
        assertThat(report.status()).as(report.body()).isEqualTo(200);
        JsonNode r = report.json();
        assertThat(r.get("score").asInt()).isBetween(40, 95);
        assertThat(r.get("breakdown")).hasSize(5);
        assertThat(r.get("matchedSkills").toString()).contains("Kubernetes").contains("Apache Kafka");
        assertThat(r.get("missingSkills").toString()).contains("GraphQL");
        assertThat(r.get("suggestions").toString()).contains("GraphQL");

        JsonNode latest = http().get("/api/v1/resumes/optimized?resumeId=" + resume, bearer(recruiter))
                .json();
        assertThat(latest.get("id").asString()).isEqualTo(r.get("id").asString());

        assertThat(http().post(
                                "/api/v1/resumes/optimize",
                                java.util.Map.of("resumeId", resume.toString()),
                                bearer(recruiter))
                        .status())
                .isEqualTo(400);
        TestHttp.Response byId = http().post(
                        "/api/v1/resumes/optimize",
                        java.util.Map.of(
                                "resumeId",
                                resume.toString(),
                                "jobId",
                                UUID.randomUUID().toString()),
                        bearer(recruiter));
        assertThat(byId.status()).isEqualTo(422);
        assertThat(byId.json().get("type").asString()).endsWith("/job-lookup-unavailable");
        String elsewhere = TOKENS.token(UUID.randomUUID(), UUID.randomUUID(), "RECRUITER");
        assertThat(http().get("/api/v1/resumes/optimized?resumeId=" + resume, bearer(elsewhere))
                        .status())
                .isEqualTo(404);
        assertThat(http().get("/api/v1/resumes/" + resume + "/profile", bearer(elsewhere))
                        .status())
                .isEqualTo(404);
        String candidate = TOKENS.token(UUID.randomUUID(), org, "CANDIDATE");
        assertThat(http().get("/api/v1/resumes/" + resume + "/profile", bearer(candidate))
                        .status())
                .isEqualTo(403);
    }
}

package io.openhire.resumeingestion;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.openhire.platform.test.TestHttp.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.http.Fault;
import io.openhire.jobingestion.client.JobView;
import io.openhire.platform.events.EventHeaders;
import io.openhire.platform.http.ServiceAccount;
import io.openhire.platform.test.TestDocuments;
import io.openhire.platform.test.TestHttp;
import io.openhire.platform.test.TestInfrastructure;
import io.openhire.platform.test.TestKafka;
import io.openhire.platform.test.TestSockets;
import io.openhire.platform.test.TestTokens;
import io.openhire.resumeingestion.events.ResumeReceived;
import io.openhire.resumeprocessing.events.ResumeParseFailed;
import io.openhire.resumeprocessing.events.ResumeParsed;
import io.openhire.servicetest.TestServiceAccount;
import io.openhire.servicetest.TestStorage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Uploads as a recruiter or candidate makes them, against the real storage service (running in this
 * test on its own port and database) and the embedded Kafka; job-ingestion, asked whether a job named on
 * an upload is the organisation's, is a WireMock stub.
 */
@SpringBootTest(
        classes = ResumeIngestionIT.App.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.application.name=resume-ingestion")
class ResumeIngestionIT {

    static final TestTokens TOKENS = new TestTokens();
    static final JsonMapper JSON = JsonMapper.builder().build();
    static TestStorage storage;
    /** job-ingestion: a job is the organisation's where a test stubs it; every other job is a 404. */
    static final WireMockServer JOB_INGESTION =
            new WireMockServer(WireMockConfiguration.options().dynamicPort());

    /**
     * Not a {@code @Configuration} (nor {@code @SpringBootConfiguration}), so that the service's component scan
     * does not pick it up into another test's context (privacy.DataSubjectsIT has a service account of its own).
     */
    @EnableAutoConfiguration
    @Import(ResumeIngestionConfiguration.class)
    static class App {
        /** identity's service tokens (subject service:resume-ingestion), from the test issuer. */
        @Bean
        ServiceAccount serviceAccount() {
            return TestServiceAccount.of("resume-ingestion", TOKENS);
        }
    }

    static String key() {
        return Base64.getEncoder().encodeToString(new byte[32]);
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        storage = TestStorage.start(TOKENS);
        TestInfrastructure.register(registry, "resume_ingestion");
        registry.add("openhire.security.jwk-set-uri", TOKENS::jwkSetUri);
        registry.add("openhire.clients.services.storage.url", storage::url);
        JOB_INGESTION.start();
        JOB_INGESTION.stubFor(get(urlPathMatching("/api/v1/jobs/.*"))
                .atPriority(10)
                .willReturn(aResponse()
                        .withStatus(404)
                        .withHeader("Content-Type", "application/problem+json")
                        .withBody("{\"type\": \"about:blank\", \"status\": 404, \"title\": \"Not found\"}")));
        registry.add("openhire.clients.services.job-ingestion.url", JOB_INGESTION::baseUrl);
        registry.add("openhire.resume-ingestion.max-file-size", () -> "2MB");
        registry.add("spring.servlet.multipart.max-file-size", () -> "3MB");
        registry.add("spring.servlet.multipart.max-request-size", () -> "4MB");
        registry.add("openhire.web.max-request-size", () -> "4MB");
        registry.add("openhire.resume-ingestion.mailbox-key", ResumeIngestionIT::key);
        registry.add("openhire.resume-ingestion.mailbox.allow-private-hosts", () -> "true");
        // The scheduler stays out of the way; tests poll on demand.
        registry.add("openhire.resume-ingestion.mailbox.poll-interval", () -> "1h");
    }

    @AfterAll
    static void stop() {
        JOB_INGESTION.stop();
        storage.close();
        TOKENS.close();
    }

    @LocalServerPort
    int port;

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    JsonMapper json;

    final UUID org = UUID.randomUUID();
    final String recruiter = TOKENS.token(UUID.randomUUID(), org, "RECRUITER");

    TestHttp http() {
        return new TestHttp("http://localhost:" + port);
    }

    static List<String> resumeLines(String name) {
        return List.of(
                name,
                "Senior Software Engineer",
                name.toLowerCase().replace(' ', '.') + "@example.test",
                "EXPERIENCE",
                "Acme Corp - Berlin, Germany",
                "January 2019 to Present",
                "SKILLS",
                "Java, Kubernetes, PostgreSQL",
                "Unique: " + UUID.randomUUID());
    }

    TestHttp.Response upload(String token, String fileName, String type, byte[] bytes, Map<String, String> fields) {
        return http().postMultipart("/api/v1/resumes/upload", "file", fileName, type, bytes, fields, bearer(token));
    }

    TestHttp.Response upload(String fileName, byte[] bytes) {
        return upload(recruiter, fileName, "application/octet-stream", bytes, Map.of());
    }

    /** A job of the organisation at job-ingestion (as far as this test's stub is concerned). */
    static UUID jobOf(UUID organization) {
        UUID job = UUID.randomUUID();
        // As job-ingestion answers: its client's record, written as JSON.
        JobView view = new JobView(
                job,
                "OPEN",
                1,
                "Nurse",
                "Nurse (m/f/d)",
                "Northwind",
                List.of(),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                Instant.now(),
                Instant.now(),
                "Night shifts.",
                List.of());
        JOB_INGESTION.stubFor(get(urlPathEqualTo("/api/v1/jobs/" + job))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody(JSON.writeValueAsString(view))));
        return job;
    }

    /** The claims of the token resume-ingestion sent with each request to job-ingestion for this job. */
    List<JsonNode> tokensSentForJob(UUID job) {
        List<JsonNode> claims = new ArrayList<>();
        for (var request : JOB_INGESTION.findAll(getRequestedFor(urlPathEqualTo("/api/v1/jobs/" + job)))) {
            String token = request.getHeader("Authorization").substring("Bearer ".length());
            claims.add(json.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1])));
        }
        return claims;
    }

    static long storedObjects() throws IOException {
        try (var files = Files.walk(storage.objects())) {
            return files.filter(Files::isRegularFile).count();
        }
    }

    @Test
    void everyAcceptedFormatIsReceivedStoredAndAnnounced() {
        Map<String, byte[]> files = new java.util.LinkedHashMap<>();
        files.put("application/pdf", TestDocuments.pdf(resumeLines("Petra Pdf")));
        files.put(
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                TestDocuments.docx(resumeLines("Dora Docx")));
        files.put("application/vnd.oasis.opendocument.text", TestDocuments.odt(resumeLines("Otto Odt")));
        files.put("application/rtf", TestDocuments.rtf(resumeLines("Rita Rtf")));
        files.put(
                "text/html",
                ("<!DOCTYPE html><html><head><title>CV</title></head><body><p>"
                                + String.join("</p><p>", resumeLines("Hans Html")) + "</p></body></html>")
                        .getBytes(StandardCharsets.UTF_8));
        files.put("text/plain", String.join("\n", resumeLines("Tina Text")).getBytes(StandardCharsets.UTF_8));

        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            // The name says .txt for all of them: the type comes from the content.
            TestHttp.Response accepted = upload("resume.txt", file.getValue());
            assertThat(accepted.status())
                    .as(file.getKey() + ": " + accepted.body())
                    .isEqualTo(202);
            assertThat(accepted.json().get("status").asString()).isEqualTo("RECEIVED");
            String id = accepted.json().get("id").asString();
            assertThat(accepted.header("Location")).isEqualTo("/api/v1/resumes/" + id);

            JsonNode resume =
                    http().get("/api/v1/resumes/" + id, bearer(recruiter)).json();
            assertThat(resume.get("mediaType").asString()).isEqualTo(file.getKey());
            assertThat(resume.get("sizeBytes").asLong()).isEqualTo(file.getValue().length);
            assertThat(resume.get("source").asString()).isEqualTo("UPLOAD");
            assertThat(http().getBytes("/api/v1/resumes/" + id + "/original", bearer(recruiter)))
                    .isEqualTo(file.getValue());

            ConsumerRecord<String, String> event = TestKafka.read(
                            ResumeReceived.TOPIC, r -> r.key().equals(id), 1)
                    .getFirst();
            ResumeReceived received = json.readValue(event.value(), ResumeReceived.class);
            assertThat(received.organizationId()).isEqualTo(org);
            assertThat(received.mediaType()).isEqualTo(file.getKey());
            assertThat(received.bucket()).isEqualTo("resumes");
            assertThat(event.value()).doesNotContain("@example.test");
        }
    }

    /** An OLE2 container with the streams that make it a Word 97 document or an Excel workbook. */
    static byte[] ole2(String stream) throws java.io.IOException {
        try (org.apache.poi.poifs.filesystem.POIFSFileSystem fs =
                        new org.apache.poi.poifs.filesystem.POIFSFileSystem();
                java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream()) {
            fs.createDocument(new java.io.ByteArrayInputStream(new byte[4096]), stream);
            fs.writeFilesystem(out);
            return out.toByteArray();
        }
    }

    @Test
    void aWord97FileIsTakenAndAnExcelFileIsNot() throws Exception {
        TestHttp.Response doc = upload("old-cv.doc", ole2("WordDocument"));
        assertThat(doc.status()).as(doc.body()).isEqualTo(202);
        assertThat(http().get("/api/v1/resumes/" + doc.json().get("id").asString(), bearer(recruiter))
                        .json()
                        .get("mediaType")
                        .asString())
                .isEqualTo("application/msword");
        TestHttp.Response xls = upload("cv.doc", ole2("Workbook"));
        assertThat(xls.status()).as(xls.body()).isEqualTo(415);
    }

    @Test
    void aDeletedResumeIsGoneWithItsOriginalAndAnnouncedSoThatOthersForgetIt() {
        UUID organization = UUID.randomUUID();
        String candidate = TOKENS.token(UUID.randomUUID(), organization, "CANDIDATE");
        String otherCandidate = TOKENS.token(UUID.randomUUID(), organization, "CANDIDATE");
        byte[] pdf = TestDocuments.pdf(resumeLines("Erin Erased"));
        String id = upload(candidate, "erin.pdf", "application/pdf", pdf, Map.of())
                .json()
                .get("id")
                .asString();

        assertThat(http().delete("/api/v1/resumes/" + id, bearer(otherCandidate))
                        .status())
                .isEqualTo(404);
        assertThat(http().delete("/api/v1/resumes/" + id, bearer(candidate)).status())
                .isEqualTo(204);

        assertThat(http().get("/api/v1/resumes/" + id, bearer(candidate)).status())
                .isEqualTo(404);
        assertThat(http().delete("/api/v1/resumes/" + id, bearer(candidate)).status())
                .isEqualTo(404);
        assertThat(new TestHttp(storage.url())
                        .get(
                                "/api/v1/data/resumes/" + id,
                                bearer(TOKENS.serviceToken("resume-ingestion", organization)))
                        .status())
                .as("the original is deleted from storage")
                .isEqualTo(404);
        ConsumerRecord<String, String> event = TestKafka.read(
                        io.openhire.resumeingestion.events.ResumeDeleted.TOPIC,
                        r -> r.key().equals(id),
                        1)
                .getFirst();
        assertThat(event.value()).contains(organization.toString());

        // The same file again is a new resume: nothing of the old one is left to match.
        TestHttp.Response again = upload(candidate, "erin.pdf", "application/pdf", pdf, Map.of());
        assertThat(again.status()).isEqualTo(202);
        assertThat(again.json().get("id").asString()).isNotEqualTo(id);
    }

    @Test
    void theSameFileTwiceIsOneResumeButAnotherOrganisationGetsItsOwn() {
        byte[] pdf = TestDocuments.pdf(resumeLines("Dupe Licate"));
        String first = upload("a.pdf", pdf).json().get("id").asString();

        TestHttp.Response again = upload("b.pdf", pdf);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("id").asString()).isEqualTo(first);
        assertThat(again.json().get("duplicate").asBoolean()).isTrue();

        String otherRecruiter = TOKENS.token(UUID.randomUUID(), UUID.randomUUID(), "RECRUITER");
        TestHttp.Response elsewhere = upload(otherRecruiter, "a.pdf", "application/pdf", pdf, Map.of());
        assertThat(elsewhere.status()).isEqualTo(202);
        assertThat(elsewhere.json().get("id").asString()).isNotEqualTo(first);
        assertThat(http().get("/api/v1/resumes/" + first, bearer(otherRecruiter))
                        .status())
                .isEqualTo(404);
    }

    @Test
    void aCandidatesDuplicatesAreTheirOwnAndRevealNothingOfOthersFiles() {
        UUID organization = UUID.randomUUID();
        String staff = TOKENS.token(UUID.randomUUID(), organization, "RECRUITER");
        String ann = TOKENS.token(UUID.randomUUID(), organization, "CANDIDATE");
        String bob = TOKENS.token(UUID.randomUUID(), organization, "CANDIDATE");
        byte[] pdf = TestDocuments.pdf(resumeLines("Shared File"));

        String staffs = upload(staff, "cv.pdf", "application/pdf", pdf, Map.of())
                .json()
                .get("id")
                .asString();

        // Ann's file is the same as the recruiter's: she gets a resume of her own, not a hint of theirs.
        TestHttp.Response annFirst = upload(ann, "cv.pdf", "application/pdf", pdf, Map.of());
        assertThat(annFirst.status()).isEqualTo(202);
        assertThat(annFirst.json().get("duplicate").asBoolean()).isFalse();
        String anns = annFirst.json().get("id").asString();
        assertThat(anns).isNotEqualTo(staffs);
        assertThat(http().get("/api/v1/resumes/" + anns, bearer(ann)).status()).isEqualTo(200);

        // Her own file again is her own resume.
        TestHttp.Response annAgain = upload(ann, "cv-again.pdf", "application/pdf", pdf, Map.of());
        assertThat(annAgain.status()).isEqualTo(200);
        assertThat(annAgain.json().get("id").asString()).isEqualTo(anns);
        assertThat(annAgain.json().get("duplicate").asBoolean()).isTrue();

        TestHttp.Response bobs = upload(bob, "mine.pdf", "application/pdf", pdf, Map.of());
        assertThat(bobs.status()).isEqualTo(202);
        assertThat(bobs.json().get("id").asString()).isNotIn(staffs, anns);
        assertThat(http().get("/api/v1/resumes", bearer(bob))
                        .json()
                        .get("total")
                        .asLong())
                .isEqualTo(1);

        // Staff still find the organisation's resume of the file, their own first.
        TestHttp.Response staffAgain = upload(
                TOKENS.token(UUID.randomUUID(), organization, "ADMIN"), "x.pdf", "application/pdf", pdf, Map.of());
        assertThat(staffAgain.status()).isEqualTo(200);
        assertThat(staffAgain.json().get("id").asString()).isEqualTo(staffs);
        assertThat(http().get("/api/v1/resumes", bearer(staff))
                        .json()
                        .get("total")
                        .asLong())
                .isEqualTo(3);

        // A file only a candidate uploaded is still a duplicate for staff, who see every resume anyway.
        byte[] onlyAnns = TestDocuments.pdf(resumeLines("Ann Only"));
        String annsOther = upload(ann, "ann.pdf", "application/pdf", onlyAnns, Map.of())
                .json()
                .get("id")
                .asString();
        TestHttp.Response staffFindsIt = upload(staff, "ann.pdf", "application/pdf", onlyAnns, Map.of());
        assertThat(staffFindsIt.status()).isEqualTo(200);
        assertThat(staffFindsIt.json().get("id").asString()).isEqualTo(annsOther);
    }

    @Test
    void anUploadMayNameOnlyAJobOfItsOwnOrganisation() throws IOException {
        UUID organization = UUID.randomUUID();
        String candidate = TOKENS.token(UUID.randomUUID(), organization, "CANDIDATE");
        String staff = TOKENS.token(UUID.randomUUID(), organization, "RECRUITER");
        UUID ours = jobOf(organization);
        // Another organisation's job: job-ingestion answers 404, as for any job not of the organisation.
        UUID theirs = UUID.randomUUID();

        long before = storedObjects();
        for (String token : List.of(candidate, staff)) {
            TestHttp.Response refused = upload(
                    token,
                    "cv.txt",
                    "text/plain",
                    ("Foreign Job " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8),
                    Map.of("jobId", theirs.toString()));
            assertThat(refused.status()).as(refused.body()).isEqualTo(400);
            assertThat(refused.json().get("type").asString()).endsWith("/validation");
            assertThat(refused.json().get("errors").get(0).get("field").asString())
                    .isEqualTo("jobId");
            assertThat(refused.json().get("errors").get(0).get("message").asString())
                    .isEqualTo("is not a job of your organisation");
        }
        assertThat(http().get("/api/v1/resumes", bearer(staff))
                        .json()
                        .get("total")
                        .asLong())
                .as("no row")
                .isZero();
        assertThat(storedObjects()).as("no original in storage").isEqualTo(before);

        TestHttp.Response accepted = upload(
                candidate,
                "cv.txt",
                "text/plain",
                ("Own Job " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8),
                Map.of("jobId", ours.toString()));
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        assertThat(http().get("/api/v1/resumes/" + accepted.json().get("id").asString(), bearer(candidate))
                        .json()
                        .get("jobId")
                        .asString())
                .isEqualTo(ours.toString());
        // Asked as resume-ingestion itself, for the caller's organisation: a candidate may not read jobs.
        assertThat(tokensSentForJob(ours)).isNotEmpty().allSatisfy(claims -> {
            assertThat(claims.get("org").asString()).isEqualTo(organization.toString());
            assertThat(claims.get("roles").toString()).contains("SERVICE");
        });
    }

    @Test
    void whenJobIngestionIsDownAnUploadNamingAJobIsRefusedWith503AndNothingStored() throws IOException {
        UUID organization = UUID.randomUUID();
        String candidate = TOKENS.token(UUID.randomUUID(), organization, "CANDIDATE");
        UUID job = UUID.randomUUID();
        JOB_INGESTION.stubFor(get(urlPathEqualTo("/api/v1/jobs/" + job))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        long before = storedObjects();

        TestHttp.Response refused = upload(
                candidate,
                "cv.txt",
                "text/plain",
                ("Job Service Down " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8),
                Map.of("jobId", job.toString()));
        assertThat(refused.status()).as(refused.body()).isEqualTo(503);
        assertThat(refused.json().get("type").asString()).endsWith("/dependency-unavailable");
        assertThat(http().get("/api/v1/resumes", bearer(candidate))
                        .json()
                        .get("total")
                        .asLong())
                .isZero();
        assertThat(storedObjects()).isEqualTo(before);
    }

    @Test
    void badFilesGetAClearProblemAndLeaveNothingBehind() {
        String clean = TOKENS.token(UUID.randomUUID(), UUID.randomUUID(), "RECRUITER");
        record Bad(String name, byte[] bytes, int status, String type) {}
        List<Bad> bad = List.of(
                new Bad("photo.pdf", TestDocuments.png(), 415, "unsupported-document-type"),
                new Bad(
                        "locked.pdf",
                        TestDocuments.encryptedPdf(resumeLines("Lock Ed"), "secret"),
                        422,
                        "encrypted-document"),
                new Bad("bomb.docx", TestDocuments.zipBombDocx(200), 422, "decompression-bomb"),
                new Bad("broken.pdf", TestDocuments.damagedPdf(), 422, "malformed-document"),
                new Bad("empty.pdf", new byte[0], 400, "empty-file"),
                new Bad("big.txt", "x ".repeat(1_300_000).getBytes(StandardCharsets.UTF_8), 413, "file-too-large"),
                new Bad("huge.txt", "x ".repeat(2_500_000).getBytes(StandardCharsets.UTF_8), 413, "payload-too-large"));
        for (Bad file : bad) {
            TestHttp.Response refused = upload(clean, file.name(), "application/pdf", file.bytes(), Map.of());
            assertThat(refused.status()).as(file.name() + ": " + refused.body()).isEqualTo(file.status());
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.json().get("type").asString()).as(file.name()).endsWith("/" + file.type());
        }
        TestHttp.Response noFile = http().postMultipart(
                        "/api/v1/resumes/upload",
                        "file",
                        "x",
                        "text/plain",
                        null,
                        Map.of("source", "UPLOAD"),
                        bearer(clean));
        assertThat(noFile.status()).isEqualTo(400);
        TestHttp.Response badEmail = upload(
                clean,
                "cv.txt",
                "text/plain",
                "Ann Able\nEngineer".getBytes(StandardCharsets.UTF_8),
                Map.of("candidateEmail", "not an email"));
        assertThat(badEmail.status()).isEqualTo(400);
        assertThat(badEmail.body()).contains("candidateEmail");

        assertThat(http().get("/api/v1/resumes", bearer(clean))
                        .json()
                        .get("total")
                        .asLong())
                .isZero();
    }

    @Test
    void theListPagesAndFiltersAndCandidatesSeeOnlyTheirOwn() {
        UUID organization = UUID.randomUUID();
        String admin = TOKENS.token(UUID.randomUUID(), organization, "ADMIN");
        String candidate = TOKENS.token(UUID.randomUUID(), organization, "CANDIDATE");
        for (int i = 0; i < 3; i++) {
            upload(
                            admin,
                            "r" + i + ".txt",
                            "text/plain",
                            ("Resume " + i + " " + UUID.randomUUID()).getBytes(),
                            Map.of("source", i == 0 ? "referral" : "UPLOAD"))
                    .json();
        }
        UUID jobId = jobOf(organization);
        TestHttp.Response own = upload(
                candidate,
                "mine.txt",
                "text/plain",
                ("My resume " + UUID.randomUUID()).getBytes(),
                Map.of("candidateEmail", "me@example.test", "jobId", jobId.toString()));
        assertThat(own.status()).isEqualTo(202);

        JsonNode page =
                http().get("/api/v1/resumes?size=2&page=0", bearer(admin)).json();
        assertThat(page.get("total").asLong()).isEqualTo(4);
        assertThat(page.get("items")).hasSize(2);
        assertThat(http().get("/api/v1/resumes?size=2&page=1", bearer(admin))
                        .json()
                        .get("items"))
                .hasSize(2);
        assertThat(http().get("/api/v1/resumes?source=REFERRAL", bearer(admin))
                        .json()
                        .get("total")
                        .asLong())
                .isEqualTo(1);
        assertThat(http().get("/api/v1/resumes?status=RECEIVED&from=2020-01-01", bearer(admin))
                        .json()
                        .get("total")
                        .asLong())
                .isEqualTo(4);
        assertThat(http().get("/api/v1/resumes?to=2020-01-01", bearer(admin))
                        .json()
                        .get("total")
                        .asLong())
                .isZero();
        assertThat(http().get("/api/v1/resumes?status=WHATEVER", bearer(admin)).status())
                .isEqualTo(400);
        assertThat(http().get("/api/v1/resumes?size=1000", bearer(admin)).status())
                .isEqualTo(400);
        assertThat(http().get("/api/v1/resumes?from=yesterday", bearer(admin)).status())
                .isEqualTo(400);

        JsonNode mine = http().get("/api/v1/resumes", bearer(candidate)).json();
        assertThat(mine.get("total").asLong()).isEqualTo(1);
        assertThat(mine.get("items").get(0).get("candidateEmail").asString()).isEqualTo("me@example.test");
        assertThat(mine.get("items").get(0).get("jobId").asString()).isEqualTo(jobId.toString());
        String adminsResume = http().get("/api/v1/resumes?source=REFERRAL", bearer(admin))
                .json()
                .get("items")
                .get(0)
                .get("id")
                .asString();
        assertThat(http().get("/api/v1/resumes/" + adminsResume, bearer(candidate))
                        .status())
                .isEqualTo(404);
        String client = TOKENS.token(UUID.randomUUID(), organization, "CLIENT");
        assertThat(http().get("/api/v1/resumes", bearer(client)).status()).isEqualTo(403);
        assertThat(http().get("/api/v1/resumes").status()).isEqualTo(401);
    }

    @Test
    void theStatusFollowsWhatResumeProcessingReportsAndIgnoresStaleReports() {
        String id = upload("s.txt", ("Status Check " + UUID.randomUUID()).getBytes())
                .json()
                .get("id")
                .asString();
        UUID resumeId = UUID.fromString(id);
        Instant now = Instant.now();

        publish(
                ResumeParseFailed.TOPIC,
                id,
                new ResumeParseFailed(resumeId, org, 1, "NEEDS_OCR", "A scan.", "1.0.0", now));
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(http().get("/api/v1/resumes/" + id, bearer(recruiter))
                                .json()
                                .get("status")
                                .asString())
                        .isEqualTo("NEEDS_OCR"));

        publish(
                ResumeParsed.TOPIC,
                id,
                new ResumeParsed(
                        resumeId, org, 3, "1.0.0", "1", null, List.of(), List.of(), null, null, null, List.of(), now));
        publish(
                ResumeParseFailed.TOPIC,
                id,
                new ResumeParseFailed(resumeId, org, 2, "FAILED", "Old news.", "1.0.0", now));
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(http().get("/api/v1/resumes/" + id, bearer(recruiter))
                                .json()
                                .get("status")
                                .asString())
                        .isEqualTo("PARSED"));
        // resume-processing is not running here: the resume is still shown, without its profile.
        JsonNode parsed = http().get("/api/v1/resumes/" + id, bearer(recruiter)).json();
        assertThat(parsed.get("profile").isNull()).isTrue();
        assertThat(http().get("/api/v1/resumes?status=PARSED", bearer(recruiter))
                        .json()
                        .get("total")
                        .asLong())
                .isEqualTo(1);
    }

    @Test
    void aResumeMailedToAConfiguredMailboxBecomesAResumeOnceAndTheMailIsMarkedRead() throws Exception {
        com.icegreen.greenmail.util.GreenMail mail = new com.icegreen.greenmail.util.GreenMail(
                com.icegreen.greenmail.util.ServerSetupTest.IMAP.dynamicPort());
        mail.start();
        try {
            com.icegreen.greenmail.user.GreenMailUser inbox = mail.setUser("jobs@acme.test", "jobs", "mail-secret");
            UUID organization = UUID.randomUUID();
            String admin = TOKENS.token(UUID.randomUUID(), organization, "ADMIN");
            TestHttp.Response added = http().post(
                            "/api/v1/resumes/mailboxes",
                            TestHttp.map(
                                    "host", "127.0.0.1",
                                    "port", mail.getImap().getPort(),
                                    "tls", false,
                                    "username", "jobs",
                                    "password", "mail-secret"),
                            bearer(admin));
            assertThat(added.status()).as(added.body()).isEqualTo(201);
            assertThat(added.body()).doesNotContain("mail-secret");
            String mailbox = added.json().get("id").asString();

            byte[] pdf = TestDocuments.pdf(resumeLines("Mai Ling"));
            jakarta.mail.internet.MimeMessage message =
                    new jakarta.mail.internet.MimeMessage(jakarta.mail.Session.getInstance(new java.util.Properties()));
            message.setFrom(new jakarta.mail.internet.InternetAddress("mai.ling@example.test"));
            message.setRecipients(jakarta.mail.Message.RecipientType.TO, "jobs@acme.test");
            message.setSubject("Application: backend engineer");
            jakarta.mail.internet.MimeMultipart parts = new jakarta.mail.internet.MimeMultipart();
            jakarta.mail.internet.MimeBodyPart text = new jakarta.mail.internet.MimeBodyPart();
            text.setText("Hello, my resume is attached.");
            parts.addBodyPart(text);
            jakarta.mail.internet.MimeBodyPart resume = new jakarta.mail.internet.MimeBodyPart();
            resume.setDataHandler(new jakarta.activation.DataHandler(
                    new jakarta.mail.util.ByteArrayDataSource(pdf, "application/pdf")));
            resume.setFileName("Mai Ling CV.pdf");
            resume.setDisposition(jakarta.mail.Part.ATTACHMENT);
            parts.addBodyPart(resume);
            jakarta.mail.internet.MimeBodyPart logo = new jakarta.mail.internet.MimeBodyPart();
            logo.setDataHandler(new jakarta.activation.DataHandler(
                    new jakarta.mail.util.ByteArrayDataSource(TestDocuments.png(), "image/png")));
            logo.setFileName("logo.png");
            logo.setDisposition(jakarta.mail.Part.ATTACHMENT);
            parts.addBodyPart(logo);
            message.setContent(parts);
            message.saveChanges();
            inbox.deliver(message);

            JsonNode poll = http().post("/api/v1/resumes/mailboxes/" + mailbox + "/poll", Map.of(), bearer(admin))
                    .json();
            assertThat(poll.get("messages").asInt()).isEqualTo(1);
            assertThat(poll.get("resumes").asInt()).isEqualTo(1);
            assertThat(poll.get("skippedAttachments").asInt()).isEqualTo(1);

            JsonNode listed =
                    http().get("/api/v1/resumes?source=EMAIL", bearer(admin)).json();
            assertThat(listed.get("total").asLong()).isEqualTo(1);
            JsonNode received = listed.get("items").get(0);
            assertThat(received.get("candidateEmail").asString()).isEqualTo("mai.ling@example.test");
            assertThat(received.get("fileName").asString()).isEqualTo("Mai Ling CV.pdf");
            assertThat(http().getBytes("/api/v1/resumes/" + received.get("id").asString() + "/original", bearer(admin)))
                    .isEqualTo(pdf);
            jakarta.mail.internet.MimeMessage[] stored = mail.getReceivedMessages();
            assertThat(stored[0].getFlags().contains(jakarta.mail.Flags.Flag.SEEN))
                    .isTrue();

            JsonNode again = http().post("/api/v1/resumes/mailboxes/" + mailbox + "/poll", Map.of(), bearer(admin))
                    .json();
            assertThat(again.get("messages").asInt()).isZero();
            assertThat(http().get("/api/v1/resumes?source=EMAIL", bearer(admin))
                            .json()
                            .get("total")
                            .asLong())
                    .isEqualTo(1);
            JsonNode status = http().get("/api/v1/resumes/mailboxes", bearer(admin))
                    .json()
                    .get(0);
            assertThat(status.get("resumesReceived").asLong()).isEqualTo(1);
            assertThat(status.get("lastError").isNull()).isTrue();
            assertThat(status.has("password")).isFalse();

            // A recruiter may not read or change mailboxes; another organisation does not see them.
            String recruiterThere = TOKENS.token(UUID.randomUUID(), organization, "RECRUITER");
            assertThat(http().get("/api/v1/resumes/mailboxes", bearer(recruiterThere))
                            .status())
                    .isEqualTo(403);
            String otherAdmin = TOKENS.token(UUID.randomUUID(), UUID.randomUUID(), "ADMIN");
            assertThat(http().post("/api/v1/resumes/mailboxes/" + mailbox + "/poll", Map.of(), bearer(otherAdmin))
                            .status())
                    .isEqualTo(404);
        } finally {
            mail.stop();
        }
    }

    @Test
    void aWrongMailboxPasswordIsReportedOnTheMailboxNotLost() {
        com.icegreen.greenmail.util.GreenMail mail = new com.icegreen.greenmail.util.GreenMail(
                com.icegreen.greenmail.util.ServerSetupTest.IMAP.dynamicPort());
        mail.start();
        try {
            mail.setUser("hr@acme.test", "hr", "right");
            String admin = TOKENS.token(UUID.randomUUID(), UUID.randomUUID(), "ADMIN");
            String mailbox = http().post(
                            "/api/v1/resumes/mailboxes",
                            TestHttp.map(
                                    "host",
                                    "127.0.0.1",
                                    "port",
                                    mail.getImap().getPort(),
                                    "tls",
                                    false,
                                    "username",
                                    "hr",
                                    "password",
                                    "wrong"),
                            bearer(admin))
                    .json()
                    .get("id")
                    .asString();
            JsonNode poll = http().post("/api/v1/resumes/mailboxes/" + mailbox + "/poll", Map.of(), bearer(admin))
                    .json();
            assertThat(poll.get("error").asString()).contains("refused the user name or password");
            assertThat(http().get("/api/v1/resumes/mailboxes", bearer(admin))
                            .json()
                            .get(0)
                            .get("lastError")
                            .asString())
                    .contains("refused");
            TestHttp.Response invalid = http().post(
                            "/api/v1/resumes/mailboxes",
                            TestHttp.map("host", "bad host!", "port", 99999, "username", "", "password", "x"),
                            bearer(admin));
            assertThat(invalid.status()).isEqualTo(400);
            assertThat(invalid.body()).contains("host").contains("port").contains("username");
        } finally {
            mail.stop();
        }
    }

    @Test
    void aClosedPortAndAnOpenPortThatIsNoMailServerLookTheSameToTheAdmin() throws Exception {
        String admin = TOKENS.token(UUID.randomUUID(), UUID.randomUUID(), "ADMIN");
        int closed = TestSockets.closedPort();
        // Something that is not a mail server, like an SSH daemon: greets and hangs up.
        try (TestSockets.Greeter ssh = TestSockets.greeter(TestSockets.SSH_GREETING, true)) {
            List<String> errors = new ArrayList<>();
            for (int port : new int[] {closed, ssh.port()}) {
                for (boolean tls : new boolean[] {false, true}) {
                    String mailbox = http().post(
                                    "/api/v1/resumes/mailboxes",
                                    TestHttp.map(
                                            "host", "127.0.0.1",
                                            "port", port,
                                            "tls", tls,
                                            "username", "hr",
                                            "password", "secret"),
                                    bearer(admin))
                            .json()
                            .get("id")
                            .asString();
                    JsonNode poll = http().post(
                                    "/api/v1/resumes/mailboxes/" + mailbox + "/poll", Map.of(), bearer(admin))
                            .json();
                    errors.add(poll.get("error").asString());
                }
            }
            for (JsonNode mailbox :
                    http().get("/api/v1/resumes/mailboxes", bearer(admin)).json()) {
                errors.add(mailbox.get("lastError").asString());
            }
            assertThat(errors).hasSize(8).containsOnly("The mail server could not be reached.");
        }
    }

    void publish(String topic, String key, Object event) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, json.writeValueAsString(event));
        record.headers().add(EventHeaders.EVENT_ID, UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
        kafka.send(record).join();
    }
}

package io.openhire.privacy;

import static io.openhire.platform.test.TestHttp.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import io.openhire.platform.test.TestHttp;
import io.openhire.platform.test.TestInfrastructure;
import io.openhire.platform.test.TestTokens;
import io.openhire.privacy.events.DataSubjectRequestOpened;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A person's access and erasure requests as an admin files and follows them, and as the services answer them:
 * the deadline, the person given only to the services and only while the request is open, completion when every
 * service has answered (an erasure only with nothing left), the export, and the proof that names no one.
 */
@SpringBootTest(
        classes = DataSubjectRequestsIT.App.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.application.name=privacy", "openhire.privacy.participants=applications,communication"})
class DataSubjectRequestsIT {

    static final TestTokens TOKENS = new TestTokens();

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(PrivacyConfiguration.class)
    static class App {}

    static final java.nio.file.Path LEDGER;

    static {
        try {
            LEDGER = java.nio.file.Files.createTempDirectory("privacy-backups").resolve("erasures.ledger");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "privacy");
        registry.add("openhire.privacy.erasure-ledger", LEDGER::toString);
        registry.add("openhire.security.jwk-set-uri", TOKENS::jwkSetUri);
        registry.add("openhire.privacy.key", () -> Base64.getEncoder().encodeToString(new byte[32]));
    }

    @AfterAll
    static void stop() {
        TOKENS.close();
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    @Autowired
    io.openhire.privacy.requests.ErasureReplay erasureReplay;

    final UUID org = UUID.randomUUID();
    final UUID otherOrg = UUID.randomUUID();
    final String admin = TOKENS.token(UUID.randomUUID(), org, "ADMIN");
    final String recruiter = TOKENS.token(UUID.randomUUID(), org, "RECRUITER");
    final String otherAdmin = TOKENS.token(UUID.randomUUID(), otherOrg, "ADMIN");
    final String applications = TOKENS.serviceToken("applications", org);
    final String communication = TOKENS.serviceToken("communication", org);

    TestHttp http() {
        return new TestHttp("http://localhost:" + port);
    }

    JsonNode file(Map<String, Object> body) {
        TestHttp.Response response = http().post("/api/v1/privacy/requests", body, bearer(admin));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json();
    }

    JsonNode request(String id) {
        TestHttp.Response response = http().get("/api/v1/privacy/requests/" + id, bearer(admin));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    int answer(String id, String service, String token, Map<String, Object> answer) {
        return http().put("/api/v1/privacy/requests/" + id + "/answers/" + service, answer, bearer(token))
                .status();
    }

    @Test
    void anErasureCompletesWhenEveryServiceHasNothingLeftAndKeepsProofWithoutThePerson() {
        JsonNode filed = file(Map.of(
                "type", "erasure", "email", "Jane.Doe@Example.com", "phone", "+44 20 7946 0958", "name", "Jane Doe"));
        String id = filed.path("id").asString();
        assertThat(filed.path("status").asString()).isEqualTo("OPEN");
        assertThat(filed.path("subject").asString()).isEqualTo("j***@example.com");
        Instant received = Instant.parse(filed.path("receivedAt").asString());
        Instant due = Instant.parse(filed.path("dueAt").asString());
        assertThat(Duration.between(received, due).toDays()).isBetween(28L, 31L);
        assertThat(filed.path("answers"))
                .hasSize(2)
                .allSatisfy(a -> assertThat(a.path("answered").asBoolean()).isFalse());

        // The services are told, without the person in the event.
        List<String> events = jdbc.sql("SELECT payload FROM outbox_event WHERE topic = :topic AND event_key = :id")
                .param("topic", DataSubjectRequestOpened.TOPIC)
                .param("id", id)
                .query(String.class)
                .list();
        assertThat(events)
                .singleElement()
                .satisfies(e -> assertThat(e).contains("ERASURE").doesNotContainIgnoringCase("jane"));

        // A participating service reads the person; nobody else does.
        TestHttp.Response subject = http().get("/api/v1/privacy/requests/" + id + "/subject", bearer(applications));
        assertThat(subject.status()).as(subject.body()).isEqualTo(200);
        assertThat(subject.json().path("emails").get(0).asString()).isEqualTo("jane.doe@example.com");
        assertThat(subject.json().path("phones").get(0).asString()).isEqualTo("+442079460958");
        assertThat(http().get("/api/v1/privacy/requests/" + id + "/subject", bearer(admin))
                        .status())
                .isEqualTo(403);
        assertThat(http().get(
                                "/api/v1/privacy/requests/" + id + "/subject",
                                bearer(TOKENS.serviceToken("applications", otherOrg)))
                        .status())
                .isEqualTo(404);

        // A service answers for itself only.
        assertThat(answer(id, "communication", applications, Map.of("records", 1, "remaining", 0)))
                .isEqualTo(403);
        assertThat(answer(id, "dashboard", TOKENS.serviceToken("dashboard", org), Map.of("records", 0, "remaining", 0)))
                .isEqualTo(403);

        assertThat(answer(id, "applications", applications, Map.of("records", 3, "remaining", 0)))
                .isEqualTo(204);
        // Something left: not complete until the service erases it and answers again.
        assertThat(answer(id, "communication", communication, Map.of("records", 5, "remaining", 2)))
                .isEqualTo(204);
        assertThat(request(id).path("status").asString()).isEqualTo("OPEN");
        assertThat(answer(id, "communication", communication, Map.of("records", 2, "remaining", 0)))
                .isEqualTo(204);

        JsonNode done = request(id);
        assertThat(done.path("status").asString()).isEqualTo("COMPLETED");
        assertThat(done.path("completedAt").isNull()).isFalse();
        Map<String, Integer> records = new HashMap<>();
        done.path("answers")
                .forEach(a -> records.put(
                        a.path("service").asString(), a.path("records").asInt()));
        assertThat(records).isEqualTo(Map.of("applications", 3, "communication", 5));

        // Closed: the person is no longer given out, and the proof names no one.
        assertThat(http().get("/api/v1/privacy/requests/" + id + "/subject", bearer(applications))
                        .status())
                .isEqualTo(410);
        assertThat(answer(id, "applications", applications, Map.of("records", 0, "remaining", 0)))
                .isEqualTo(410);
        assertThat(jdbc.sql("SELECT subject_sealed IS NULL FROM privacy_request WHERE id = :id")
                        .param("id", UUID.fromString(id))
                        .query(Boolean.class)
                        .single())
                .isTrue();
        assertThat(jdbc.sql(
                                "SELECT count(*) FROM privacy_request WHERE CAST(privacy_request AS text) ILIKE '%jane%' OR CAST(privacy_request AS text) LIKE '%7946%'")
                        .query(Integer.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM outbox_event WHERE payload ILIKE '%jane.doe%'")
                        .query(Integer.class)
                        .single())
                .as("the audit entries and events name the request, not the person")
                .isZero();

        // Another organisation's admin does not see it.
        assertThat(http().get("/api/v1/privacy/requests/" + id, bearer(otherAdmin))
                        .status())
                .isEqualTo(404);
        assertThat(http().get("/api/v1/privacy/requests", bearer(otherAdmin)).json())
                .isEmpty();
        assertThat(http().get("/api/v1/privacy/requests", bearer(recruiter)).status())
                .isEqualTo(403);
    }

    @Test
    void anAccessRequestGathersEveryServicesPartIntoOneExport() throws IOException {
        String id = file(Map.of("type", "ACCESS", "email", "sam@example.org"))
                .path("id")
                .asString();
        assertThat(http().get("/api/v1/privacy/requests/" + id + "/export", bearer(admin))
                        .status())
                .isEqualTo(409);

        byte[] original = "%PDF-1.7 Sam's resume".getBytes(StandardCharsets.UTF_8);
        assertThat(answer(
                        id,
                        "applications",
                        applications,
                        Map.of(
                                "records",
                                1,
                                "remaining",
                                1,
                                "data",
                                Map.of("candidates", List.of(Map.of("email", "sam@example.org", "stage", "Interview"))),
                                "files",
                                List.of(Map.of(
                                        "name",
                                        "../../etc/sam.pdf",
                                        "contentType",
                                        "application/pdf",
                                        "content",
                                        Base64.getEncoder().encodeToString(original))))))
                .isEqualTo(204);
        assertThat(answer(
                        id,
                        "communication",
                        communication,
                        Map.of(
                                "records",
                                2,
                                "remaining",
                                2,
                                "data",
                                Map.of("messages", List.of("Hello Sam", "Your interview")))))
                .isEqualTo(204);
        JsonNode done = request(id);
        assertThat(done.path("status").asString()).isEqualTo("COMPLETED");
        assertThat(done.path("exportReady").asBoolean()).isTrue();

        TestHttp.Response export = http().get("/api/v1/privacy/requests/" + id + "/export", bearer(admin));
        assertThat(export.status()).isEqualTo(200);
        Map<String, byte[]> entries =
                unzip(http().getBytes("/api/v1/privacy/requests/" + id + "/export", bearer(admin)));
        assertThat(entries).containsOnlyKeys("data.json", "files/applications/1-sam.pdf");
        assertThat(entries.get("files/applications/1-sam.pdf")).isEqualTo(original);
        JsonNode data = json.readTree(entries.get("data.json"));
        assertThat(data.path("services")
                        .path("applications")
                        .path("candidates")
                        .get(0)
                        .path("stage")
                        .asString())
                .isEqualTo("Interview");
        assertThat(data.path("services").path("communication").path("messages")).hasSize(2);
        assertThat(http().get("/api/v1/privacy/requests/" + id + "/export", bearer(recruiter))
                        .status())
                .isEqualTo(403);
        assertThat(http().get("/api/v1/privacy/requests/" + id + "/export", bearer(otherAdmin))
                        .status())
                .isEqualTo(404);
    }

    @Test
    void rectificationAndRestrictionAreCompletedByTheAdminWithWhatWasDone() {
        String id = file(Map.of(
                        "type", "RECTIFICATION", "email", "kim@example.org", "details", "My surname is misspelt"))
                .path("id")
                .asString();
        assertThat(request(id).path("answers")).isEmpty();
        assertThat(http().post("/api/v1/privacy/requests/" + id + "/resend", Map.of(), bearer(admin))
                        .status())
                .isEqualTo(409);
        assertThat(http().post("/api/v1/privacy/requests/" + id + "/complete", Map.of(), bearer(admin))
                        .status())
                .isEqualTo(400);
        TestHttp.Response done = http().post(
                        "/api/v1/privacy/requests/" + id + "/complete",
                        Map.of("resolution", "Surname corrected on the candidate record"),
                        bearer(admin));
        assertThat(done.status()).as(done.body()).isEqualTo(200);
        assertThat(done.json().path("status").asString()).isEqualTo("COMPLETED");
        assertThat(http().post(
                                "/api/v1/privacy/requests/" + id + "/reject",
                                Map.of("resolution", "late"),
                                bearer(admin))
                        .status())
                .isEqualTo(410);

        String access = file(Map.of("type", "ACCESS", "email", "kim@example.org"))
                .path("id")
                .asString();
        assertThat(http().post(
                                "/api/v1/privacy/requests/" + access + "/complete",
                                Map.of("resolution", "done"),
                                bearer(admin))
                        .status())
                .as("an access request completes by the services' answers")
                .isEqualTo(409);
        assertThat(http().post("/api/v1/privacy/requests/" + access + "/resend", Map.of(), bearer(admin))
                        .status())
                .isEqualTo(200);
        TestHttp.Response rejected = http().post(
                        "/api/v1/privacy/requests/" + access + "/reject",
                        Map.of("resolution", "Identity not confirmed"),
                        bearer(admin));
        assertThat(rejected.json().path("status").asString()).isEqualTo("REJECTED");
    }

    @Test
    void badRequestsAreRefusedWithAProblem() {
        record Case(Map<String, Object> body, String field) {}
        for (Case c : List.of(
                new Case(Map.of("email", "a@example.com"), "type"),
                new Case(Map.of("type", "FORGET_ME", "email", "a@example.com"), "type"),
                new Case(Map.of("type", "ACCESS"), "email"),
                new Case(Map.of("type", "ACCESS", "email", "not an email"), "email"),
                new Case(Map.of("type", "ACCESS", "email", "a@example.com", "phone", "030 901820"), "phone"),
                new Case(Map.of("type", "ACCESS", "email", "a@example.com", "details", "x".repeat(2001)), "details"),
                new Case(Map.of("type", "ACCESS", "email", "a@example.com", "source", "CARRIER_PIGEON"), "source"))) {
            TestHttp.Response response = http().post("/api/v1/privacy/requests", c.body(), bearer(admin));
            assertThat(response.status()).as(response.body()).isEqualTo(400);
            assertThat(response.body()).contains(c.field());
        }
        assertThat(http().get("/api/v1/privacy/requests?status=LOST", bearer(admin))
                        .status())
                .isEqualTo(400);
        assertThat(http().get("/api/v1/privacy/requests?limit=0", bearer(admin)).status())
                .isEqualTo(400);
        assertThat(http().get("/api/v1/privacy/requests/" + UUID.randomUUID(), bearer(admin))
                        .status())
                .isEqualTo(404);
        assertThat(http().post(
                                "/api/v1/privacy/requests",
                                Map.of("type", "ACCESS", "email", "a@example.com"),
                                bearer(recruiter))
                        .status())
                .isEqualTo(403);
        assertThat(jdbc.sql("SELECT count(*) FROM privacy_request WHERE organization_id = :org")
                        .param("org", org)
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void theCandidatePortalFilesForThePersonItVerified() {
        TestHttp.Response byPortal = http().post(
                        "/api/v1/privacy/requests",
                        Map.of("type", "ACCESS", "email", "portal@example.com", "source", "PORTAL"),
                        bearer(applications));
        assertThat(byPortal.status()).as(byPortal.body()).isEqualTo(201);
        assertThat(byPortal.json().path("requestedBy").asString()).isEqualTo("service:applications");
        assertThat(byPortal.json().path("source").asString()).isEqualTo("PORTAL");
        String id = byPortal.json().path("id").asString();
        assertThat(http().get("/api/v1/privacy/requests/" + id, bearer(applications))
                        .status())
                .isEqualTo(200);
        assertThat(http().get("/api/v1/privacy/requests/" + id, bearer(TOKENS.serviceToken("applications", otherOrg)))
                        .status())
                .isEqualTo(404);
        assertThat(http().get("/api/v1/privacy/requests/" + id + "/export", bearer(applications))
                        .status())
                .as("the export is the admin's to send")
                .isEqualTo(403);
    }

    static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> entries = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                entries.put(entry.getName(), in.readAllBytes());
            }
        }
        return entries;
    }

    @Test
    void aCompletedErasureOutlivesARestoreOfABackupTakenBeforeIt() throws IOException {
        String id = file(Map.of("type", "erasure", "email", "Ruth.Restored@Example.com", "name", "Ruth Restored"))
                .path("id")
                .asString();
        assertThat(answer(id, "applications", applications, Map.of("records", 2, "remaining", 0)))
                .isEqualTo(204);
        assertThat(answer(id, "communication", communication, Map.of("records", 1, "remaining", 0)))
                .isEqualTo(204);
        assertThat(request(id).path("status").asString()).isEqualTo("COMPLETED");
        // written down outside the database, without the person in the clear
        String ledger = java.nio.file.Files.readString(LEDGER);
        assertThat(ledger).contains(id).doesNotContainIgnoringCase("ruth");
        assertThat(erasureReplay.replay())
                .as("an ordinary restart files nothing")
                .isZero();

        // a restore brings back last night's database, from before the erasure: the request is not in it
        jdbc.sql("DELETE FROM privacy_request_answer WHERE request_id = CAST(:id AS uuid)")
                .param("id", id)
                .update();
        jdbc.sql("DELETE FROM privacy_request WHERE id = CAST(:id AS uuid)")
                .param("id", id)
                .update();

        assertThat(erasureReplay.replay()).isEqualTo(1);

        Map<String, Object> again = jdbc.sql(
                        "SELECT id, type, status, source FROM privacy_request WHERE replay_of = CAST(:id AS uuid)")
                .param("id", id)
                .query()
                .singleRow();
        assertThat(again)
                .containsEntry("type", "ERASURE")
                .containsEntry("status", "OPEN")
                .containsEntry("source", "RESTORE");
        String againId = again.get("id").toString();
        // the services are told again, and read the same person
        assertThat(jdbc.sql("SELECT count(*) FROM outbox_event WHERE topic = :topic AND event_key = :id")
                        .param("topic", DataSubjectRequestOpened.TOPIC)
                        .param("id", againId)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        TestHttp.Response subject =
                http().get("/api/v1/privacy/requests/" + againId + "/subject", bearer(applications));
        assertThat(subject.json().path("emails").get(0).asString()).isEqualTo("ruth.restored@example.com");
        // and only once
        assertThat(erasureReplay.replay()).isZero();
    }

    @Test
    void afterARestoreTheRequestsStillOpenInTheBackupAreSentToTheServicesAgain() throws IOException {
        String open = file(Map.of("type", "access", "email", "olga.open@example.com"))
                .path("id")
                .asString();
        java.nio.file.Path marker = LEDGER.resolveSibling("erasures.ledger.restored");
        java.nio.file.Files.writeString(marker, "2026-12-06T02:30:00Z"); // what ./openhire restore leaves

        erasureReplay.replay();

        assertThat(openedAnnouncements(open))
                .as("announced when filed, and again after the restore")
                .isEqualTo(2);
        assertThat(marker).doesNotExist();
        erasureReplay.replay();
        assertThat(openedAnnouncements(open))
                .as("an ordinary restart sends nothing again")
                .isEqualTo(2);
    }

    /** How many times the request was announced to the services (its events in the outbox). */
    private long openedAnnouncements(String requestId) {
        return jdbc.sql("SELECT count(*) FROM outbox_event WHERE topic = :topic AND event_key = :id")
                .param("topic", DataSubjectRequestOpened.TOPIC)
                .param("id", requestId)
                .query(Long.class)
                .single();
    }
}

package io.openhire.applications;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.openhire.platform.test.TestHttp.bearer;
import static io.openhire.platform.test.TestHttp.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.openhire.platform.events.EventHeaders;
import io.openhire.platform.test.GoldenEvents;
import io.openhire.platform.test.TestHttp;
import io.openhire.platform.test.TestInfrastructure;
import io.openhire.platform.test.TestKafka;
import io.openhire.platform.test.TestTokens;
import io.openhire.privacy.client.DataSubject;
import io.openhire.privacy.client.DataSubjectHandler;
import io.openhire.resumeprocessing.events.ResumeParsed;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * "Your data" in the candidate portal, through the API: a signed-in candidate files requests about their data with
 * privacy as themself (their account's verified address, their record's phone — never what the body says), one
 * open request of a kind at a time, and follows them; they see who of the organisation looked at their file in
 * words, never a colleague's id, and only their own file. identity, privacy, audit and resume-processing answer as
 * their APIs do (WireMock); each test has its own organisation.
 */
@SpringBootTest(
        classes = PortalPrivacyIT.App.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.application.name=applications")
@DirtiesContext // its consumers (group applications) leave before another test class's context starts
class PortalPrivacyIT {

    static final TestTokens TOKENS = new TestTokens();
    static final String SERVICE_TOKEN = TOKENS.serviceToken("applications", UUID.randomUUID());

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(ApplicationsConfiguration.class)
    static class App {}

    static final WireMockServer SERVICES =
            new WireMockServer(WireMockConfiguration.options().dynamicPort());

    static {
        SERVICES.start();
        SERVICES.stubFor(
                post(urlPathEqualTo("/api/v1/users/service-token")).willReturn(okJson("""
                        {"access_token":"%s","token_type":"Bearer","expires_in":600}""".formatted(SERVICE_TOKEN))));
        // Any record the test says nothing about has no entries in the audit log.
        SERVICES.stubFor(get(urlPathEqualTo("/api/v1/logs"))
                .atPriority(10)
                .willReturn(okJson("{\"entries\":[],\"nextBefore\":null}")));
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "applications");
        registry.add("openhire.security.jwk-set-uri", TOKENS::jwkSetUri);
        for (String service : List.of(
                "identity",
                "resume-processing",
                "resume-ingestion",
                "job-processing",
                "communication",
                "privacy",
                "audit")) {
            registry.add("openhire.clients.services." + service + ".url", SERVICES::baseUrl);
        }
        registry.add("openhire.service-account.secret", () -> "applications-secret");
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSubjectHandler handler;

    @Autowired
    TransactionTemplate transactions;

    final UUID org = UUID.randomUUID();
    final String tag = UUID.randomUUID().toString().substring(0, 8);
    final String recruiter = TOKENS.token(UUID.randomUUID(), org, "RECRUITER");

    TestHttp http() {
        return new TestHttp("http://localhost:" + port);
    }

    @Test
    void aCandidateFilesRequestsAsThemselfOneOpenOfAKindAtATimeAndFollowsThem() throws Exception {
        String annEmail = "ann." + tag + "@example.org";
        UUID ann = resume(UUID.randomUUID(), "Ann Data", annEmail, "+44 20 7946 0958");
        String annToken = signedIn(ann, annEmail);
        // She corrects the address on her record: the request still goes with the one her sign-in link went to.
        assertThat(http().patch("/api/v1/portal/me", map("email", "ann.typo." + tag + "@example.org"), bearer(annToken))
                        .status())
                .isEqualTo(200);

        UUID erasure = UUID.randomUUID();
        privacyFiles("ERASURE", erasure, Instant.now().minus(1, ChronoUnit.MINUTES));
        TestHttp.Response filed = http().post(
                        "/api/v1/portal/privacy-requests",
                        map(
                                "type",
                                "erasure",
                                "details",
                                "Please delete everything you hold about me.",
                                "email",
                                "victim@example.org",
                                "phone",
                                "+1 555 555 0100",
                                "name",
                                "Someone Else"),
                        bearer(annToken));
        assertThat(filed.status()).as(filed.body()).isEqualTo(201);
        assertThat(filed.json().get("id").asString()).isEqualTo(erasure.toString());
        assertThat(filed.json().get("status").asString()).isEqualTo("OPEN");
        assertThat(filed.json().get("dueAt").asString()).isNotBlank();
        // privacy was asked by this service (source PORTAL) about Ann as her account and record say, not the body.
        SERVICES.verify(
                1,
                postRequestedFor(urlPathEqualTo("/api/v1/privacy/requests"))
                        .withHeader("Authorization", equalTo("Bearer " + SERVICE_TOKEN))
                        .withRequestBody(equalToJson("""
                                {"type":"ERASURE","email":"%s","phone":"+442079460958","name":"Ann Data",
                                 "details":"Please delete everything you hold about me.","source":"PORTAL"}""".formatted(annEmail))));
        assertThat(filedWith("victim@example.org")).isEmpty();

        // Bad input: a 400 naming the field, and nothing filed.
        assertField(http().post("/api/v1/portal/privacy-requests", map("type", "DELETE_ME"), bearer(annToken)), "type");
        assertField(
                http().post("/api/v1/portal/privacy-requests", map("details", "no type"), bearer(annToken)), "type");
        assertField(
                http().post(
                                "/api/v1/portal/privacy-requests",
                                map("type", "ACCESS", "details", "x".repeat(2001)),
                                bearer(annToken)),
                "details");
        assertField(
                http().post("/api/v1/portal/privacy-requests", map("type", "RECTIFICATION"), bearer(annToken)),
                "details");
        assertThat(SERVICES.findAll(postRequestedFor(urlPathEqualTo("/api/v1/privacy/requests"))
                        .withRequestBody(containingJson("$.email", annEmail))))
                .hasSize(1);

        // A second erasure while the first is open: 409, nothing filed; another kind of request goes.
        privacyShows(erasure, "ERASURE", "OPEN", null);
        TestHttp.Response again =
                http().post("/api/v1/portal/privacy-requests", map("type", "ERASURE"), bearer(annToken));
        assertThat(again.status()).as(again.body()).isEqualTo(409);
        assertThat(again.json().get("type").asString()).endsWith("request-already-open");
        assertThat(again.json().get("openRequestId").asString()).isEqualTo(erasure.toString());
        UUID access = UUID.randomUUID();
        privacyFiles("ACCESS", access, Instant.now());
        assertThat(http().post("/api/v1/portal/privacy-requests", map("type", "ACCESS"), bearer(annToken))
                        .status())
                .isEqualTo(201);
        assertThat(SERVICES.findAll(postRequestedFor(urlPathEqualTo("/api/v1/privacy/requests"))
                        .withRequestBody(containingJson("$.email", annEmail))))
                .hasSize(2);

        // The list: the status privacy gives now; one privacy no longer knows is shown as it was filed.
        privacyShows(erasure, "ERASURE", "COMPLETED", "Everything about you was deleted.");
        SERVICES.stubFor(get(urlPathEqualTo("/api/v1/privacy/requests/" + access))
                .willReturn(aResponse()
                        .withStatus(404)
                        .withHeader("Content-Type", "application/problem+json")
                        .withBody("{\"title\":\"Not found\",\"status\":404}")));
        TestHttp.Response list = http().get("/api/v1/portal/privacy-requests", bearer(annToken));
        assertThat(list.status()).as(list.body()).isEqualTo(200);
        assertThat(list.json()).hasSize(2);
        JsonNode newest = list.json().get(0);
        assertThat(newest.get("id").asString()).isEqualTo(access.toString());
        assertThat(newest.get("status").asString()).isEqualTo("OPEN");
        assertThat(newest.get("stale").asBoolean()).isTrue();
        assertThat(newest.get("dueAt").asString()).isNotBlank();
        JsonNode completed = list.json().get(1);
        assertThat(completed.get("type").asString()).isEqualTo("ERASURE");
        assertThat(completed.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(completed.get("resolution").asString()).isEqualTo("Everything about you was deleted.");
        assertThat(completed.get("completedAt").asString()).isNotBlank();
        assertThat(completed.get("stale").asBoolean()).isFalse();
        // …and the erasure being done, she may ask for one again.
        UUID secondErasure = UUID.randomUUID();
        privacyFiles("ERASURE", secondErasure, Instant.now());
        assertThat(http().post("/api/v1/portal/privacy-requests", map("type", "ERASURE"), bearer(annToken))
                        .status())
                .isEqualTo(201);

        // Nobody else sees or files hers: another candidate, staff, an account that opens no record.
        UUID bob = resume(UUID.randomUUID(), "Bob Other", "bob." + tag + "@example.org", null);
        String bobToken = signedIn(bob, "bob." + tag + "@example.org");
        assertThat(http().get("/api/v1/portal/privacy-requests", bearer(bobToken))
                        .json())
                .isEmpty();
        assertThat(http().get("/api/v1/portal/privacy-requests", bearer(recruiter))
                        .status())
                .isEqualTo(403);
        assertThat(http().post("/api/v1/portal/privacy-requests", map("type", "ACCESS"), bearer(recruiter))
                        .status())
                .isEqualTo(403);
        assertThat(http().get(
                                "/api/v1/portal/privacy-requests",
                                bearer(TOKENS.token(UUID.randomUUID(), org, "CANDIDATE")))
                        .status())
                .isEqualTo(404);

        // Her data download carries them too.
        byte[] export = http().getBytes("/api/v1/portal/export", bearer(annToken));
        String myData = "";
        try (var zip = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(export))) {
            for (var entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (entry.getName().equals("my-data.json")) {
                    myData = new String(zip.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        assertThat(GoldenEvents.JSON.readTree(myData).get("privacyRequests")).hasSize(3);
        assertThat(myData).contains("Everything about you was deleted.");

        // Her erasure, when the services carry it out, takes what the portal remembers with the rest.
        DataSubject her = new DataSubject(UUID.randomUUID(), "ERASURE", List.of(annEmail), List.of(), null);
        transactions.execute(status -> handler.erase(org, her));
        assertThat(jdbc.sql("SELECT count(*) FROM portal_privacy_request WHERE organization_id = :org")
                        .param("org", org)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void aPhoneNumberThatLeadsToSomeoneElseIsNotSent() throws Exception {
        String carlEmail = "carl." + tag + "@example.org";
        // Carl's record shows a number that is also on Dora's: it is not verified, so it does not go.
        UUID carl = resume(UUID.randomUUID(), "Carl Shared", carlEmail, "+49 30 901820");
        resume(UUID.randomUUID(), "Dora Owner", "dora." + tag + "@example.org", "+49 30 901820");
        String carlToken = signedIn(carl, carlEmail);
        privacyFiles("ACCESS", UUID.randomUUID(), Instant.now());
        assertThat(http().post("/api/v1/portal/privacy-requests", map("type", "ACCESS"), bearer(carlToken))
                        .status())
                .isEqualTo(201);
        List<LoggedRequest> sent = filedWith(carlEmail);
        assertThat(sent).hasSize(1);
        JsonNode body = GoldenEvents.JSON.readTree(sent.getFirst().getBodyAsString());
        assertThat(body.get("phone").isNull()).as(body.toString()).isTrue();
        assertThat(body.get("email").asString()).isEqualTo(carlEmail);
    }

    @Test
    void aCandidateSeesWhoLookedAtTheirFileInWordsAndOnlyTheirOwn() throws Exception {
        String veraEmail = "vera." + tag + "@example.org";
        UUID veraResume = UUID.randomUUID();
        UUID vera = resume(veraResume, "Vera Viewed", veraEmail, null);
        // A second record of hers (another address), merged in by a recruiter: its history is hers too.
        UUID veraPrivate = resume(UUID.randomUUID(), "Vera Viewed", "vera.private." + tag + "@example.org", null);
        assertThat(http().post(
                                "/api/v1/candidates/" + vera + "/merge",
                                map("candidateId", veraPrivate),
                                bearer(recruiter))
                        .status())
                .isEqualTo(200);
        UUID veraUser = UUID.randomUUID();
        String veraToken = signedIn(vera, veraEmail, veraUser);
        UUID staff = UUID.randomUUID();
        UUID otherStaff = UUID.randomUUID();
        UUID apiKey = UUID.randomUUID();
        Instant t = Instant.parse("2026-11-02T10:00:00Z");
        audit(
                "candidate",
                vera,
                List.of(
                        entry(1, t.plusSeconds(60), "user:" + staff, "candidate.viewed", "SUCCESS"),
                        entry(2, t.plusSeconds(120), "user:" + staff, "candidate.merged", "SUCCESS"),
                        entry(3, t.plusSeconds(180), "user:" + veraUser, "candidate.viewed", "SUCCESS"),
                        entry(4, t.plusSeconds(240), "user:" + otherStaff, "candidate.viewed", "DENIED"),
                        entry(9, t.plusSeconds(500), "user:" + otherStaff, "candidate.revealed", "SUCCESS")));
        audit("candidate", veraPrivate, List.of(entry(0, t, "user:" + otherStaff, "candidate.viewed", "SUCCESS")));
        audit(
                "resume",
                veraResume,
                List.of(
                        entry(5, t.plusSeconds(300), "api-key:" + apiKey, "resume.profile-viewed", "SUCCESS"),
                        entry(6, t.plusSeconds(360), "user:" + staff, "resume.viewed", "SUCCESS"),
                        entry(7, t.plusSeconds(420), "user:" + staff, "resume.downloaded", "SUCCESS")));

        TestHttp.Response views = http().get("/api/v1/portal/views", bearer(veraToken));
        assertThat(views.status()).as(views.body()).isEqualTo(200);
        assertThat(views.json())
                .extracting(v -> v.get("what").asString())
                .containsExactly(
                        "revealed your identity in a blind review",
                        "downloaded your resume",
                        "opened your resume",
                        "opened your profile",
                        "opened your profile",
                        "opened your profile");
        assertThat(views.json())
                .extracting(v -> v.get("occurredAt").asString())
                .containsExactly(
                        t.plusSeconds(500).toString(),
                        t.plusSeconds(420).toString(),
                        t.plusSeconds(360).toString(),
                        t.plusSeconds(300).toString(),
                        t.plusSeconds(60).toString(),
                        t.toString());
        assertThat(views.json().get(0).get("by").asString()).isEqualTo("a member of Acme Agency's team");
        assertThat(views.json().get(3).get("by").asString()).isEqualTo("a tool used by Acme Agency's team");
        assertThat(views.body())
                .doesNotContain(staff.toString(), otherStaff.toString(), apiKey.toString(), veraUser.toString())
                .doesNotContain("user:", "api-key:");
        // Read as this service, one record at a time.
        SERVICES.verify(getRequestedFor(urlPathEqualTo("/api/v1/logs"))
                .withQueryParam("resourceType", equalTo("candidate"))
                .withQueryParam("resourceId", equalTo(vera.toString()))
                .withHeader("Authorization", equalTo("Bearer " + SERVICE_TOKEN)));

        // Another candidate sees their own file's entries only.
        UUID walt = resume(UUID.randomUUID(), "Walt Else", "walt." + tag + "@example.org", null);
        String waltToken = signedIn(walt, "walt." + tag + "@example.org");
        audit("candidate", walt, List.of(entry(1, t.plusSeconds(30), "user:" + staff, "candidate.viewed", "SUCCESS")));
        TestHttp.Response walts = http().get("/api/v1/portal/views", bearer(waltToken));
        assertThat(walts.status()).as(walts.body()).isEqualTo(200);
        assertThat(walts.json()).hasSize(1);
        assertThat(walts.json().get(0).get("occurredAt").asString())
                .isEqualTo(t.plusSeconds(30).toString());
        // Staff have their own pages; an account without a record has no file here.
        assertThat(http().get("/api/v1/portal/views", bearer(recruiter)).status())
                .isEqualTo(403);
        assertThat(http().get("/api/v1/portal/views", bearer(TOKENS.token(UUID.randomUUID(), org, "CANDIDATE")))
                        .status())
                .isEqualTo(404);

        // The audit log failing: a 503 problem, not a 500.
        UUID xena = resume(UUID.randomUUID(), "Xena Down", "xena." + tag + "@example.org", null);
        String xenaToken = signedIn(xena, "xena." + tag + "@example.org");
        SERVICES.stubFor(get(urlPathEqualTo("/api/v1/logs"))
                .withQueryParam("resourceId", equalTo(xena.toString()))
                .willReturn(aResponse().withStatus(500)));
        TestHttp.Response down = http().get("/api/v1/portal/views", bearer(xenaToken));
        assertThat(down.status()).as(down.body()).isEqualTo(503);
        assertThat(down.json().get("type").asString()).endsWith("dependency-unavailable");
    }

    // ---- the stand-ins

    /** The candidate's portal account (as a sign-in link leaves it) and identity's answer about it; their token. */
    String signedIn(UUID candidate, String email) {
        return signedIn(candidate, email, UUID.randomUUID());
    }

    String signedIn(UUID candidate, String email, UUID user) {
        jdbc.sql("""
                        INSERT INTO portal_account (user_id, organization_id, candidate_id, created_at)
                        VALUES (:user, :org, :candidate, now())
                        """)
                .param("user", user)
                .param("org", org)
                .param("candidate", candidate)
                .update();
        SERVICES.stubFor(get(urlPathEqualTo("/api/v1/users/" + user))
                .willReturn(okJson(GoldenEvents.JSON.writeValueAsString(map(
                        "id",
                        user,
                        "organization",
                        map("id", org, "name", "Acme Agency"),
                        "email",
                        email,
                        "role",
                        "CANDIDATE",
                        "status",
                        "ACTIVE")))));
        return TOKENS.token(user, org, "CANDIDATE");
    }

    /** privacy files a request of this type (the latest stub wins) and answers it as filed. */
    void privacyFiles(String type, UUID id, Instant receivedAt) {
        SERVICES.stubFor(post(urlPathEqualTo("/api/v1/privacy/requests"))
                .withRequestBody(matchingJsonPath("$.type", equalTo(type)))
                .willReturn(aResponse()
                        .withStatus(201)
                        .withHeader("Content-Type", "application/json")
                        .withBody(request(id, type, "OPEN", receivedAt, null))));
    }

    void privacyShows(UUID id, String type, String status, String resolution) {
        SERVICES.stubFor(get(urlPathEqualTo("/api/v1/privacy/requests/" + id))
                .willReturn(okJson(request(id, type, status, Instant.now().minus(1, ChronoUnit.MINUTES), resolution))));
    }

    static String request(UUID id, String type, String status, Instant receivedAt, String resolution) {
        boolean open = status.equals("OPEN");
        Map<String, Object> request = new java.util.LinkedHashMap<>();
        request.put("id", id);
        request.put("type", type);
        request.put("status", status);
        request.put("subject", "a***@example.org");
        request.put("source", "PORTAL");
        request.put("receivedAt", receivedAt.toString());
        request.put("dueAt", receivedAt.plus(30, ChronoUnit.DAYS).toString());
        request.put("completedAt", open ? null : Instant.now().toString());
        request.put("overdue", false);
        request.put("requestedBy", "service:applications");
        request.put("resolution", resolution);
        request.put("exportReady", false);
        request.put("answers", List.of());
        return GoldenEvents.JSON.writeValueAsString(request);
    }

    List<LoggedRequest> filedWith(String email) {
        return SERVICES.findAll(postRequestedFor(urlPathEqualTo("/api/v1/privacy/requests"))
                .withRequestBody(containingJson("$.email", email)));
    }

    static com.github.tomakehurst.wiremock.matching.StringValuePattern containingJson(String path, String value) {
        return matchingJsonPath(path, equalTo(value));
    }

    /** The audit log's entries of one record, newest first as it answers them. */
    void audit(String resourceType, UUID id, List<Map<String, Object>> entries) {
        List<Map<String, Object>> page = new ArrayList<>();
        for (Map<String, Object> entry : entries) {
            Map<String, Object> full = new java.util.LinkedHashMap<>(entry);
            full.put("organizationId", org);
            full.put("resourceType", resourceType);
            full.put("resourceId", id.toString());
            page.add(full);
        }
        page.sort((a, b) -> Long.compare((Long) b.get("position"), (Long) a.get("position")));
        SERVICES.stubFor(get(urlPathEqualTo("/api/v1/logs"))
                .withQueryParam("resourceType", equalTo(resourceType))
                .withQueryParam("resourceId", equalTo(id.toString()))
                .willReturn(okJson(GoldenEvents.JSON.writeValueAsString(map("entries", page, "nextBefore", null)))));
    }

    static Map<String, Object> entry(long position, Instant at, String actor, String action, String result) {
        Map<String, Object> entry = new java.util.LinkedHashMap<>();
        entry.put("position", position);
        entry.put("id", UUID.randomUUID());
        entry.put("occurredAt", at.toString());
        entry.put("recordedAt", at.plusSeconds(1).toString());
        entry.put("actor", actor);
        entry.put("action", action);
        entry.put("result", result);
        entry.put("ip", "203.0.113.7");
        entry.put("requestId", "req-" + position);
        entry.put("service", "applications");
        entry.put("previousHash", "0".repeat(64));
        entry.put("hash", "1".repeat(64));
        return entry;
    }

    static void assertField(TestHttp.Response response, String field) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo(field);
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

    /** A resume parsed by resume-processing (its profile answered by the stand-in); answers the candidate id. */
    UUID resume(UUID resumeId, String name, String email, String phone) throws Exception {
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
                                List.of(email),
                                "phones",
                                phone == null ? List.of() : List.of(phone),
                                "headline",
                                "Engineer",
                                "skills",
                                List.of(),
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
                        "Engineer",
                        List.of("Engineer"),
                        List.of(),
                        4.0,
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
}

package io.openhire.applications;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
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
import io.openhire.jobingestion.events.JobIngested;
import io.openhire.platform.events.EventHeaders;
import io.openhire.platform.test.GoldenEvents;
import io.openhire.platform.test.TestHttp;
import io.openhire.platform.test.TestInfrastructure;
import io.openhire.platform.test.TestKafka;
import io.openhire.platform.test.TestTokens;
import io.openhire.privacy.client.DataSubject;
import io.openhire.privacy.client.DataSubjectHandler;
import io.openhire.privacy.client.SubjectAnswer;
import io.openhire.resumeprocessing.events.ResumeParsed;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
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
 * Data-subject requests against applications' own records: a person filed from two resumes (one record merged
 * into the other), who applied on the career site (consent, confirmation, their phone as typed), was moved,
 * rated, noted, tagged, shared with a client who gave feedback, and asked for a portal sign-in link; someone else
 * in the same organisation; and the same person in another organisation. The handler is called as the privacy
 * listener calls it. resume-processing, resume-ingestion, job-processing, identity and communication answer as
 * their APIs do (WireMock).
 */
@SpringBootTest(
        classes = DataSubjectsIT.App.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.application.name=applications")
@DirtiesContext // its consumers (group applications) leave before another test class's context starts
class DataSubjectsIT {

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
        SERVICES.stubFor(post(urlPathEqualTo("/api/v1/communications/send"))
                .willReturn(aResponse()
                        .withStatus(202)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"messageId\":\"%s\",\"status\":\"QUEUED\"}".formatted(UUID.randomUUID()))));
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
        registry.add("openhire.clients.services.privacy.url", SERVICES::baseUrl);
        registry.add("openhire.applications.confirmations-every", () -> "PT0.5S");
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
    final UUID elsewhere = UUID.randomUUID();
    final String recruiter = TOKENS.token(UUID.randomUUID(), org, "RECRUITER");
    final String admin = TOKENS.token(UUID.randomUUID(), org, "ADMIN");
    final String elsewhereRecruiter = TOKENS.token(UUID.randomUUID(), elsewhere, "RECRUITER");

    TestHttp http() {
        return new TestHttp("http://localhost:" + port);
    }

    @Test
    void accessGathersThePersonsRecordsAndErasureLeavesNothingOfThemAndEveryoneElsesUntouched() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String email = "lena." + tag + "@example.org";
        String privateEmail = "lena.private." + tag + "@example.org";
        String benEmail = "ben." + tag + "@example.org";
        UUID job = job(org, "Data Engineer");

        // Lena: a resume (her phone in national form), a second one under a private address merged into it.
        UUID lena = resume(org, UUID.randomUUID(), "Lena Fischer", email, "0151 5550 1234");
        UUID lenaPrivate = resume(org, UUID.randomUUID(), "Lena Fischer", privateEmail, null);
        assertThat(lenaPrivate).isNotEqualTo(lena);
        TestHttp.Response merged = http().post(
                        "/api/v1/candidates/" + lena + "/merge", map("candidateId", lenaPrivate), bearer(recruiter));
        assertThat(merged.status()).as(merged.body()).isEqualTo(200);

        // …who applies on the career site: consent, a confirmation, the phone as she typed it (a correction).
        String application = applyOnTheCareerSite(job, "Lena Fischer", email, "+49 151 55501234");
        assertThat(jdbc.sql("SELECT candidate_id FROM application WHERE id = CAST(:id AS uuid)")
                        .param("id", application)
                        .query(UUID.class)
                        .single())
                .isEqualTo(lena);
        // …is moved, rated, noted, tagged and corrected by recruiters…
        assertThat(http().post(
                                "/api/v1/applications/" + application + "/move",
                                map("stageId", stage("Screening")),
                                bearer(recruiter))
                        .status())
                .isEqualTo(200);
        TestHttp.Response card = http().put(
                        "/api/v1/applications/" + application + "/scorecard",
                        map(
                                "ratings",
                                map("Skills", 4, "Experience", 3, "Communication", 4, "Motivation", 4),
                                "overall",
                                4,
                                "comment",
                                "Knows her window functions."),
                        bearer(recruiter));
        assertThat(card.status()).as(card.body()).isEqualTo(200);
        assertThat(http().post("/api/v1/candidates/" + lena + "/notes", map("text", "Strong SQL."), bearer(recruiter))
                        .status())
                .isEqualTo(201);
        assertThat(http().put(
                                "/api/v1/candidates/" + lena + "/tags",
                                map("tags", List.of("Relocating")),
                                bearer(recruiter))
                        .status())
                .isEqualTo(200);
        assertThat(http().patch("/api/v1/candidates/" + lena, map("headline", "Analytics lead"), bearer(recruiter))
                        .status())
                .isEqualTo(200);
        // …is shared with a client, who gives feedback (written on the application as a note too)…
        String clientToken = clientFor(job);
        assertThat(http().put(
                                "/api/v1/applications/" + application + "/share",
                                map("revealed", true),
                                bearer(recruiter))
                        .status())
                .isEqualTo(200);
        assertThat(http().post(
                                "/api/v1/client-portal/applications/" + application + "/feedback",
                                map("verdict", "up", "comment", "Great fit.", "requestInterview", true),
                                bearer(clientToken))
                        .status())
                .isEqualTo(201);
        // …and asks for a sign-in link to the candidate portal.
        UUID portalUser = UUID.randomUUID();
        SERVICES.stubFor(post(urlPathEqualTo("/api/v1/users/sign-in-links"))
                .withRequestBody(containing(email))
                .willReturn(okJson("{\"userId\":\"%s\",\"token\":\"ohl_for-lena\",\"expiresAt\":\"%s\"}"
                        .formatted(portalUser, Instant.now().plusSeconds(1800)))));
        assertThat(http().post("/api/v1/careers/" + org + "/sign-in", map("email", email))
                        .status())
                .isEqualTo(202);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> jdbc.sql("SELECT count(*) FROM portal_account WHERE user_id = :user")
                                .param("user", portalUser)
                                .query(Long.class)
                                .single()
                        == 1);
        String lenaToken = TOKENS.token(portalUser, org, "CANDIDATE");
        assertThat(http().get("/api/v1/portal/me", bearer(lenaToken)).status()).isEqualTo(200);

        // Ben, in the same organisation: applied to the same job, shared, noted, tagged.
        UUID ben = resume(org, UUID.randomUUID(), "Ben Okafor", benEmail, "+234 803 555 0199");
        String benApplication = apply(recruiter, ben, job);
        http().put("/api/v1/applications/" + benApplication + "/share", map("revealed", false), bearer(recruiter));
        http().post("/api/v1/candidates/" + ben + "/notes", map("text", "Ask about Kafka."), bearer(recruiter));
        http().put("/api/v1/candidates/" + ben + "/tags", map("tags", List.of("Silver medallist")), bearer(recruiter));
        // Lena in another organisation, with an application there.
        UUID lenaElsewhere = resume(elsewhere, UUID.randomUUID(), "Lena Fischer", email, "0151 5550 1234");
        apply(elsewhereRecruiter, lenaElsewhere, job(elsewhere, "Analyst"));

        DataSubject subject =
                new DataSubject(UUID.randomUUID(), "ACCESS", List.of(email), List.of("+4915155501234"), "Lena Fischer");
        DataSubject benSubject =
                new DataSubject(UUID.randomUUID(), "ACCESS", List.of(benEmail), List.of(), "Ben Okafor");
        int benBefore = handler.count(org, benSubject);
        int elsewhereBefore = handler.count(elsewhere, subject);
        assertThat(benBefore).isPositive();
        assertThat(elsewhereBefore).isPositive();

        // ACCESS: her records, both of her records, nothing of Ben's nor of the colleagues who worked on her.
        SubjectAnswer access = handler.access(org, subject);
        assertThat(access.records()).isPositive().isEqualTo(access.remaining());
        assertThat(access.files()).as("the resume files are resume-ingestion's").isEmpty();
        JsonNode data = GoldenEvents.JSON.valueToTree(access.data());
        assertThat(data.get("candidates")).hasSize(2);
        assertThat(data.get("applications")).hasSize(1);
        assertThat(data.get("applications").get(0).get("jobTitle").asString()).isEqualTo("Data Engineer");
        assertThat(data.get("stageHistory").toString()).contains("Applied", "Screening");
        assertThat(data.get("consents").get(0).get("noticeVersion").isNumber()).isTrue();
        assertThat(data.get("consents").get(0).get("givenAt").asString()).isNotBlank();
        assertThat(data.get("scorecards").get(0).get("ratings").get("Skills").asInt())
                .isEqualTo(4);
        assertThat(data.toString())
                .contains(email, privateEmail, "0151 5550 1234", "+49 151 55501234")
                .contains("Strong SQL.", "Relocating", "Analytics lead", "Knows her window functions.", "Great fit.")
                .contains(portalUser.toString())
                .doesNotContain(benEmail, "Ben Okafor", "Ask about Kafka", "Silver medallist")
                .doesNotContain("Sam Recruiter", "Cleo Client");
        // Her phone alone finds the same records (in any of its forms); her name alone finds nothing.
        assertThat(handler.count(org, new DataSubject(null, "ACCESS", List.of(), List.of("0151 55501234"), null)))
                .isEqualTo(access.records());
        assertThat(handler.count(org, new DataSubject(null, "ACCESS", List.of(), List.of(), "Lena Fischer")))
                .isZero();

        // (the search below finds her before the erasure)
        assertThat(traces(org, email)).isNotEmpty();
        assertThat(traces(org, "Fischer")).isNotEmpty();
        assertThat(phoneTraces(org, "155501234")).isNotEmpty();

        // ERASURE, as the listener runs it: in a transaction.
        Integer erased = transactions.execute(status -> handler.erase(org, subject));
        assertThat(erased).isEqualTo(access.records());
        assertThat(handler.count(org, subject)).isZero();
        Integer again = transactions.execute(status -> handler.erase(org, subject));
        assertThat(again).as("a redelivered request finds nothing left").isZero();
        assertThat(handler.access(org, subject).records()).isZero();
        // Nothing of her anywhere in the organisation's rows, in any column of any table (the outbox's too).
        assertThat(traces(org, email)).isEmpty();
        assertThat(traces(org, privateEmail)).isEmpty();
        assertThat(traces(org, "Fischer")).isEmpty();
        assertThat(phoneTraces(org, "155501234")).isEmpty();
        // Her resumes are remembered as deleted (ids only): a late parse does not file her again.
        assertThat(jdbc.sql("SELECT count(*) FROM deleted_resume WHERE organization_id = :org")
                        .param("org", org)
                        .query(Long.class)
                        .single())
                .isEqualTo(3L);
        // The portal no longer opens a record for her account.
        assertThat(http().get("/api/v1/portal/me", bearer(lenaToken)).status()).isEqualTo(404);

        // Ben, and Lena in the other organisation, are as they were.
        assertThat(handler.count(org, benSubject)).isEqualTo(benBefore);
        assertThat(handler.count(elsewhere, subject)).isEqualTo(elsewhereBefore);
        JsonNode benNow =
                http().get("/api/v1/candidates/" + ben, bearer(recruiter)).json();
        assertThat(benNow.get("email").asString()).isEqualTo(benEmail);
        assertThat(benNow.get("applications")).hasSize(1);
        assertThat(benNow.get("tags").toString()).contains("Silver medallist");
        assertThat(http().get("/api/v1/candidates/" + ben + "/notes", bearer(recruiter))
                        .body())
                .contains("Ask about Kafka.");
        assertThat(http().get("/api/v1/applications/" + benApplication + "/share", bearer(recruiter))
                        .json()
                        .get("shared")
                        .asBoolean())
                .isTrue();
        assertThat(http().get("/api/v1/candidates/" + lenaElsewhere, bearer(elsewhereRecruiter))
                        .status())
                .isEqualTo(200);
    }

    /** The organisation's rows (every table with an organization_id) that hold {@code needle} in any column. */
    List<String> traces(UUID organizationId, String needle) {
        return matches(organizationId, "strpos(lower(CAST(t AS text)), lower(:needle)) > 0", needle);
    }

    /** The same for a phone number's digits, whatever it was written with. */
    List<String> phoneTraces(UUID organizationId, String digits) {
        return matches(organizationId, "strpos(regexp_replace(CAST(t AS text), '\\D', '', 'g'), :needle) > 0", digits);
    }

    private List<String> matches(UUID organizationId, String condition, String needle) {
        List<String> tables = jdbc.sql("""
                        SELECT table_name FROM information_schema.columns
                        WHERE column_name = 'organization_id' AND table_schema = current_schema() ORDER BY table_name
                        """).query(String.class).list();
        assertThat(tables).contains("candidate", "application", "note", "consent", "outbox_event");
        List<String> found = new ArrayList<>();
        for (String table : tables) {
            long rows = jdbc.sql("SELECT count(*) FROM " + table + " t WHERE t.organization_id = :org AND " + condition)
                    .param("org", organizationId)
                    .param("needle", needle)
                    .query(Long.class)
                    .single();
            if (rows > 0) {
                found.add(table + ": " + rows);
            }
        }
        return found;
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

    UUID job(UUID organizationId, String title) throws Exception {
        UUID id = UUID.randomUUID();
        publish(
                JobIngested.TOPIC,
                id.toString(),
                new JobIngested(
                        id,
                        organizationId,
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
    UUID resume(UUID organizationId, UUID resumeId, String name, String email, String phone) throws Exception {
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
                                "location",
                                map("city", "Leipzig", "country", "DE"),
                                "headline",
                                "Data engineer",
                                "skills",
                                List.of(map(
                                        "id",
                                        "sql",
                                        "name",
                                        "SQL",
                                        "kind",
                                        "TECHNOLOGY",
                                        "mentions",
                                        2,
                                        "listed",
                                        true)),
                                "resumeLikelihood",
                                0.9))))));
        publish(
                ResumeParsed.TOPIC,
                resumeId.toString(),
                new ResumeParsed(
                        resumeId,
                        organizationId,
                        1,
                        "1",
                        "1",
                        "Data Engineer",
                        List.of("Data Engineer"),
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

    String apply(String token, UUID candidate, UUID job) {
        TestHttp.Response created = http().post(
                        "/api/v1/applications",
                        map("candidateId", candidate, "jobId", job, "source", "MATCHING"),
                        bearer(token));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    /** An application through the career site (the file stored by the resume-ingestion stand-in); its id. */
    String applyOnTheCareerSite(UUID job, String name, String email, String phone) {
        UUID resumeId = UUID.randomUUID();
        String content = "%PDF-1.4 CV " + resumeId;
        SERVICES.stubFor(post(urlPathEqualTo("/api/v1/resumes/upload"))
                .withRequestBody(containing(content))
                .willReturn(aResponse()
                        .withStatus(202)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"id\":\"%s\",\"status\":\"RECEIVED\",\"duplicate\":false}".formatted(resumeId))));
        SERVICES.stubFor(get(urlPathEqualTo("/api/v1/jobs/optimized"))
                .willReturn(okJson(
                        "{\"jobId\":\"%s\",\"score\":70,\"jsonLd\":{\"@type\":\"JobPosting\"}}".formatted(job))));
        TestHttp.Response posting = http().get("/api/v1/careers/" + org + "/jobs/" + job);
        assertThat(posting.status()).as(posting.body()).isEqualTo(200);
        int notice = posting.json().get("privacyNotice").get("version").asInt();
        TestHttp.Response applied = http().postMultipart(
                        "/api/v1/careers/" + org + "/jobs/" + job + "/applications",
                        List.of(
                                TestHttp.Part.field("name", name),
                                TestHttp.Part.field("email", email),
                                TestHttp.Part.field("phone", phone),
                                TestHttp.Part.field("consent", "true"),
                                TestHttp.Part.field("noticeVersion", String.valueOf(notice)),
                                TestHttp.Part.file(
                                        "resume",
                                        "cv.pdf",
                                        "application/pdf",
                                        content.getBytes(StandardCharsets.UTF_8))));
        assertThat(applied.status()).as(applied.body()).isEqualTo(202);
        return jdbc.sql("SELECT id::text FROM application WHERE resume_id = :resume")
                .param("resume", resumeId)
                .query(String.class)
                .single();
    }

    UUID stage(String name) {
        for (JsonNode stage : http().get("/api/v1/applications/stages", bearer(recruiter))
                .json()
                .get("stages")) {
            if (stage.get("name").asString().equals(name)) {
                return UUID.fromString(stage.get("id").asString());
            }
        }
        throw new AssertionError("no stage " + name);
    }

    /** A client company the job is run for, with one CLIENT user; that user's token. */
    String clientFor(UUID job) {
        UUID user = UUID.randomUUID();
        SERVICES.stubFor(get(urlPathEqualTo("/api/v1/users/" + user))
                .willReturn(okJson(
                        "{\"id\":\"%s\",\"email\":\"c@client.test\",\"name\":\"Cleo Client\",\"role\":\"CLIENT\"}"
                                .formatted(user))));
        TestHttp.Response client = http().post("/api/v1/clients", map("name", "Acme Corp"), bearer(admin));
        assertThat(client.status()).as(client.body()).isEqualTo(201);
        String clientId = client.json().get("id").asString();
        assertThat(http().post("/api/v1/clients/" + clientId + "/members", map("userId", user), bearer(admin))
                        .status())
                .isEqualTo(200);
        assertThat(http().put(
                                "/api/v1/applications/jobs/" + job + "/client",
                                map("clientId", clientId),
                                bearer(recruiter))
                        .status())
                .isEqualTo(200);
        return TOKENS.token(user, org, "CLIENT");
    }

    /** A retention rule's reach: old candidates who can be found, not the talent pool, not the recent, not others'. */
    @Test
    void retentionReachesCandidatesInactiveSinceTheCutoffButNotThoseWhoAskedToBeKept() {
        Instant old = Instant.parse("2022-01-10T10:00:00Z");
        UUID gone = candidateRow(org, "Olga Oldfield", "olga@old.test", null, old);
        UUID kept = candidateRow(org, "Tess Talentpool", "tess@old.test", null, old);
        jdbc.sql("""
                        INSERT INTO consent (id, organization_id, candidate_id, purpose, legal_basis, notice_version,
                            notice_sha256, source, given_at)
                        VALUES (:id, :org, :candidate, 'TALENT_POOL', 'CONSENT', 1, 'sha', 'CAREER_SITE', :at)
                        """)
                .param("id", UUID.randomUUID())
                .param("org", org)
                .param("candidate", kept)
                .param("at", java.sql.Timestamp.from(old))
                .update();
        candidateRow(org, "Rita Recent", "rita@new.test", "+44 20 7946 0555", Instant.now());
        candidateRow(org, "Nameless Noone", null, null, old);
        candidateRow(elsewhere, "Olga Elsewhere", "olga@old.test", null, old);

        String service = TOKENS.serviceToken("privacy", org);
        TestHttp.Response found =
                http().get("/api/v1/candidates/inactive?before=2024-01-01T00:00:00Z", bearer(service));
        assertThat(found.status()).as(found.body()).isEqualTo(200);
        assertThat(found.json())
                .extracting(c -> c.get("candidateId").asString())
                .contains(gone.toString())
                .doesNotContain(kept.toString());
        assertThat(found.json())
                .extracting(c -> c.get("email").isNull() ? "" : c.get("email").asString())
                .doesNotContain("rita@new.test")
                .allSatisfy(email -> assertThat(email).isNotEmpty());
        assertThat(http().get("/api/v1/candidates/inactive?before=2024-01-01T00:00:00Z", bearer(recruiter))
                        .status())
                .isEqualTo(403);
        assertThat(http().get("/api/v1/candidates/inactive?before=2024-01-01T00:00:00Z&limit=0", bearer(service))
                        .status())
                .isEqualTo(400);
        assertThat(http().get("/api/v1/candidates/inactive?before=yesterday", bearer(service))
                        .status())
                .isEqualTo(400);
    }

    UUID candidateRow(UUID organization, String name, String email, String phone, Instant at) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO candidate (id, organization_id, name, email, phone, created_at, updated_at)
                        VALUES (:id, :org, :name, :email, :phone, :at, :at)
                        """)
                .param("id", id)
                .param("org", organization)
                .param("name", name)
                .param("email", email)
                .param("phone", phone)
                .param("at", java.sql.Timestamp.from(at))
                .update();
        return id;
    }
}

package io.openhire.notification;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.openhire.platform.test.TestHttp.bearer;
import static io.openhire.platform.test.TestHttp.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.openhire.communication.events.InterviewDue;
import io.openhire.communication.events.InterviewScheduled;
import io.openhire.communication.events.MessageReplied;
import io.openhire.jobingestion.events.JobSourceFailing;
import io.openhire.matching.events.StrongMatchFound;
import io.openhire.modelregistry.events.ModelPromoted;
import io.openhire.notification.events.NotificationCreated;
import io.openhire.platform.events.EventHeaders;
import io.openhire.platform.test.GoldenEvents;
import io.openhire.platform.test.TestHttp;
import io.openhire.platform.test.TestInfrastructure;
import io.openhire.platform.test.TestKafka;
import io.openhire.platform.test.TestTokens;
import io.openhire.resumeprocessing.events.ResumeParseFailed;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
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
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The bell's side of things: the platform's events, through Kafka, become one notification each for the
 * organisation's staff (or a job's followers, or everyone on the platform), read per person, hidden by a person's
 * settings, emailed through communication to those who asked; announcements; bad input and other organisations
 * refused. identity, job-ingestion and communication answer as their APIs do (WireMock). Each scenario has its own
 * organisation and people.
 */
@SpringBootTest(
        classes = NotificationIT.App.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.application.name=notification")
class NotificationIT {

    static final TestTokens TOKENS = new TestTokens();

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(NotificationConfiguration.class)
    static class App {}

    static final WireMockServer SERVICES =
            new WireMockServer(WireMockConfiguration.options().dynamicPort());
    static final String RECRUITER_EMAIL = "sam@acme.test";
    static final UUID JOB = UUID.randomUUID();

    // Started once for the test classes of this JVM; it ends with it.
    static {
        SERVICES.start();
        // identity: the signed-in person's profile (where their emails go) and this service's own token
        SERVICES.stubFor(get(urlPathEqualTo("/api/v1/users/profile"))
                .willReturn(okJson("""
                        {"id":"%s","email":"%s","name":"Sam Recruiter","role":"RECRUITER"}""".formatted(UUID.randomUUID(), RECRUITER_EMAIL))));
        SERVICES.stubFor(post(urlPathEqualTo("/api/v1/users/service-token"))
                .willReturn(okJson("""
                        {"access_token":"%s","token_type":"Bearer","expires_in":600}""".formatted(TOKENS.serviceToken("notification", UUID.randomUUID())))));
        // job-ingestion: one job this organisation has; any other is not found
        SERVICES.stubFor(get(urlPathMatching("/api/v1/jobs/[0-9a-f-]+"))
                .atPriority(5)
                .willReturn(aResponse()
                        .withStatus(404)
                        .withHeader("Content-Type", "application/problem+json")
                        .withBody("{\"title\":\"Not Found\",\"status\":404}")));
        SERVICES.stubFor(
                get(urlPathEqualTo("/api/v1/jobs/" + JOB)).atPriority(1).willReturn(okJson("""
                        {"id":"%s","status":"OPEN","revision":1,"title":"Senior Java Developer"}""".formatted(JOB))));
        // communication: accepts every email (202)
        SERVICES.stubFor(post(urlPathEqualTo("/api/v1/communications/send"))
                .willReturn(aResponse()
                        .withStatus(202)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"messageId\":\"%s\",\"status\":\"QUEUED\"}".formatted(UUID.randomUUID()))));
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "notification");
        registry.add("openhire.security.jwk-set-uri", TOKENS::jwkSetUri);
        registry.add("openhire.clients.services.identity.url", SERVICES::baseUrl);
        registry.add("openhire.clients.services.job-ingestion.url", SERVICES::baseUrl);
        registry.add("openhire.clients.services.communication.url", SERVICES::baseUrl);
        registry.add("openhire.service-account.secret", () -> "notification-secret");
        registry.add("openhire.notification.email-every", () -> "PT0.5S");
        registry.add("openhire.notification.dashboard-url", () -> "https://hire.acme.test");
        registry.add("openhire.notification.daily-digest-at", () -> "00:00");
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    final UUID org = UUID.randomUUID();
    final UUID recruiterId = UUID.randomUUID();
    final UUID adminId = UUID.randomUUID();
    final String recruiter = TOKENS.token(recruiterId, org, "RECRUITER");
    final String admin = TOKENS.token(adminId, org, "ADMIN");

    TestHttp http() {
        return new TestHttp("http://localhost:" + port);
    }

    /** Publishes an event as its producer would (the outbox's event id header); answers the event id. */
    UUID publish(String topic, String key, Object event) throws Exception {
        UUID eventId = UUID.randomUUID();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                Map.of("bootstrap.servers", TestKafka.bootstrapServers()),
                new StringSerializer(),
                new StringSerializer())) {
            ProducerRecord<String, String> record =
                    new ProducerRecord<>(topic, key, GoldenEvents.JSON.writeValueAsString(event));
            record.headers().add(EventHeaders.EVENT_ID, eventId.toString().getBytes(StandardCharsets.UTF_8));
            producer.send(record).get();
            producer.send(record).get(); // delivered twice: still one notification
        }
        return eventId;
    }

    long unread(String token) {
        return http().get("/api/v1/notifications/unread", bearer(token))
                .json()
                .get("unread")
                .asLong();
    }

    @Test
    void aReplyAndABookingRingTheBellOfEveryStaffMemberOnceAndEachReadsForThemselves() throws Exception {
        UUID candidate = UUID.randomUUID();
        publish(
                MessageReplied.TOPIC,
                UUID.randomUUID().toString(),
                new MessageReplied(
                        UUID.randomUUID(),
                        org,
                        candidate,
                        null,
                        UUID.randomUUID(),
                        io.openhire.communication.events.Channel.EMAIL,
                        Instant.now()));
        publish(
                InterviewScheduled.TOPIC,
                UUID.randomUUID().toString(),
                new InterviewScheduled(
                        UUID.randomUUID(),
                        org,
                        candidate,
                        null,
                        Instant.parse("2026-12-08T09:00:00Z"),
                        Instant.parse("2026-12-08T09:45:00Z"),
                        "Europe/Berlin",
                        0,
                        Instant.now()));

        await().atMost(Duration.ofSeconds(30)).until(() -> unread(recruiter) == 2);
        JsonNode page = http().get("/api/v1/notifications", bearer(recruiter)).json();
        assertThat(page.get("total").asInt()).isEqualTo(2);
        assertThat(page.get("items").get(0).get("title").asString()).isEqualTo("Interview booked");
        assertThat(page.get("items").get(0).get("text").asString()).isEqualTo("On Tue 8 Dec 2026, 09:00 UTC.");
        assertThat(page.get("items").get(1).get("title").asString()).isEqualTo("A candidate replied");
        assertThat(page.get("items").get(1).get("link").asString()).isEqualTo("/candidates/of/" + candidate);
        assertThat(TestKafka.read(NotificationCreated.TOPIC, r -> r.value().contains(org.toString()), 2))
                .hasSize(2);

        String first = page.get("items").get(0).get("id").asString();
        assertThat(http().post("/api/v1/notifications/" + first + "/read", null, bearer(recruiter))
                        .status())
                .isEqualTo(204);
        assertThat(unread(recruiter)).isEqualTo(1);
        assertThat(unread(admin)).isEqualTo(2); // the admin's bell is their own
        assertThat(http().post("/api/v1/notifications/read", null, bearer(admin))
                        .status())
                .isEqualTo(204);
        assertThat(unread(admin)).isZero();

        String stranger = TOKENS.token(UUID.randomUUID(), UUID.randomUUID(), "ADMIN");
        assertThat(unread(stranger)).isZero();
        assertThat(http().post("/api/v1/notifications/" + first + "/read", null, bearer(stranger))
                        .status())
                .isEqualTo(404);
    }

    @Test
    void aColleagueMentionedInANoteIsToldAndTheAuthorIsNot() throws Exception {
        UUID candidate = UUID.randomUUID();
        publish(
                io.openhire.applications.events.NoteAdded.TOPIC,
                candidate.toString(),
                new io.openhire.applications.events.NoteAdded(
                        UUID.randomUUID(),
                        org,
                        candidate,
                        null,
                        java.util.List.of(recruiterId, adminId),
                        "user:" + adminId,
                        Instant.now()));

        await().atMost(Duration.ofSeconds(30)).until(() -> unread(recruiter) == 1);
        JsonNode mention = http().get("/api/v1/notifications", bearer(recruiter))
                .json()
                .get("items")
                .get(0);
        assertThat(mention.get("title").asString()).isEqualTo("You were mentioned in a note");
        assertThat(mention.get("link").asString()).isEqualTo("/candidates/of/" + candidate);
        assertThat(unread(admin)).isZero();
    }

    @Test
    void anAuditAlertTellsTheAdminWhoSetTheRuleAndNobodyElse() throws Exception {
        publish(
                io.openhire.audit.events.AuditAlertRaised.TOPIC,
                org.toString(),
                new io.openhire.audit.events.AuditAlertRaised(
                        UUID.randomUUID(),
                        org,
                        UUID.randomUUID(),
                        "Mass resume downloads",
                        "user:" + recruiterId,
                        "resume.downloaded",
                        20,
                        60,
                        21,
                        adminId,
                        Instant.now()));

        await().atMost(Duration.ofSeconds(30)).until(() -> unread(admin) == 1);
        JsonNode alert = http().get("/api/v1/notifications", bearer(admin))
                .json()
                .get("items")
                .get(0);
        assertThat(alert.get("type").asString()).isEqualTo("AUDIT_ALERT");
        assertThat(alert.get("title").asString()).isEqualTo("Audit alert: Mass resume downloads");
        assertThat(alert.get("text").asString())
                .isEqualTo(
                        "One person: 21 × resume downloaded within 60 minutes (the rule allows 20). Open to see who.");
        assertThat(alert.get("link").asString()).isEqualTo("/audit?action=resume.downloaded&actor=user:" + recruiterId);
        assertThat(unread(recruiter)).isZero();
    }

    @Test
    void aPersonWhoSwitchedATypeOffDoesNotSeeIt() throws Exception {
        TestHttp.Response saved = http().put(
                        "/api/v1/notifications/settings", map("inApp", map("RESUME_FAILED", false)), bearer(recruiter));
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        assertThat(saved.json().get("inApp").get("RESUME_FAILED").asBoolean()).isFalse();
        assertThat(saved.json().get("inApp").get("CANDIDATE_REPLIED").asBoolean())
                .isTrue();

        io.openhire.resumeprocessing.events.ResumeParseFailed failed =
                new io.openhire.resumeprocessing.events.ResumeParseFailed(
                        UUID.randomUUID(), org, 1, "FAILED", "The PDF has no text.", "1.0.0", Instant.now());
        publish(
                io.openhire.resumeprocessing.events.ResumeParseFailed.TOPIC,
                failed.resumeId().toString(),
                failed);

        await().atMost(Duration.ofSeconds(30)).until(() -> unread(admin) == 1);
        assertThat(unread(recruiter)).isZero();
        assertThat(http().get("/api/v1/notifications", bearer(admin))
                        .json()
                        .get("items")
                        .get(0)
                        .get("text")
                        .asString())
                .isEqualTo("The PDF has no text.");
    }

    @Test
    void anAdminAnnouncesAndBadAnnouncementsAreRefused() {
        TestHttp.Response sent = http().post(
                        "/api/v1/notifications/send",
                        map("title", "Hiring freeze lifted", "text", "Open the Jobs page.", "link", "/jobs"),
                        bearer(admin));
        assertThat(sent.status()).as(sent.body()).isEqualTo(201);
        assertThat(unread(recruiter)).isEqualTo(1);

        assertThat(http().post("/api/v1/notifications/send", map("title", "x"), bearer(recruiter))
                        .status())
                .isEqualTo(403);
        for (Map<String, Object> bad : java.util.List.<Map<String, Object>>of(
                map("title", ""),
                map("title", "two\nlines"),
                map("title", "ok", "link", "javascript:alert(1)"),
                map("title", "ok", "link", "https://evil.example/"))) {
            TestHttp.Response refused = http().post("/api/v1/notifications/send", bad, bearer(admin));
            assertThat(refused.status()).as(bad.toString()).isEqualTo(400);
            assertThat(refused.contentType()).startsWith("application/problem+json");
        }
        String apiKey = TOKENS.serviceToken("matching", org); // not a person: no bell
        assertThat(http().get("/api/v1/notifications/unread", bearer(apiKey)).status())
                .isEqualTo(403);
        assertThat(jdbc.sql("SELECT count(*) FROM notification WHERE organization_id = :org")
                        .param("org", org)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void followersOfAJobHearOfAStrongMatchFromTheirOwnScore() throws Exception {
        TestHttp.Response followed = http().put("/api/v1/notifications/follows/" + JOB, null, bearer(recruiter));
        assertThat(followed.status()).as(followed.body()).isEqualTo(200);
        assertThat(followed.json().get("title").asString()).isEqualTo("Senior Java Developer");
        assertThat(http().put("/api/v1/notifications/follows/" + JOB, null, bearer(admin))
                        .status())
                .isEqualTo(200);
        TestHttp.Response pickier =
                http().put("/api/v1/notifications/settings", map("strongMatchScore", 90), bearer(admin));
        assertThat(pickier.json().get("strongMatchScore").asDouble()).isEqualTo(90.0);
        // another organisation's job, or none: not found, nothing followed
        TestHttp.Response unknown =
                http().put("/api/v1/notifications/follows/" + UUID.randomUUID(), null, bearer(recruiter));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
        assertThat(http().put("/api/v1/notifications/settings", map("strongMatchScore", 101), bearer(admin))
                        .status())
                .isEqualTo(400);

        UUID candidate = UUID.randomUUID();
        publish(
                StrongMatchFound.TOPIC,
                JOB.toString(),
                new StrongMatchFound(org, JOB, candidate, UUID.randomUUID(), 83.4, Instant.now()));
        // a job nobody follows: nobody hears of it
        publish(
                StrongMatchFound.TOPIC,
                UUID.randomUUID().toString(),
                new StrongMatchFound(org, UUID.randomUUID(), candidate, UUID.randomUUID(), 99.0, Instant.now()));

        await().atMost(Duration.ofSeconds(30)).until(() -> unread(recruiter) == 1);
        JsonNode item = http().get("/api/v1/notifications", bearer(recruiter))
                .json()
                .get("items")
                .get(0);
        assertThat(item.get("title").asString()).isEqualTo("Strong match: 83% for Senior Java Developer");
        assertThat(item.get("link").asString()).isEqualTo("/candidates/of/" + candidate);
        assertThat(unread(admin)).as("83 is below the admin's 90").isZero();

        assertThat(http().get("/api/v1/notifications/follows", bearer(recruiter))
                        .json()
                        .get(0)
                        .get("jobId")
                        .asString())
                .isEqualTo(JOB.toString());
        assertThat(http().delete("/api/v1/notifications/follows/" + JOB, bearer(recruiter))
                        .status())
                .isEqualTo(204);
        assertThat(http().delete("/api/v1/notifications/follows/" + JOB, bearer(recruiter))
                        .status())
                .isEqualTo(404);
        assertThat(http().get("/api/v1/notifications/follows", bearer(recruiter))
                        .json()
                        .size())
                .isZero();
    }

    @Test
    void aFailingSourceAndAnInterviewDueTellTheOrganisationAndAPromotedModelTellsEveryone() throws Exception {
        publish(
                JobSourceFailing.TOPIC,
                UUID.randomUUID().toString(),
                new JobSourceFailing(
                        UUID.randomUUID(), org, "Acme careers", UUID.randomUUID(), "HTTP 503", Instant.now()));
        publish(
                InterviewDue.TOPIC,
                UUID.randomUUID().toString(),
                new InterviewDue(
                        UUID.randomUUID(),
                        org,
                        UUID.randomUUID(),
                        null,
                        Instant.parse("2026-12-08T09:00:00Z"),
                        Instant.now()));
        String elsewhere = TOKENS.token(UUID.randomUUID(), UUID.randomUUID(), "RECRUITER");
        long before = unread(elsewhere);
        publish(
                ModelPromoted.TOPIC,
                "skill-tagger",
                new ModelPromoted(
                        "skill-tagger",
                        "champion",
                        4,
                        3,
                        "PROMOTE",
                        "ab".repeat(32),
                        "user:" + UUID.randomUUID(),
                        "Better F1 on the held-out set",
                        Instant.now()));

        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> unread(recruiter) >= 3);
            java.util.List<String> titles = new java.util.ArrayList<>();
            http().get("/api/v1/notifications", bearer(recruiter))
                    .json()
                    .get("items")
                    .forEach(n -> titles.add(n.get("title").asString()));
            assertThat(titles)
                    .contains(
                            "A job source is failing: Acme careers",
                            "Interview in an hour",
                            "Model promoted: skill-tagger v4 is now champion");
            await().atMost(Duration.ofSeconds(10)).until(() -> unread(elsewhere) == before + 1);
        } finally {
            // the other scenarios count their own organisation's notifications
            jdbc.sql("DELETE FROM notification WHERE organization_id IS NULL").update();
        }
    }

    @Test
    void emailsGoThroughCommunicationOnceEachAtOnceOrInTheDailyDigest() throws Exception {
        TestHttp.Response saved = http().put(
                        "/api/v1/notifications/settings",
                        map("email", map("CANDIDATE_REPLIED", "INSTANT", "RESUME_FAILED", "DAILY")),
                        bearer(recruiter));
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        assertThat(saved.json().get("emailAddress").asString()).isEqualTo(RECRUITER_EMAIL);
        assertThat(saved.json().get("email").get("CANDIDATE_REPLIED").asString())
                .isEqualTo("INSTANT");
        assertThat(saved.json().get("inApp").get("CANDIDATE_REPLIED").asBoolean())
                .isTrue();
        assertThat(http().put(
                                "/api/v1/notifications/settings",
                                map("email", map("RESUME_FAILED", "HOURLY")),
                                bearer(recruiter))
                        .status())
                .isEqualTo(400);

        UUID candidate = UUID.randomUUID();
        publish(
                MessageReplied.TOPIC,
                UUID.randomUUID().toString(),
                new MessageReplied(
                        UUID.randomUUID(),
                        org,
                        candidate,
                        null,
                        UUID.randomUUID(),
                        io.openhire.communication.events.Channel.EMAIL,
                        Instant.now()));
        ResumeParseFailed failed = new ResumeParseFailed(
                UUID.randomUUID(), org, 1, "FAILED", "The PDF has no text.", "1.0.0", Instant.now());
        publish(ResumeParseFailed.TOPIC, failed.resumeId().toString(), failed);

        // The reply at once, the failed resume in the daily digest (whose first pass, for the test, is now or, at
        // the latest, once the test says a new day has come): two emails to the person's address, each listing
        // what it is for, with links into the dashboard.
        await().atMost(Duration.ofSeconds(30))
                .until(() -> jdbc.sql("""
                                SELECT count(*) FROM notification WHERE organization_id = :org AND type = 'RESUME_FAILED'
                                  AND created_at < now() - interval '6 seconds'
                                """).param("org", org).query(Long.class).single() == 1);
        jdbc.sql("""
                        UPDATE notification_person SET daily_sent_on = NULL
                        WHERE user_id = :user AND daily_up_to < now() - interval '6 seconds'
                        """).param("user", recruiterId).update();
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(emailsTo(RECRUITER_EMAIL))
                        .as(() -> "composed: "
                                + jdbc.sql("SELECT subject, attempts, last_error, sent_at FROM "
                                                + "notification_email WHERE organization_id = :org")
                                        .param("org", org)
                                        .query()
                                        .listOfRows()
                                + ", person: "
                                + jdbc.sql("SELECT * FROM notification_person WHERE user_id = :user")
                                        .param("user", recruiterId)
                                        .query()
                                        .listOfRows())
                        .hasSizeGreaterThanOrEqualTo(2));
        assertThat(emailsTo(RECRUITER_EMAIL)).hasSize(2);
        JsonNode instant = email("OpenHire: A candidate replied");
        assertThat(instant.get("body").asString())
                .contains("https://hire.acme.test/candidates/of/" + candidate)
                .doesNotContain("The PDF has no text.");
        assertThat(instant.get("kind").asString()).isEqualTo("TRANSACTIONAL");
        assertThat(instant.get("to").asString()).isEqualTo(RECRUITER_EMAIL);
        JsonNode digest = email("Your OpenHire digest for ");
        assertThat(digest.get("subject").asString()).endsWith(": 1 notification");
        assertThat(digest.get("body").asString())
                .contains("A resume could not be read - The PDF has no text.")
                .doesNotContain("replied");
        assertThat(emailsTo(RECRUITER_EMAIL))
                .allSatisfy(r -> assertThat(r.getHeader("Idempotency-Key")).isNotBlank());
        // Nothing is emailed twice, whatever the passes.
        Thread.sleep(1_500); // three more passes of the 0.5 s schedule
        assertThat(emailsTo(RECRUITER_EMAIL)).hasSize(2);
    }

    /** The email handed to communication whose subject starts so. */
    static JsonNode email(String subject) {
        return emailsTo(RECRUITER_EMAIL).stream()
                .map(r -> GoldenEvents.JSON.readTree(r.getBodyAsString()))
                .filter(json -> json.get("subject").asString().startsWith(subject))
                .findFirst()
                .orElseThrow(() -> new AssertionError("No email \"" + subject + "…\""));
    }

    /** The emails handed to communication for an address. */
    static java.util.List<LoggedRequest> emailsTo(String address) {
        return SERVICES.findAll(postRequestedFor(urlPathEqualTo("/api/v1/communications/send"))).stream()
                .filter(r -> r.getBodyAsString().contains("\"" + address + "\""))
                .toList();
    }
}

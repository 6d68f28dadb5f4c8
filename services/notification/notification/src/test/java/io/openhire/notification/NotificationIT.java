package io.openhire.notification;

import static io.openhire.platform.test.TestHttp.bearer;
import static io.openhire.platform.test.TestHttp.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.openhire.communication.events.InterviewScheduled;
import io.openhire.communication.events.MessageReplied;
import io.openhire.notification.events.NotificationCreated;
import io.openhire.platform.events.EventHeaders;
import io.openhire.platform.test.GoldenEvents;
import io.openhire.platform.test.TestHttp;
import io.openhire.platform.test.TestInfrastructure;
import io.openhire.platform.test.TestKafka;
import io.openhire.platform.test.TestTokens;
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
 * organisation's staff, read per person, hidden by a person's settings; announcements; bad input and other
 * organisations refused. Each scenario has its own organisation and people.
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

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "notification");
        registry.add("openhire.security.jwk-set-uri", TOKENS::jwkSetUri);
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
}

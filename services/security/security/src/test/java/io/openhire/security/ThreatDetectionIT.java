package io.openhire.security;

import static io.openhire.platform.test.TestHttp.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.openhire.platform.audit.AuditRecorded;
import io.openhire.platform.events.EventHeaders;
import io.openhire.platform.test.TestHttp;
import io.openhire.platform.test.TestInfrastructure;
import io.openhire.platform.test.TestKafka;
import io.openhire.platform.test.TestTokens;
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
import org.junit.jupiter.api.AfterAll;
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
 * Threats found in the audit stream, as the services' outboxes send it: credential stuffing, guessing one account's
 * password, mass download and privilege changes, each raised once (however often Kafka delivers an entry) and shown to
 * the admins of the organisation they happened in only.
 *
 * <p>No clock is waited on: entries carry their own times, and the test knows an organisation's entries were all
 * handled when the alert of the last one it sent (a privilege change, on the same partition) is there.
 */
@SpringBootTest(
        classes = ThreatDetectionIT.App.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.application.name=security")
class ThreatDetectionIT {

    static final TestTokens TOKENS = new TestTokens();

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(SecurityConfiguration.class)
    static class App {}

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "security");
        registry.add("openhire.security.jwk-set-uri", TOKENS::jwkSetUri);
        registry.add("openhire.keys.kek", SecurityTestData::newKek);
        registry.add("spring.kafka.consumer.group-id", () -> "security-threats-" + UUID.randomUUID());
    }

    @AfterAll
    static void stop() {
        TOKENS.close();
    }

    @LocalServerPort
    int port;

    @Autowired
    JsonMapper json;

    final UUID org = UUID.randomUUID();
    final UUID otherOrg = UUID.randomUUID();
    final String admin = TOKENS.token(UUID.randomUUID(), org, "ADMIN");
    final String otherAdmin = TOKENS.token(UUID.randomUUID(), otherOrg, "ADMIN");
    final Instant start = Instant.parse("2026-11-02T09:00:00Z");

    /** An audit entry and the event id its outbox row gave it. */
    record Sent(AuditRecorded entry, UUID eventId) {}

    final List<Sent> sent = new ArrayList<>();

    AuditRecorded entry(
            UUID organization, String actor, String action, AuditRecorded.Result result, String ip, Instant at) {
        return new AuditRecorded(
                UUID.randomUUID(),
                organization,
                actor,
                action,
                "user",
                actor.substring(actor.indexOf(':') + 1),
                result,
                ip,
                "req-" + UUID.randomUUID(),
                action.startsWith("resume") ? "resume-ingestion" : "identity",
                at);
    }

    void send(AuditRecorded entry) {
        send(entry, UUID.randomUUID());
    }

    void send(AuditRecorded entry, UUID eventId) {
        sent.add(new Sent(entry, eventId));
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                Map.of("bootstrap.servers", TestKafka.bootstrapServers()),
                new StringSerializer(),
                new StringSerializer())) {
            ProducerRecord<String, String> record = new ProducerRecord<>(
                    AuditRecorded.TOPIC, entry.organizationId().toString(), json.writeValueAsString(entry));
            record.headers().add(EventHeaders.EVENT_ID, eventId.toString().getBytes(StandardCharsets.UTF_8));
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every entry sent so far, delivered again with the same event id, as Kafka may after a crash. */
    void redeliverAll() {
        for (Sent s : List.copyOf(sent)) {
            send(s.entry(), s.eventId());
        }
    }

    JsonNode threats(String token) {
        TestHttp.Response response =
                new TestHttp("http://localhost:" + port).get("/api/v1/security/threats?limit=500", bearer(token));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    /** Sends a privilege change as the organisation's last entry and waits for its alert: all before it is handled. */
    void awaitHandled(UUID organization, String token) {
        String marker = "user:" + UUID.randomUUID();
        send(entry(organization, marker, "api-key.created", AuditRecorded.Result.SUCCESS, null, start));
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            for (JsonNode alert : threats(token)) {
                if (marker.equals(alert.path("actor").asString())) {
                    return true;
                }
            }
            return false;
        });
    }

    static List<String> kinds(JsonNode alerts, String kind) {
        List<String> found = new ArrayList<>();
        for (JsonNode alert : alerts) {
            if (alert.path("kind").asString().equals(kind)) {
                found.add(
                        alert.path("actor").isNull()
                                ? "ip:" + alert.path("ip").asString()
                                : alert.path("actor").asString());
            }
        }
        return found;
    }

    @Test
    void credentialStuffingIsOneAddressFailingForManyAccounts() {
        String stuffer = "198.51.100.23";
        for (int i = 0; i < 5; i++) {
            send(entry(
                    org,
                    "user:" + UUID.randomUUID(),
                    "user.signed-in",
                    AuditRecorded.Result.FAILED,
                    stuffer,
                    start.plusSeconds(30L * i)));
        }
        // more of the same attack within the window: still the one alert
        send(entry(
                org,
                "user:" + UUID.randomUUID(),
                "user.signed-in",
                AuditRecorded.Result.FAILED,
                stuffer,
                start.plusSeconds(200)));
        // four accounts from another address, and the same accounts signing in fine: nothing
        for (int i = 0; i < 4; i++) {
            send(entry(
                    org,
                    "user:" + UUID.randomUUID(),
                    "user.signed-in",
                    AuditRecorded.Result.FAILED,
                    "203.0.113.9",
                    start.plusSeconds(i)));
            send(entry(
                    org,
                    "user:" + UUID.randomUUID(),
                    "user.signed-in",
                    AuditRecorded.Result.SUCCESS,
                    "203.0.113.10",
                    start.plusSeconds(i)));
        }
        // five failures from the stuffer's address spread over an hour: under the line in every 10 minutes
        for (int i = 0; i < 5; i++) {
            send(entry(
                    otherOrg,
                    "user:" + UUID.randomUUID(),
                    "user.signed-in",
                    AuditRecorded.Result.FAILED,
                    stuffer,
                    start.plus(Duration.ofMinutes(11L * i))));
        }
        redeliverAll();
        awaitHandled(org, admin);
        awaitHandled(otherOrg, otherAdmin);

        JsonNode alerts = threats(admin);
        assertThat(kinds(alerts, "CREDENTIAL_STUFFING")).containsExactly("ip:" + stuffer);
        JsonNode stuffing = alerts.valueStream()
                .filter(a -> a.path("kind").asString().equals("CREDENTIAL_STUFFING"))
                .findFirst()
                .orElseThrow();
        assertThat(stuffing.path("detail").asString())
                .isEqualTo("5 accounts failed to sign in from this address within 10 minutes");
        assertThat(stuffing.path("occurredAt").asString())
                .isEqualTo(start.plusSeconds(120).toString());
        assertThat(kinds(threats(otherAdmin), "CREDENTIAL_STUFFING")).isEmpty();
    }

    @Test
    void bruteForceIsOneAccountFailingAgainAndAgain() {
        String victim = "user:" + UUID.randomUUID();
        for (int i = 0; i < 12; i++) {
            send(entry(
                    org,
                    victim,
                    "user.signed-in",
                    AuditRecorded.Result.FAILED,
                    "192.0.2." + (i % 3),
                    start.plusSeconds(20L * i)));
        }
        // nine failures of another account: one short
        String unlucky = "user:" + UUID.randomUUID();
        for (int i = 0; i < 9; i++) {
            send(entry(
                    org, unlucky, "user.signed-in", AuditRecorded.Result.FAILED, "192.0.2.50", start.plusSeconds(i)));
        }
        // a new attack on the victim an hour later is a new alert
        for (int i = 0; i < 10; i++) {
            send(entry(
                    org,
                    victim,
                    "user.signed-in",
                    AuditRecorded.Result.FAILED,
                    "192.0.2.99",
                    start.plus(Duration.ofHours(1)).plusSeconds(i)));
        }
        redeliverAll();
        awaitHandled(org, admin);

        assertThat(kinds(threats(admin), "BRUTE_FORCE")).containsExactly(victim, victim);
        assertThat(kinds(threats(otherAdmin), "BRUTE_FORCE")).isEmpty();
    }

    @Test
    void massDownloadIsOneActorTakingManyResumes() {
        String taker = "user:" + UUID.randomUUID();
        String reader = "user:" + UUID.randomUUID();
        for (int i = 0; i < 55; i++) {
            send(entry(
                    org, taker, "resume.downloaded", AuditRecorded.Result.SUCCESS, "192.0.2.7", start.plusSeconds(i)));
        }
        for (int i = 0; i < 49; i++) {
            send(entry(
                    org, reader, "resume.downloaded", AuditRecorded.Result.SUCCESS, "192.0.2.8", start.plusSeconds(i)));
        }
        // refused downloads took nothing
        for (int i = 0; i < 5; i++) {
            send(entry(
                    org,
                    reader,
                    "resume.downloaded",
                    AuditRecorded.Result.DENIED,
                    "192.0.2.8",
                    start.plusSeconds(60 + i)));
        }
        redeliverAll();
        awaitHandled(org, admin);

        JsonNode alerts = threats(admin);
        assertThat(kinds(alerts, "MASS_DOWNLOAD")).containsExactly(taker);
        assertThat(alerts.valueStream()
                        .filter(a -> a.path("kind").asString().equals("MASS_DOWNLOAD"))
                        .findFirst()
                        .orElseThrow()
                        .path("detail")
                        .asString())
                .isEqualTo("50 resumes downloaded within 60 minutes");
    }

    @Test
    void everyPrivilegeChangeIsAnAlertForItsOwnOrganisation() {
        String promoter = "user:" + UUID.randomUUID();
        AuditRecorded roleChange =
                entry(org, promoter, "user.role-changed", AuditRecorded.Result.SUCCESS, "192.0.2.1", start);
        AuditRecorded apiKey =
                entry(org, promoter, "api-key.created", AuditRecorded.Result.SUCCESS, "192.0.2.1", start);
        AuditRecorded elsewhere = entry(
                otherOrg, "user:" + UUID.randomUUID(), "user.role-changed", AuditRecorded.Result.SUCCESS, null, start);
        send(roleChange);
        send(apiKey);
        send(elsewhere);
        redeliverAll();
        // the same entry again under a new event id (published twice by an outbox that crashed): still one alert
        send(roleChange);
        awaitHandled(org, admin);
        awaitHandled(otherOrg, otherAdmin);

        JsonNode alerts = threats(admin);
        assertThat(kinds(alerts, "PRIVILEGE_CHANGE"))
                .filteredOn(promoter::equals)
                .hasSize(2);
        assertThat(alerts.valueStream().map(a -> a.path("detail").asString()))
                .contains(
                        "user.role-changed on user " + promoter.substring(5) + " (SUCCESS)",
                        "api-key.created on user " + promoter.substring(5) + " (SUCCESS)");
        assertThat(kinds(alerts, "PRIVILEGE_CHANGE")).doesNotContain(elsewhere.actor());
        assertThat(kinds(threats(otherAdmin), "PRIVILEGE_CHANGE"))
                .contains(elsewhere.actor())
                .doesNotContain(promoter);
    }

    @Test
    void onlyAdminsReadThreatsAndTheLimitIsChecked() {
        TestHttp http = new TestHttp("http://localhost:" + port);
        assertThat(http.get("/api/v1/security/threats").status()).isEqualTo(401);
        for (String role : List.of("CANDIDATE", "CLIENT", "RECRUITER")) {
            assertThat(http.get("/api/v1/security/threats", bearer(TOKENS.token(UUID.randomUUID(), org, role)))
                            .status())
                    .isEqualTo(403);
        }
        assertThat(http.get("/api/v1/security/threats", bearer(TOKENS.serviceToken("audit", org)))
                        .status())
                .isEqualTo(403);
        for (String limit : List.of("0", "501", "many")) {
            TestHttp.Response response = http.get("/api/v1/security/threats?limit=" + limit, bearer(admin));
            assertThat(response.status()).as(limit).isEqualTo(400);
            assertThat(response.body()).contains("limit");
        }
        assertThat(threats(admin)).isEmpty();
    }
}

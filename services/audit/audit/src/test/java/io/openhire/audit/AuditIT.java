package io.openhire.audit;

import static io.openhire.platform.test.TestHttp.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.openhire.platform.audit.AuditRecorded;
import io.openhire.platform.audit.AuditTrail;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The audit log as an organisation's admin uses it: entries written by services (through platform-core's
 * AuditTrail, or as events), read newest first with filters and pages, exported, and verified — and a chain
 * altered by hand in the database found out.
 */
@SpringBootTest(
        classes = AuditIT.App.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.application.name=audit")
class AuditIT {

    static final TestTokens TOKENS = new TestTokens();

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import({AuditConfiguration.class, ReadingService.class})
    static class App {}

    /** What any service does when a person reads personal data: one call of platform-core's AuditTrail. */
    @RestController
    static class ReadingService {
        private final AuditTrail audit;

        ReadingService(AuditTrail audit) {
            this.audit = audit;
        }

        @GetMapping("/test/resumes/{id}/original")
        String original(@PathVariable UUID id) {
            audit.read("resume.downloaded", "resume", id);
            return "the file";
        }

        /** A read served inside a read-only transaction (a repository's, say), which could not write the entry. */
        @GetMapping("/test/resumes/{id}/profile")
        @org.springframework.transaction.annotation.Transactional(readOnly = true)
        public String profile(@PathVariable UUID id) {
            audit.read("resume.profile-viewed", "resume", id);
            return "the profile";
        }
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "audit");
        registry.add("openhire.security.jwk-set-uri", TOKENS::jwkSetUri);
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
    io.openhire.audit.log.AuditLog auditLog;

    @Autowired
    JsonMapper json;

    final UUID org = UUID.randomUUID();
    final UUID recruiterId = UUID.randomUUID();
    final UUID adminId = UUID.randomUUID();
    final String admin = TOKENS.token(adminId, org, "ADMIN");
    final String recruiter = TOKENS.token(recruiterId, org, "RECRUITER");

    TestHttp http() {
        return new TestHttp("http://localhost:" + port);
    }

    JsonNode logs(String query) {
        TestHttp.Response response = http().get("/api/v1/logs" + query, bearer(admin));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    /** Sends an entry as a service's outbox would; returns it. */
    AuditRecorded publish(UUID organization, String action, String resourceId, UUID eventId) {
        AuditRecorded entry = new AuditRecorded(
                UUID.randomUUID(),
                organization,
                "user:" + recruiterId,
                action,
                "candidate",
                resourceId,
                AuditRecorded.Result.SUCCESS,
                "203.0.113.7",
                "req-" + UUID.randomUUID(),
                "applications",
                Instant.now());
        send(entry, eventId);
        return entry;
    }

    void send(AuditRecorded entry, UUID eventId) {
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

    int entries(UUID organization) {
        return jdbc.sql("SELECT count(*) FROM audit_entry WHERE organization_id = :org")
                .param("org", organization)
                .query(Integer.class)
                .single();
    }

    @Test
    void aPersonsReadIsRecordedWithWhoWhenAndFromWhere() {
        UUID resume = UUID.randomUUID();
        TestHttp.Response read = http().get(
                        "/test/resumes/" + resume + "/original",
                        "Authorization",
                        "Bearer " + recruiter,
                        "X-Forwarded-For",
                        "198.51.100.23",
                        "X-Request-Id",
                        "req-audit-read-1");
        assertThat(read.status()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(20)).until(() -> entries(org) == 1);
        JsonNode entry = logs("").get("entries").get(0);
        assertThat(entry.get("position").asLong()).isEqualTo(1);
        assertThat(entry.get("actor").asString()).isEqualTo("user:" + recruiterId);
        assertThat(entry.get("action").asString()).isEqualTo("resume.downloaded");
        assertThat(entry.get("resourceType").asString()).isEqualTo("resume");
        assertThat(entry.get("resourceId").asString()).isEqualTo(resume.toString());
        assertThat(entry.get("result").asString()).isEqualTo("SUCCESS");
        assertThat(entry.get("ip").asString()).isEqualTo("198.51.100.23");
        assertThat(entry.get("requestId").asString()).isEqualTo("req-audit-read-1");
        assertThat(entry.get("service").asString()).isEqualTo("audit");
        assertThat(entry.get("previousHash").asString()).isEqualTo("0".repeat(64));
        assertThat(entry.get("hash").asString()).hasSize(64);

        // A read served inside a read-only transaction is recorded all the same (in a transaction of its own).
        assertThat(http().get("/test/resumes/" + resume + "/profile", bearer(recruiter))
                        .status())
                .isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> entries(org) == 2);
        assertThat(logs("?limit=1").get("entries").get(0).get("action").asString())
                .isEqualTo("resume.profile-viewed");

        // A service reading for the platform's own processing is not somebody looking: nothing is recorded.
        String service = TOKENS.serviceToken("matching", org);
        assertThat(http().get("/test/resumes/" + resume + "/original", bearer(service))
                        .status())
                .isEqualTo(200);
        http().get("/test/resumes/" + resume + "/original", bearer(recruiter));
        await().atMost(Duration.ofSeconds(20)).until(() -> entries(org) == 3);
        assertThat(logs("").get("entries"))
                .extracting(e -> e.get("actor").asString())
                .containsOnly("user:" + recruiterId);
    }

    @Test
    void entriesAreReadNewestFirstFilteredAndPagedInTheirOrganisationOnly() {
        UUID other = UUID.randomUUID();
        List<AuditRecorded> sent = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            sent.add(publish(org, i % 2 == 0 ? "candidate.revealed" : "candidate.viewed", "c-" + i, UUID.randomUUID()));
        }
        publish(other, "candidate.viewed", "theirs", UUID.randomUUID());
        // Redelivered by Kafka (the same event): appended once.
        UUID eventId = UUID.randomUUID();
        AuditRecorded twice = publish(org, "candidate.viewed", "c-6", eventId);
        send(twice, eventId);
        await().atMost(Duration.ofSeconds(20)).until(() -> entries(org) == 6 && entries(other) == 1);

        JsonNode all = logs("");
        assertThat(all.get("entries"))
                .extracting(e -> e.get("position").asLong())
                .containsExactly(6L, 5L, 4L, 3L, 2L, 1L);
        assertThat(all.get("entries"))
                .extracting(e -> e.get("resourceId").asString())
                .doesNotContain("theirs");
        // each entry names the hash of the one before
        for (int i = 0; i < 5; i++) {
            assertThat(all.get("entries").get(i).get("previousHash").asString())
                    .isEqualTo(all.get("entries").get(i + 1).get("hash").asString());
        }

        JsonNode revealed = logs("?action=candidate.revealed");
        assertThat(revealed.get("entries"))
                .extracting(e -> e.get("resourceId").asString())
                .containsExactly("c-4", "c-2");
        assertThat(logs("?resourceType=candidate&resourceId=c-3").get("entries"))
                .hasSize(1);
        assertThat(logs("?actor=user:" + recruiterId + "&from=2000-01-01").get("entries"))
                .hasSize(6);
        assertThat(logs("?to=2000-01-01").get("entries")).isEmpty();

        JsonNode first = logs("?limit=4");
        assertThat(first.get("entries")).hasSize(4);
        long next = first.get("nextBefore").asLong();
        JsonNode second = logs("?limit=4&before=" + next);
        assertThat(second.get("entries"))
                .extracting(e -> e.get("position").asLong())
                .containsExactly(2L, 1L);
        assertThat(second.get("nextBefore").isNull()).isTrue();

        // The CSV export: a header line, then every entry newest first.
        TestHttp.Response csv = http().get("/api/v1/logs/export?action=candidate.viewed", bearer(admin));
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        List<String> lines = csv.body().lines().toList();
        assertThat(lines.getFirst()).startsWith("position,id,occurredAt,recordedAt,actor,action");
        assertThat(lines).hasSize(1 + 4);
        assertThat(lines.get(1)).startsWith("6,");

        // Another organisation's admin reads its own log only; staff who are not admins read none.
        String otherAdmin = TOKENS.token(UUID.randomUUID(), other, "ADMIN");
        JsonNode theirs = http().get("/api/v1/logs", bearer(otherAdmin)).json();
        assertThat(theirs.get("entries"))
                .extracting(e -> e.get("resourceId").asString())
                .containsExactly("theirs");
        assertThat(http().get("/api/v1/logs", bearer(recruiter)).status()).isEqualTo(403);
        assertThat(http().get("/api/v1/logs/verify", bearer(recruiter)).status())
                .isEqualTo(403);
        assertThat(http().get("/api/v1/logs").status()).isEqualTo(401);

        // A service (the candidate portal) reads the entries of one record, never the whole log.
        String portal = TOKENS.serviceToken("applications", org);
        TestHttp.Response oneRecord = http().get("/api/v1/logs?resourceType=candidate&resourceId=c-3", bearer(portal));
        assertThat(oneRecord.status()).as(oneRecord.body()).isEqualTo(200);
        assertThat(oneRecord.json().get("entries"))
                .extracting(e -> e.get("resourceId").asString())
                .containsExactly("c-3");
        assertThat(http().get("/api/v1/logs?action=candidate.viewed", bearer(portal))
                        .status())
                .isEqualTo(403);
        assertThat(http().get("/api/v1/logs/export", bearer(portal)).status()).isEqualTo(403);
    }

    @Test
    void badFiltersAreRefusedClearly() {
        for (String query : List.of(
                "?limit=0",
                "?limit=501",
                "?limit=many",
                "?before=0",
                "?actor=root",
                "?action=DROP%20TABLE",
                "?resourceType=x%27%20OR%201=1",
                "?from=yesterday",
                "?from=2026-12-05&to=2026-12-01",
                "?resourceId=" + "x".repeat(201))) {
            TestHttp.Response response = http().get("/api/v1/logs" + query, bearer(admin));
            assertThat(response.status()).as(query).isEqualTo(400);
            assertThat(response.contentType()).as(query).startsWith("application/problem+json");
        }
    }

    @Test
    void theChainVerifiesAndAnEntryAlteredOrRemovedByHandIsFound() {
        for (int i = 1; i <= 4; i++) {
            publish(org, "candidate.viewed", "c-" + i, UUID.randomUUID());
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> entries(org) == 4);
        JsonNode intact = http().get("/api/v1/logs/verify", bearer(admin)).json();
        assertThat(intact.get("intact").asBoolean()).isTrue();
        assertThat(intact.get("entries").asLong()).isEqualTo(4);
        assertThat(intact.get("lastHash").asString())
                .isEqualTo(logs("?limit=1").get("entries").get(0).get("hash").asString());

        // The database refuses to change or remove an entry...
        assertThatThrownBy(() -> jdbc.sql("UPDATE audit_entry SET actor = 'user:nobody' WHERE organization_id = :org")
                        .param("org", org)
                        .update())
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM audit_entry WHERE organization_id = :org")
                        .param("org", org)
                        .update())
                .hasMessageContaining("append-only");

        // ...but whoever owns the database can switch that off: the verification finds what they changed.
        byHand(
                "UPDATE audit_entry SET actor = 'user:somebody-else' WHERE organization_id = :org AND position = 2",
                org);
        JsonNode altered = http().get("/api/v1/logs/verify", bearer(admin)).json();
        assertThat(altered.get("intact").asBoolean()).isFalse();
        assertThat(altered.get("brokenAt").asLong()).isEqualTo(2);
        assertThat(altered.get("problem").asString()).contains("changed after it was written");

        // Entries removed from the end are found too (the chain's head still names them).
        UUID other = UUID.randomUUID();
        for (int i = 1; i <= 3; i++) {
            publish(other, "candidate.viewed", "o-" + i, UUID.randomUUID());
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> entries(other) == 3);
        byHand("DELETE FROM audit_entry WHERE organization_id = :org AND position = 3", other);
        String otherAdmin = TOKENS.token(UUID.randomUUID(), other, "ADMIN");
        JsonNode truncated =
                http().get("/api/v1/logs/verify", bearer(otherAdmin)).json();
        assertThat(truncated.get("intact").asBoolean()).isFalse();
        assertThat(truncated.get("entries").asLong()).isEqualTo(2);
        assertThat(truncated.get("problem").asString()).contains("removed from its end");
    }

    @Test
    void anAlertRuleCrossedByOnePersonRaisesOneAlertForTheAdminWhoSetIt() {
        TestHttp.Response added = http().post(
                        "/api/v1/logs/alert",
                        TestHttp.map(
                                "name",
                                "Mass downloads",
                                "action",
                                "resume.downloaded",
                                "threshold",
                                2,
                                "windowMinutes",
                                60),
                        bearer(admin));
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        String ruleId = added.json().get("id").asString();
        assertThat(http().get("/api/v1/logs/alert", bearer(admin)).json())
                .extracting(r -> r.get("name").asString())
                .containsExactly("Mass downloads");

        // Two downloads are within the rule; the third by the same person crosses it, once; a fourth adds nothing.
        for (int i = 1; i <= 4; i++) {
            publish(org, "resume.downloaded", "r-" + i, UUID.randomUUID());
        }
        publish(org, "candidate.viewed", "c-1", UUID.randomUUID());
        await().atMost(Duration.ofSeconds(20)).until(() -> entries(org) == 5);
        JsonNode alerts = http().get("/api/v1/logs/alerts", bearer(admin)).json();
        assertThat(alerts).hasSize(1);
        assertThat(alerts.get(0).get("actor").asString()).isEqualTo("user:" + recruiterId);
        assertThat(alerts.get(0).get("entries").asInt()).isEqualTo(3);
        assertThat(alerts.get(0).get("ruleName").asString()).isEqualTo("Mass downloads");

        // Announced for notification, naming the admin to tell; nothing personal beyond ids.
        var raised = TestKafka.read("audit.alert-raised.v1", r -> r.key().equals(org.toString()), 1)
                .getFirst();
        JsonNode event = json.readTree(raised.value());
        assertThat(event.get("notifyUserId").asString()).isEqualTo(adminId.toString());
        assertThat(event.get("ruleId").asString()).isEqualTo(ruleId);
        assertThat(event.get("threshold").asInt()).isEqualTo(2);

        // Bad rules are refused clearly; another organisation cannot remove it; a recruiter cannot set one.
        for (Map<String, Object> bad : List.<Map<String, Object>>of(
                TestHttp.map("name", "", "action", "resume.downloaded", "threshold", 2, "windowMinutes", 60),
                TestHttp.map("name", "x", "action", "Resume Downloaded", "threshold", 2, "windowMinutes", 60),
                TestHttp.map("name", "x", "action", "resume.downloaded", "threshold", 0, "windowMinutes", 60),
                TestHttp.map("name", "x", "action", "resume.downloaded", "threshold", 2, "windowMinutes", 99999),
                TestHttp.map("name", "x", "action", "resume.downloaded"))) {
            TestHttp.Response refused = http().post("/api/v1/logs/alert", bad, bearer(admin));
            assertThat(refused.status()).as(bad.toString()).isEqualTo(400);
        }
        assertThat(http().post(
                                "/api/v1/logs/alert",
                                TestHttp.map("name", "x", "action", "a.b", "threshold", 2, "windowMinutes", 60),
                                bearer(recruiter))
                        .status())
                .isEqualTo(403);
        String otherAdmin = TOKENS.token(UUID.randomUUID(), UUID.randomUUID(), "ADMIN");
        assertThat(http().delete("/api/v1/logs/alert/" + ruleId, bearer(otherAdmin))
                        .status())
                .isEqualTo(404);
        assertThat(http().delete("/api/v1/logs/alert/" + ruleId, bearer(admin)).status())
                .isEqualTo(204);
        assertThat(http().get("/api/v1/logs/alerts", bearer(admin)).json()).isEmpty();
    }

    /** A change made as the database's owner would: with the append-only trigger switched off. */
    @Test
    void oldEntriesArePrunedByTheirRetentionAndTheRestStillVerifies() throws InterruptedException {
        UUID pruned = UUID.randomUUID();
        for (int i = 1; i <= 3; i++) {
            publish(pruned, "candidate.viewed", "p-" + i, UUID.randomUUID());
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> entries(pruned) == 3);
        Thread.sleep(50);
        Instant cutoff = Instant.now();
        Thread.sleep(50);
        for (int i = 4; i <= 5; i++) {
            publish(pruned, "candidate.viewed", "p-" + i, UUID.randomUUID());
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> entries(pruned) == 5);

        assertThat(auditLog.prune(pruned, cutoff)).isEqualTo(3);
        assertThat(auditLog.prune(pruned, cutoff)).as("nothing older is left").isZero();
        String prunedAdmin = TOKENS.token(UUID.randomUUID(), pruned, "ADMIN");
        JsonNode verified =
                http().get("/api/v1/logs/verify", bearer(prunedAdmin)).json();
        assertThat(verified.get("intact").asBoolean()).as(verified.toString()).isTrue();
        assertThat(verified.get("entries").asLong()).isEqualTo(5);
        assertThat(http().get("/api/v1/logs", bearer(prunedAdmin)).json().get("entries"))
                .extracting(e -> e.get("resourceId").asString())
                .containsExactly("p-5", "p-4");

        // Outside a prune the database still refuses; an entry removed by hand after the anchor is found.
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM audit_entry WHERE organization_id = :org")
                        .param("org", pruned)
                        .update())
                .hasMessageContaining("append-only");
        byHand("DELETE FROM audit_entry WHERE organization_id = :org AND position = 4", pruned);
        JsonNode broken = http().get("/api/v1/logs/verify", bearer(prunedAdmin)).json();
        assertThat(broken.get("intact").asBoolean()).isFalse();
        assertThat(broken.get("brokenAt").asLong()).isEqualTo(4);
    }

    void byHand(String sql, UUID organization) {
        jdbc.sql("ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_append_only")
                .update();
        try {
            jdbc.sql(sql).param("org", organization).update();
        } finally {
            jdbc.sql("ALTER TABLE audit_entry ENABLE TRIGGER audit_entry_append_only")
                    .update();
        }
    }
}

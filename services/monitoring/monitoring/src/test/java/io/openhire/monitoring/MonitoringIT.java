package io.openhire.monitoring;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.openhire.platform.test.TestHttp.bearer;
import static io.openhire.platform.test.TestHttp.map;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.openhire.monitoring.deadletters.DeadLetters;
import io.openhire.platform.events.EventHeaders;
import io.openhire.platform.security.PlatformRoles;
import io.openhire.platform.test.TestHttp;
import io.openhire.platform.test.TestInfrastructure;
import io.openhire.platform.test.TestKafka;
import io.openhire.platform.test.TestSockets;
import io.openhire.platform.test.TestTokens;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The monitoring service as an operator uses it: one status for the platform (a service up with its version and
 * outbox, one down, a consumer group behind, a dead-letter topic), errors reported by services and grouped, and a
 * dead-lettered record inspected without its payload and replayed once.
 */
@SpringBootTest(
        classes = MonitoringIT.App.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.application.name=monitoring",
            "openhire.monitoring.status-cache=0s",
            "openhire.monitoring.new-error-groups-per-hour=3"
        })
class MonitoringIT {

    static final TestTokens TOKENS = new TestTokens();
    /** A service that answers like a healthy OpenHire service with an outbox. */
    static final WireMockServer MATCHING =
            new WireMockServer(WireMockConfiguration.options().dynamicPort());

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(MonitoringConfiguration.class)
    static class App {}

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws java.io.IOException {
        TestInfrastructure.register(registry, "monitoring");
        registry.add("openhire.security.jwk-set-uri", TOKENS::jwkSetUri);
        MATCHING.start();
        MATCHING.stubFor(
                get(urlEqualTo("/actuator/health"))
                        .willReturn(
                                aResponse()
                                        .withHeader("Content-Type", "application/json")
                                        .withBody(
                                                "{\"status\":\"UP\",\"components\":{\"db\":{\"status\":\"UP\"},\"ping\":{\"status\":\"UP\"}}}")));
        MATCHING.stubFor(get(urlEqualTo("/actuator/info"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"openhire\":{\"service\":\"matching\",\"version\":\"0.1.0\"}}")));
        MATCHING.stubFor(
                get(urlEqualTo("/actuator/prometheus")).willReturn(aResponse().withBody("""
                                # HELP openhire_outbox_backlog Events written but not yet published
                                # TYPE openhire_outbox_backlog gauge
                                openhire_outbox_backlog{service="matching"} 3.0
                                openhire_outbox_oldest_age_seconds{service="matching"} 42.5
                                openhire_events_dead_lettered_total{service="matching",topic="resume.parsed.v1"} 2.0
                                openhire_events_dead_lettered_total{service="matching",topic="job.optimized.v1"} 1.0
                                """)));
        registry.add("openhire.monitoring.watch", () -> "matching,notification");
        registry.add("openhire.clients.services.matching.url", MATCHING::baseUrl);
        // nothing listens there: a service that is down
        String closed = "http://127.0.0.1:" + TestSockets.closedPort();
        registry.add("openhire.clients.services.notification.url", () -> closed);
    }

    @AfterAll
    static void stop() {
        TOKENS.close();
        MATCHING.stop();
    }

    @LocalServerPort
    int port;

    final UUID org = UUID.randomUUID();
    final String admin = TOKENS.token(UUID.randomUUID(), org, "ADMIN");
    final String recruiter = TOKENS.token(UUID.randomUUID(), org, "RECRUITER");
    final String operator = TOKENS.token(UUID.randomUUID(), org, "ADMIN", PlatformRoles.OPERATOR);

    TestHttp http() {
        return new TestHttp("http://localhost:" + port);
    }

    @Test
    void theStatusShowsEveryServiceTheLagOfEachConsumerGroupAndTheDeadLetters() throws Exception {
        String topic = "it.status-" + UUID.randomUUID() + ".v1";
        String group = "it-group-" + UUID.randomUUID();
        try (KafkaProducer<String, String> producer = producer()) {
            for (int i = 0; i < 5; i++) {
                producer.send(new ProducerRecord<>(topic, "k" + i, "{}")).get();
            }
            producer.send(new ProducerRecord<>(topic + ".dlt", "k", "{}")).get();
        }
        // the group has handled two of the five
        try (KafkaConsumer<String, String> consumer = consumer(group)) {
            consumer.commitSync(Map.of(new TopicPartition(topic, 0), new OffsetAndMetadata(2)));
        }

        TestHttp.Response response = http().get("/api/v1/monitoring/status", bearer(admin));

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode status = response.json();
        assertThat(status.path("overall").asString()).isEqualTo("DOWN");
        assertThat(status.path("kafka").asBoolean()).isTrue();
        JsonNode matching = service(status, "matching");
        assertThat(matching.path("status").asString()).isEqualTo("UP");
        assertThat(matching.path("version").asString()).isEqualTo("0.1.0");
        assertThat(matching.path("components").path("db").asString()).isEqualTo("UP");
        assertThat(matching.path("outboxBacklog").asLong()).isEqualTo(3);
        assertThat(matching.path("outboxOldestSeconds").asDouble()).isEqualTo(42.5);
        assertThat(matching.path("deadLettered").asLong()).isEqualTo(3);
        JsonNode notification = service(status, "notification");
        assertThat(notification.path("status").asString()).isEqualTo("DOWN");
        assertThat(notification.path("problem").asString()).isEqualTo("not reachable");

        JsonNode lag = find(status.path("consumerGroups"), "group", group);
        assertThat(lag.path("lag").asLong()).isEqualTo(3);
        assertThat(lag.path("topics").get(0).path("topic").asString()).isEqualTo(topic);
        JsonNode deadLetters = find(status.path("deadLetters"), "topic", topic + ".dlt");
        assertThat(deadLetters.path("originalTopic").asString()).isEqualTo(topic);
        assertThat(deadLetters.path("records").asLong()).isEqualTo(1);
        assertThat(deadLetters.path("replayed").asLong()).isZero();
    }

    @Test
    void theStatusIsForAdminsAndOperators() {
        assertThat(http().get("/api/v1/monitoring/status", bearer(operator)).status())
                .isEqualTo(200);
        assertThat(http().get("/api/v1/monitoring/status", bearer(recruiter)).status())
                .isEqualTo(403);
        assertThat(http().get("/api/v1/monitoring/status").status()).isEqualTo(401);
    }

    @Test
    void reportsOfOneErrorAreOneGroupCountedWithTheOrganisationsItHappenedToAndNoPersonalData() {
        UUID otherOrg = UUID.randomUUID();
        String type =
                "java.lang.IllegalStateException" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> first = report(
                "matching",
                type,
                "Candidate 'Ada Lovelace' <ada@example.org> has no profile",
                List.of("io.openhire.matching.Ranker.rank:120", "io.openhire.matching.web.MatchController.list:55"));
        // the same error after a change moved it down its file, with another candidate
        Map<String, Object> again = report(
                "matching",
                type,
                "Candidate 'Grace Hopper' <grace@example.org> has no profile",
                List.of("io.openhire.matching.Ranker.rank:131", "io.openhire.matching.web.MatchController.list:57"));

        assertThat(http().post("/api/v1/errors/report", first, bearer(TOKENS.serviceToken("matching", org)))
                        .status())
                .isEqualTo(202);
        assertThat(http().post("/api/v1/errors/report", again, bearer(TOKENS.serviceToken("matching", org)))
                        .status())
                .isEqualTo(202);
        // an error in matching while applications called it is reported with applications' token
        assertThat(http().post("/api/v1/errors/report", again, bearer(TOKENS.serviceToken("applications", otherOrg)))
                        .status())
                .isEqualTo(202);

        JsonNode group = errorGroup(type);
        assertThat(group.path("service").asString()).isEqualTo("matching");
        assertThat(group.path("occurrences").asLong()).isEqualTo(3);
        assertThat(group.path("organizations").asInt()).isEqualTo(2);
        assertThat(group.path("status").asString()).isEqualTo("open");
        assertThat(group.path("operation").asString()).isEqualTo("GET /api/v1/matches");
        assertThat(group.path("lastRequestId").asString()).isEqualTo("req-1");
        assertThat(group.toString()).doesNotContain("Grace", "Hopper", "grace@example.org", "Ada", "ada@example.org");
        assertThat(group.path("message").asString()).isEqualTo("Candidate … <***@***> has no profile");

        // resolved, and back when it happens again
        String id = group.path("id").asString();
        TestHttp.Response resolved = http().post("/api/v1/errors/" + id + "/resolve", Map.of(), bearer(operator));
        assertThat(resolved.status()).as(resolved.body()).isEqualTo(200);
        assertThat(resolved.json().path("status").asString()).isEqualTo("resolved");
        assertThat(http().get("/api/v1/errors?status=open&size=100", bearer(operator))
                        .body())
                .doesNotContain(type);
        http().post("/api/v1/errors/report", first, bearer(TOKENS.serviceToken("matching", org)));
        assertThat(errorGroup(type).path("status").asString()).isEqualTo("reopened");
    }

    @Test
    void errorsAreForPlatformOperatorsOnlyAndBadReportsAreRefusedByField() {
        assertThat(http().get("/api/v1/errors", bearer(admin)).status()).isEqualTo(403);
        assertThat(http().get("/api/v1/errors/" + UUID.randomUUID(), bearer(operator))
                        .status())
                .isEqualTo(404);
        assertThat(http().post("/api/v1/errors/" + UUID.randomUUID() + "/resolve", Map.of(), bearer(admin))
                        .status())
                .isEqualTo(403);
        assertThat(http().post("/api/v1/errors/report", report("dashboard", "TypeError", "x", List.of()))
                        .status())
                .isEqualTo(401);

        Map<String, Object> badSource = new java.util.HashMap<>(report("browser", "TypeError", "x", List.of()));
        badSource.put("source", "kernel");
        TestHttp.Response refused = http().post("/api/v1/errors/report", badSource, bearer(admin));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("source");
        Map<String, Object> tooManyFrames =
                report("browser", "TypeError", "x", java.util.Collections.nCopies(21, "a.js:1"));
        assertThat(http().post("/api/v1/errors/report", tooManyFrames, bearer(admin))
                        .body())
                .contains("frames");
        assertThat(http().get("/api/v1/errors?status=everything", bearer(operator))
                        .body())
                .contains("status");
        assertThat(http().get("/api/v1/errors?size=1000", bearer(operator)).status())
                .isEqualTo(400);
    }

    @Test
    void oneOrganisationCannotFillTheTableWithNewKindsOfError() {
        String userOfAnotherOrg = TOKENS.token(UUID.randomUUID(), UUID.randomUUID(), "RECRUITER");
        String type = "Error" + UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < 3; i++) {
            Map<String, Object> kind = report("browser", type + i, "boom", List.of("app.js:" + i));
            assertThat(http().post("/api/v1/errors/report", kind, bearer(userOfAnotherOrg))
                            .status())
                    .isEqualTo(202);
        }
        Map<String, Object> fourth = report("browser", type + 3, "boom", List.of("app.js:3"));
        TestHttp.Response limited = http().post("/api/v1/errors/report", fourth, bearer(userOfAnotherOrg));
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.header("Retry-After")).isEqualTo("600");
        // a known error is still counted
        Map<String, Object> known = report("browser", type + 0, "boom", List.of("app.js:0"));
        assertThat(http().post("/api/v1/errors/report", known, bearer(userOfAnotherOrg))
                        .status())
                .isEqualTo(202);
    }

    @Test
    void aDeadLetterIsShownWithoutItsPayloadAndReplayedOnceToItsTopic() throws Exception {
        String original = "it.replay-" + UUID.randomUUID() + ".v1";
        String eventId = UUID.randomUUID().toString();
        RecordMetadata dead;
        try (KafkaProducer<String, String> producer = producer()) {
            // as Spring Kafka's DeadLetterPublishingRecoverer writes it
            ProducerRecord<String, String> record = new ProducerRecord<>(
                    original + ".dlt", "candidate-7", "{\"email\":\"ada@example.org\",\"name\":\"Ada Lovelace\"}");
            record.headers()
                    .add(EventHeaders.EVENT_ID, eventId.getBytes(StandardCharsets.UTF_8))
                    .add(EventHeaders.EVENT_TYPE, "ResumeParsed".getBytes(StandardCharsets.UTF_8))
                    .add(EventHeaders.ORGANIZATION_ID, org.toString().getBytes(StandardCharsets.UTF_8))
                    .add(KafkaHeaders.DLT_ORIGINAL_TOPIC, original.getBytes(StandardCharsets.UTF_8))
                    .add(
                            KafkaHeaders.DLT_ORIGINAL_PARTITION,
                            ByteBuffer.allocate(4).putInt(0).array())
                    .add(
                            KafkaHeaders.DLT_ORIGINAL_OFFSET,
                            ByteBuffer.allocate(8).putLong(41).array())
                    .add(KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP, "matching".getBytes(StandardCharsets.UTF_8))
                    .add(
                            KafkaHeaders.DLT_EXCEPTION_FQCN,
                            "org.springframework.kafka.listener.ListenerExecutionFailedException"
                                    .getBytes(StandardCharsets.UTF_8))
                    .add(
                            KafkaHeaders.DLT_EXCEPTION_CAUSE_FQCN,
                            "java.lang.IllegalArgumentException".getBytes(StandardCharsets.UTF_8))
                    .add(
                            KafkaHeaders.DLT_EXCEPTION_MESSAGE,
                            "No candidate for ada@example.org".getBytes(StandardCharsets.UTF_8));
            dead = producer.send(record).get();
        }
        String dlt = original + ".dlt";
        String path = "/api/v1/monitoring/dead-letters/" + dlt + "/" + dead.partition() + "/" + dead.offset();

        TestHttp.Response listed = http().get("/api/v1/monitoring/dead-letters?topic=" + dlt, bearer(operator));
        assertThat(listed.status()).as(listed.body()).isEqualTo(200);
        JsonNode letter = listed.json().get(0);
        assertThat(letter.path("originalTopic").asString()).isEqualTo(original);
        assertThat(letter.path("originalOffset").asLong()).isEqualTo(41);
        assertThat(letter.path("eventId").asString()).isEqualTo(eventId);
        assertThat(letter.path("eventType").asString()).isEqualTo("ResumeParsed");
        assertThat(letter.path("organizationId").asString()).isEqualTo(org.toString());
        assertThat(letter.path("consumerGroup").asString()).isEqualTo("matching");
        assertThat(letter.path("exceptionType").asString()).isEqualTo("java.lang.IllegalArgumentException");
        assertThat(letter.path("exceptionMessage").asString()).isEqualTo("No candidate for ***@***");
        assertThat(letter.path("payloadBytes").asInt()).isPositive();
        assertThat(listed.body()).doesNotContain("Ada", "ada@example.org");
        assertThat(letter.path("replay").isNull()).isTrue();

        assertThat(http().post(path + "/replay", Map.of(), bearer(admin)).status())
                .isEqualTo(403);
        TestHttp.Response replayed = http().post(path + "/replay", Map.of(), bearer(operator));
        assertThat(replayed.status()).as(replayed.body()).isEqualTo(200);
        assertThat(replayed.json().path("replay").path("replayedBy").asString()).startsWith("user:");

        List<ConsumerRecord<String, String>> back = TestKafka.read(original, r -> true, 1);
        assertThat(back).hasSize(1);
        assertThat(back.getFirst().key()).isEqualTo("candidate-7");
        assertThat(back.getFirst().value()).contains("ada@example.org");
        // the same event id: a listener that had handled it skips it, the one that failed gets it again
        assertThat(TestKafka.header(back.getFirst(), EventHeaders.EVENT_ID)).isEqualTo(eventId);
        assertThat(TestKafka.header(back.getFirst(), DeadLetters.REPLAYED_FROM))
                .isEqualTo(dlt + "/" + dead.partition() + "/" + dead.offset());
        assertThat(back.getFirst().headers().lastHeader(KafkaHeaders.DLT_EXCEPTION_MESSAGE))
                .isNull();

        TestHttp.Response twice = http().post(path + "/replay", Map.of(), bearer(operator));
        assertThat(twice.status()).isEqualTo(409);
        assertThat(http().get(path, bearer(operator))
                        .json()
                        .path("replay")
                        .path("offset")
                        .asLong())
                .isEqualTo(back.getFirst().offset());
        JsonNode status =
                http().get("/api/v1/monitoring/status", bearer(operator)).json();
        assertThat(find(status.path("deadLetters"), "topic", dlt)
                        .path("replayed")
                        .asLong())
                .isEqualTo(1);
    }

    @Test
    void deadLettersAreAskedForByTopicPartitionAndOffsetThatExist() {
        assertThat(http().get("/api/v1/monitoring/dead-letters", bearer(admin)).status())
                .isEqualTo(403);
        assertThat(http().get("/api/v1/monitoring/dead-letters?limit=0", bearer(operator))
                        .body())
                .contains("limit");
        assertThat(http().get("/api/v1/monitoring/dead-letters/resume.parsed.v1/0/0", bearer(operator))
                        .body())
                .contains("topic");
        assertThat(http().get(
                                "/api/v1/monitoring/dead-letters/it.nothing-" + UUID.randomUUID() + ".v1.dlt/0/0",
                                bearer(operator))
                        .status())
                .isEqualTo(404);
        assertThat(http().get("/api/v1/monitoring/dead-letters/x.dlt/0/-1", bearer(operator))
                        .body())
                .contains("offset");
    }

    private JsonNode errorGroup(String type) {
        TestHttp.Response list = http().get("/api/v1/errors?status=all&service=matching&size=100", bearer(operator));
        assertThat(list.status()).as(list.body()).isEqualTo(200);
        for (JsonNode item : list.json().path("items")) {
            if (item.path("type").asString().equals(type)) {
                return item;
            }
        }
        throw new AssertionError("no group of " + type + " in " + list.body());
    }

    private static Map<String, Object> report(String service, String type, String message, List<String> frames) {
        return map(
                "service",
                service,
                "source",
                "request",
                "type",
                type,
                "message",
                message,
                "frames",
                frames,
                "operation",
                "GET /api/v1/matches",
                "traceId",
                "4bf92f3577b34da6a3ce929d0e0e4736",
                "requestId",
                "req-1");
    }

    private static JsonNode service(JsonNode status, String name) {
        return find(status.path("services"), "service", name);
    }

    private static JsonNode find(JsonNode array, String field, String value) {
        for (JsonNode item : array) {
            if (item.path(field).asString().equals(value)) {
                return item;
            }
        }
        throw new AssertionError("no " + field + "=" + value + " in " + array);
    }

    private static KafkaProducer<String, String> producer() {
        return new KafkaProducer<>(
                Map.of("bootstrap.servers", TestKafka.bootstrapServers()),
                new StringSerializer(),
                new StringSerializer());
    }

    private static KafkaConsumer<String, String> consumer(String group) {
        return new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        TestKafka.bootstrapServers(),
                        ConsumerConfig.GROUP_ID_CONFIG,
                        group),
                new StringDeserializer(),
                new StringDeserializer());
    }
}

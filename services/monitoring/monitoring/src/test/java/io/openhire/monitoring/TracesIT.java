package io.openhire.monitoring;

import static io.openhire.platform.test.TestHttp.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.openhire.platform.security.PlatformRoles;
import io.openhire.platform.test.TestHttp;
import io.openhire.platform.test.TestInfrastructure;
import io.openhire.platform.test.TestTokens;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Traces as the all-in-one keeps them: two services' spans sent with OpenTelemetry's own OTLP/HTTP exporter (what
 * Spring Boot sends with), found by service, operation and duration, shown as a waterfall without the personal data
 * a span can carry, with the log lines written during the trace.
 */
@SpringBootTest(
        classes = TracesIT.App.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.application.name=monitoring")
class TracesIT {

    static final TestTokens TOKENS = new TestTokens();
    static final Path LOGS;
    static final String LOGGED_TRACE = "0af7651916cd43dd8448eb211c80319c";

    static {
        try {
            LOGS = Files.createTempDirectory("monitoring-logs");
            Files.writeString(LOGS.resolve("openhire.log"), """
                    {"@timestamp":"2026-12-06T08:00:00.100Z","level":"INFO","service":"gateway","logger":"a.B","message":"routed","traceId":"%1$s"}
                    {"@timestamp":"2026-12-06T08:00:00.200Z","level":"INFO","service":"other","logger":"a.C","message":"not this one","traceId":"ffffffffffffffffffffffffffffffff"}
                    {"@timestamp":"2026-12-06T08:00:00.300Z","level":"ERROR","service":"matching","logger":"a.D","message":"failed","traceId":"%1$s"}
                    """.formatted(LOGGED_TRACE));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(MonitoringConfiguration.class)
    static class App {}

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "monitoring");
        registry.add("openhire.security.jwk-set-uri", TOKENS::jwkSetUri);
        registry.add("openhire.monitoring.log-dir", LOGS::toString);
    }

    @AfterAll
    static void stop() {
        TOKENS.close();
    }

    @LocalServerPort
    int port;

    final String operator = TOKENS.token(UUID.randomUUID(), UUID.randomUUID(), "ADMIN", PlatformRoles.OPERATOR);
    final String admin = TOKENS.token(UUID.randomUUID(), UUID.randomUUID(), "ADMIN");

    TestHttp http() {
        return new TestHttp("http://localhost:" + port);
    }

    @Test
    void twoServicesSpansAreOneTraceFoundByServiceOperationAndDurationWithoutPersonalData() {
        String route = "/api/v1/matches-" + UUID.randomUUID().toString().substring(0, 8);
        Instant start = Instant.now();
        String traceId;
        try (SdkTracerProvider gateway = provider("gateway");
                SdkTracerProvider matching = provider("matching")) {
            Span request = gateway.get("test")
                    .spanBuilder("http get " + route)
                    .setSpanKind(SpanKind.SERVER)
                    .setStartTimestamp(start)
                    .setAllAttributes(Attributes.of(
                            AttributeKey.stringKey("method"),
                            "GET",
                            AttributeKey.stringKey("uri"),
                            route,
                            AttributeKey.stringKey("http.url"),
                            "http://localhost:8080" + route + "?email=ada@example.org"))
                    .startSpan();
            traceId = request.getSpanContext().getTraceId();
            Span ranking = matching.get("test")
                    .spanBuilder("rank candidates")
                    .setParent(Context.root().with(request))
                    .setStartTimestamp(start.plusMillis(100))
                    .startSpan();
            ranking.setStatus(StatusCode.ERROR, "No profile for ada@example.org");
            ranking.end(start.plusMillis(1200));
            request.end(start.plusMillis(1500));
        }

        JsonNode found = await().atMost(Duration.ofSeconds(10))
                .until(
                        () -> http().get(
                                        "/api/v1/traces?service=matching&operation=" + route.substring(8),
                                        bearer(operator))
                                .json(),
                        list -> list.size() == 1);
        JsonNode summary = found.get(0);
        assertThat(summary.path("traceId").asString()).isEqualTo(traceId);
        assertThat(summary.path("service").asString()).isEqualTo("gateway");
        assertThat(summary.path("operation").asString()).isEqualTo("http get " + route);
        assertThat(summary.path("durationMicros").asLong()).isEqualTo(1_500_000);
        assertThat(summary.path("spans").asInt()).isEqualTo(2);
        assertThat(summary.path("services").asInt()).isEqualTo(2);
        assertThat(summary.path("error").asBoolean()).isTrue();

        assertThat(http().get("/api/v1/traces?service=matching&minDurationMs=1000&limit=200", bearer(operator))
                        .body())
                .contains(traceId);
        assertThat(http().get("/api/v1/traces?service=matching&minDurationMs=2000&limit=200", bearer(operator))
                        .body())
                .doesNotContain(traceId);

        TestHttp.Response trace = http().get("/api/v1/traces/" + traceId, bearer(operator));
        assertThat(trace.status()).as(trace.body()).isEqualTo(200);
        JsonNode spans = trace.json().path("spans");
        assertThat(spans).hasSize(2);
        assertThat(spans.get(0).path("service").asString()).isEqualTo("gateway");
        assertThat(spans.get(0).path("depth").asInt()).isZero();
        assertThat(spans.get(0).path("attributes").path("uri").asString()).isEqualTo(route);
        assertThat(spans.get(1).path("service").asString()).isEqualTo("matching");
        assertThat(spans.get(1).path("depth").asInt()).isEqualTo(1);
        assertThat(spans.get(1).path("offsetMicros").asLong()).isEqualTo(100_000);
        assertThat(spans.get(1).path("durationMicros").asLong()).isEqualTo(1_100_000);
        assertThat(spans.get(1).path("statusMessage").asString()).isEqualTo("No profile for ***@***");
        assertThat(trace.body()).doesNotContain("ada@example.org", "http.url");
    }

    @Test
    void tracesAreForPlatformOperatorsAndAskedForByValidIds() {
        assertThat(http().get("/api/v1/traces", bearer(admin)).status()).isEqualTo(403);
        assertThat(http().get("/api/v1/traces").status()).isEqualTo(401);
        assertThat(http().get("/api/v1/traces/not-a-trace", bearer(operator)).body())
                .contains("traceId");
        assertThat(http().get("/api/v1/traces/" + "e".repeat(32), bearer(operator))
                        .status())
                .isEqualTo(404);
        assertThat(http().get("/api/v1/traces?minDurationMs=-1", bearer(operator))
                        .body())
                .contains("minDurationMs");
        assertThat(http().get("/api/v1/traces?limit=500", bearer(operator)).body())
                .contains("limit");
        assertThat(http().get("/api/v1/traces?service=Not_A_Service", bearer(operator))
                        .body())
                .contains("service");
    }

    @Test
    void theReceiverRefusesWhatIsNotAnOtlpExport() {
        TestHttp.Response garbage =
                http().postRaw("/v1/traces", "application/x-protobuf", new byte[] {(byte) 0xff, 0x01, 0x02});
        assertThat(garbage.status()).isEqualTo(400);
        TestHttp.Response json = http().postRaw("/v1/traces", "application/json", "{}".getBytes());
        assertThat(json.status()).isEqualTo(415);
    }

    @Test
    void aTracesLogLinesAreReadFromTheLogFile() {
        TestHttp.Response logs = http().get("/api/v1/traces/" + LOGGED_TRACE + "/logs", bearer(operator));

        assertThat(logs.status()).as(logs.body()).isEqualTo(200);
        assertThat(logs.json()).hasSize(2);
        assertThat(logs.json().get(0).path("service").asString()).isEqualTo("gateway");
        assertThat(logs.json().get(1).path("level").asString()).isEqualTo("ERROR");
        assertThat(logs.body()).doesNotContain("not this one");
        assertThat(http().get("/api/v1/traces/" + LOGGED_TRACE + "/logs", bearer(admin))
                        .status())
                .isEqualTo(403);
    }

    private SdkTracerProvider provider(String service) {
        return SdkTracerProvider.builder()
                .setResource(Resource.create(Attributes.of(AttributeKey.stringKey("service.name"), service)))
                .addSpanProcessor(SimpleSpanProcessor.create(OtlpHttpSpanExporter.builder()
                        .setEndpoint("http://localhost:" + port + "/v1/traces")
                        .build()))
                .build();
    }
}

package io.openhire.platform.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What an operator reads in the log file: one JSON object per line, and no secrets or PII in it. */
class JsonLogEncoderTest {

    private final LoggerContext context = new LoggerContext();
    private final Logger logger = context.getLogger("io.openhire.test");

    private JsonNode encode(LoggingEvent event) {
        JsonLogEncoder encoder = new JsonLogEncoder();
        encoder.setContext(context);
        encoder.start();
        String line = new String(encoder.encode(event), StandardCharsets.UTF_8);
        assertThat(line).endsWith("\n").doesNotContain("\n{");
        return JsonMapper.builder().build().readTree(line);
    }

    @Test
    void writesOneJsonObjectWithServiceAndRequestId() {
        LoggingEvent event =
                new LoggingEvent("fqcn", logger, Level.INFO, "User {} signed in", null, new Object[] {"0b9f8d52"});
        event.setMDCPropertyMap(Map.of("service", "identity", "requestId", "req-12345678"));

        JsonNode json = encode(event);

        assertThat(json.get("level").asString()).isEqualTo("INFO");
        assertThat(json.get("service").asString()).isEqualTo("identity");
        assertThat(json.get("requestId").asString()).isEqualTo("req-12345678");
        assertThat(json.get("message").asString()).isEqualTo("User 0b9f8d52 signed in");
        assertThat(json.get("@timestamp").asString()).matches("\\d{4}-\\d{2}-\\d{2}T.*Z");
    }

    @Test
    void redactsSecretsAndPersonalDataInMessagesAndStackTraces() {
        Exception error = new IllegalStateException("could not reach alice@example.com with password=tops3cret!");
        LoggingEvent event = new LoggingEvent(
                "fqcn", logger, Level.ERROR, "Login failed for {} calling {} with Bearer {}", error, new Object[] {
                    "bob@example.org", "+1 415 555 2671", "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl"
                });
        event.setMDCPropertyMap(Map.of());

        JsonNode json = encode(event);
        String all = json.toString();

        assertThat(all)
                .doesNotContain("bob@example.org")
                .doesNotContain("alice@example.com")
                .doesNotContain("tops3cret")
                .doesNotContain("555 2671")
                .doesNotContain("eyJhbGciOiJSUzI1NiJ9");
        assertThat(json.get("error").asString()).contains("IllegalStateException");
        assertThat(json.get("message").asString()).contains("Login failed for ***@***");
    }

    @Test
    void escapesQuotesAndNewlinesSoALineCannotBeForged() {
        LoggingEvent event =
                new LoggingEvent("fqcn", logger, Level.WARN, "name was \"x\"\n{\"level\":\"ERROR\"}", null, null);
        event.setMDCPropertyMap(Map.of());

        JsonNode json = encode(event);

        assertThat(json.get("message").asString()).isEqualTo("name was \"x\"\n{\"level\":\"ERROR\"}");
        assertThat(json.get("level").asString()).isEqualTo("WARN");
    }
}

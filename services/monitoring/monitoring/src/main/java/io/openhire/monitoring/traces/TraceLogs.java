package io.openhire.monitoring.traces;

import io.openhire.monitoring.MonitoringProperties;
import io.openhire.monitoring.client.TraceLogLine;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The log lines of one trace, from the all-in-one's JSON log file ({@code openhire.log}: one redacted object a line,
 * with {@code traceId} from the logging context). In distributed mode the services log to standard output and the
 * log store (Loki) is searched instead; there is no file here and the answer is empty.
 */
@Component
public class TraceLogs {

    /** At most this many lines of one trace: a trace that logs more is a loop, and its first lines say why. */
    static final int MAX_LINES = 500;

    private final Path logFile;
    private final JsonMapper json;

    TraceLogs(MonitoringProperties properties, JsonMapper json) {
        this.logFile = properties.logDir() == null
                ? null
                : Path.of(properties.logDir()).resolve("openhire.log");
        this.json = json;
    }

    /** Empty when this installation keeps no log file here. */
    public Optional<List<TraceLogLine>> of(String traceId) {
        if (logFile == null || !Files.isReadable(logFile)) {
            return Optional.empty();
        }
        String needle = "\"traceId\":\"" + traceId + "\"";
        List<TraceLogLine> lines = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(logFile, StandardCharsets.UTF_8)) {
            for (String line = reader.readLine(); line != null && lines.size() < MAX_LINES; line = reader.readLine()) {
                if (line.contains(needle)) {
                    lines.add(parse(line));
                }
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        return Optional.of(lines);
    }

    private TraceLogLine parse(String line) {
        JsonNode node = json.readTree(line);
        return new TraceLogLine(
                Instant.parse(node.path("@timestamp").asString("1970-01-01T00:00:00Z")),
                node.path("level").asString(null),
                node.path("service").asString(null),
                node.path("logger").asString(null),
                node.path("message").asString(null));
    }
}

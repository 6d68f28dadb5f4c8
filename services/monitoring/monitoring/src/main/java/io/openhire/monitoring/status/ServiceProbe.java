package io.openhire.monitoring.status;

import io.openhire.monitoring.client.ServiceStatus;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Asks one service how it is, through its actuator: {@code /actuator/health} (its state and its parts'),
 * {@code /actuator/info} (the build it runs) and {@code /actuator/prometheus} (its outbox and dead letters). Each
 * question waits {@value #TIMEOUT_SECONDS} s at most; a service that does not answer is DOWN, never an error here.
 */
class ServiceProbe {

    static final int TIMEOUT_SECONDS = 2;

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(TIMEOUT_SECONDS))
            .build();
    private final JsonMapper json;
    private final Duration slow;

    ServiceProbe(JsonMapper json, Duration slow) {
        this.json = json;
        this.slow = slow;
    }

    ServiceStatus probe(String service, String url) {
        long start = System.nanoTime();
        HttpResponse<String> health;
        try {
            health = get(url + "/actuator/health");
        } catch (IOException e) {
            return down(service, start, "not reachable");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return down(service, start, "not asked");
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        JsonNode body = readOrNull(health.body());
        String said = body == null ? null : body.path("status").asString(null);
        Map<String, String> components = new LinkedHashMap<>();
        if (body != null) {
            body.path("components")
                    .properties()
                    .forEach(c -> components.put(
                            c.getKey(), c.getValue().path("status").asString("UNKNOWN")));
        }
        String version = null;
        Metrics metrics = Metrics.NONE;
        try {
            JsonNode info = readOrNull(get(url + "/actuator/info").body());
            version =
                    info == null ? null : info.path("openhire").path("version").asString(null);
            HttpResponse<String> prometheus = get(url + "/actuator/prometheus");
            if (prometheus.statusCode() == 200) {
                metrics = Metrics.parse(prometheus.body());
            }
        } catch (IOException e) {
            // health answered, the rest did not: shown without version and outbox
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        String status;
        String problem;
        if (!"UP".equals(said)) {
            status = "DOWN";
            String downParts = components.entrySet().stream()
                    .filter(c -> !c.getValue().equals("UP"))
                    .map(Map.Entry::getKey)
                    .reduce((a, b) -> a + ", " + b)
                    .orElse(null);
            problem = downParts != null ? "down: " + downParts : "reports " + health.statusCode();
        } else if (millis > slow.toMillis()) {
            status = "DEGRADED";
            problem = "answers slowly (" + millis + " ms)";
        } else {
            status = "UP";
            problem = null;
        }
        return new ServiceStatus(
                service,
                status,
                version,
                millis,
                components,
                metrics.outboxBacklog(),
                metrics.outboxOldestSeconds(),
                metrics.deadLettered(),
                problem);
    }

    private HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(TIMEOUT_SECONDS))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode readOrNull(String body) {
        try {
            return json.readTree(body);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static ServiceStatus down(String service, long start, String problem) {
        return new ServiceStatus(
                service, "DOWN", null, (System.nanoTime() - start) / 1_000_000, Map.of(), null, null, null, problem);
    }

    /** The few series of a Prometheus text answer the status shows; null where the service has none. */
    record Metrics(Long outboxBacklog, Double outboxOldestSeconds, Long deadLettered) {

        static final Metrics NONE = new Metrics(null, null, null);

        static Metrics parse(String text) {
            Double backlog = null;
            Double oldest = null;
            Double deadLettered = null;
            for (String line : text.split("\n")) {
                if (line.startsWith("#")) {
                    continue;
                }
                if (line.startsWith("openhire_outbox_backlog")) {
                    backlog = add(backlog, line);
                } else if (line.startsWith("openhire_outbox_oldest_age_seconds")) {
                    oldest = add(oldest, line);
                } else if (line.startsWith("openhire_events_dead_lettered_total")) {
                    deadLettered = add(deadLettered, line);
                }
            }
            return new Metrics(
                    backlog == null ? null : Math.round(backlog),
                    oldest,
                    // the counter appears with its first record; a service with an outbox and none has dead-lettered 0
                    deadLettered != null
                            ? Long.valueOf(Math.round(deadLettered))
                            : backlog != null ? Long.valueOf(0) : null);
        }

        /** A sample line is {@code name{labels} value [timestamp]}; series of one name are summed. */
        private static Double add(Double sum, String line) {
            String afterLabels =
                    line.contains("}") ? line.substring(line.lastIndexOf('}') + 1) : line.substring(line.indexOf(' '));
            String[] parts = afterLabels.strip().split("\\s+");
            try {
                double value = Double.parseDouble(parts[0]);
                return (sum == null ? 0 : sum) + value;
            } catch (NumberFormatException e) {
                return sum;
            }
        }
    }
}

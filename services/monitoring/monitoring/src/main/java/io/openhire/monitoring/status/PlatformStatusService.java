package io.openhire.monitoring.status;

import io.openhire.monitoring.MonitoringProperties;
import io.openhire.monitoring.client.ConsumerGroupLag;
import io.openhire.monitoring.client.DeadLetterTopic;
import io.openhire.monitoring.client.PlatformStatus;
import io.openhire.monitoring.client.ServiceStatus;
import io.openhire.monitoring.deadletters.DeadLetterReplays;
import io.openhire.monitoring.kafka.KafkaState;
import io.openhire.monitoring.kafka.KafkaUnavailableException;
import io.openhire.platform.http.HttpClientsProperties;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * The platform's status: every watched service probed at once (a slow one costs its own two seconds, not the
 * others'), Kafka asked for lag and dead letters, and the answer reused for {@code openhire.monitoring.status-cache}.
 */
@Service
public class PlatformStatusService {

    private record Cached(PlatformStatus status, Instant at) {}

    private final MonitoringProperties properties;
    private final HttpClientsProperties clients;
    private final ServiceProbe probe;
    private final KafkaState kafka;
    private final DeadLetterReplays replays;
    private final Clock clock;
    private volatile Cached cached;

    PlatformStatusService(
            MonitoringProperties properties,
            HttpClientsProperties clients,
            JsonMapper json,
            KafkaState kafka,
            DeadLetterReplays replays,
            Clock clock) {
        this.properties = properties;
        this.clients = clients;
        this.probe = new ServiceProbe(json, properties.slow());
        this.kafka = kafka;
        this.replays = replays;
        this.clock = clock;
    }

    public PlatformStatus status() {
        Cached last = cached;
        Instant now = clock.instant();
        if (last != null && last.at().plus(properties.statusCache()).isAfter(now)) {
            return last.status();
        }
        synchronized (this) {
            last = cached;
            if (last != null && last.at().plus(properties.statusCache()).isAfter(clock.instant())) {
                return last.status();
            }
            PlatformStatus fresh = check();
            cached = new Cached(fresh, clock.instant());
            return fresh;
        }
    }

    private PlatformStatus check() {
        List<ServiceStatus> services = probeAll();
        boolean kafkaUp = true;
        List<ConsumerGroupLag> lag = List.of();
        List<DeadLetterTopic> deadLetters = List.of();
        try {
            lag = kafka.consumerLag();
            Map<String, Long> replayed = replays.countsByTopic();
            deadLetters = kafka.deadLetterCounts().stream()
                    .map(d -> new DeadLetterTopic(
                            d.topic(), d.originalTopic(), d.records(), replayed.getOrDefault(d.topic(), 0L)))
                    .toList();
        } catch (KafkaUnavailableException e) {
            kafkaUp = false;
        }
        String overall = !kafkaUp || services.stream().anyMatch(s -> s.status().equals("DOWN"))
                ? "DOWN"
                : services.stream().anyMatch(s -> !s.status().equals("UP")) ? "DEGRADED" : "UP";
        return new PlatformStatus(clock.instant(), overall, services, kafkaUp, lag, deadLetters);
    }

    private List<ServiceStatus> probeAll() {
        List<ServiceStatus> answers = new ArrayList<>();
        try (ExecutorService each = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<ServiceStatus>> asked = new ArrayList<>();
            for (String service : properties.watch()) {
                HttpClientsProperties.Service configured = clients.services().get(service);
                if (configured == null || configured.url() == null) {
                    asked.add(each.submit(() -> new ServiceStatus(
                            service, "DOWN", null, 0, Map.of(), null, null, null, "no address configured")));
                } else {
                    asked.add(each.submit(() -> probe.probe(service, configured.url())));
                }
            }
            for (Future<ServiceStatus> answer : asked) {
                answers.add(answer.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
        return answers;
    }
}

package io.openhire.dashboard.web;

import io.openhire.dashboard.api.ApiProblem;
import io.openhire.dashboard.signin.SignedInUser;
import io.openhire.monitoring.client.ConsumerGroupLag;
import io.openhire.monitoring.client.DeadLetterTopic;
import io.openhire.monitoring.client.MonitoringApi;
import io.openhire.monitoring.client.PlatformStatus;
import io.openhire.monitoring.client.ServiceStatus;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.client.RestClientResponseException;

/**
 * {@code GET /system}: the platform as the monitoring service sees it — every service's state, version, outbox and
 * dead letters, Kafka, the consumer groups' lag and the dead-letter topics. The status part refreshes itself every
 * 10 s ({@code /system/health}). For admins and platform operators (see {@code SignInSecurity}); a platform operator
 * also gets the error groups and the latest dead letters ({@link SystemOperatorPages}). The page never shows the
 * services' internal addresses (the status has none), and still renders when monitoring cannot be reached.
 */
@Controller
class SystemPage {

    private static final Logger log = LoggerFactory.getLogger(SystemPage.class);

    static final String UNREACHABLE = "The monitoring service cannot be reached, so the platform's state is not known"
            + " right now. This part tries again every 10 seconds.";

    private final MonitoringApi monitoring;

    SystemPage(MonitoringApi monitoring) {
        this.monitoring = monitoring;
    }

    /** The status as the page shows it: services by name, consumer groups most behind first. */
    record StatusView(
            Instant checkedAt,
            String overall,
            List<ServiceRow> services,
            long needAttention,
            boolean kafka,
            List<GroupRow> consumerGroups,
            List<DeadLetterTopic> deadLetterTopics) {}

    /**
     * One service's line. {@code attention}: anything but UP (highlighted); {@code downParts}: its health's parts
     * that are not UP; {@code outboxOldest}: the oldest waiting event's age in words, null without an outbox.
     */
    record ServiceRow(
            String service,
            String status,
            boolean attention,
            String version,
            long responseMillis,
            String problem,
            List<String> downParts,
            Long outboxBacklog,
            String outboxOldest,
            Long deadLettered) {}

    /** A consumer group's lag, its topics most behind first; {@code detailsId} keeps its details open on refresh. */
    record GroupRow(String group, long lag, List<ConsumerGroupLag.TopicLag> topics, String detailsId) {}

    @GetMapping("/system")
    String system(Model model) {
        addStatus(model);
        SignedInUser me = PageModel.signedIn();
        model.addAttribute("operator", me != null && me.isOperator());
        return "system";
    }

    @GetMapping("/system/health")
    String healthOnly(Model model) {
        addStatus(model);
        return "system :: health";
    }

    /** {@code status}, or {@code statusProblem} (a sentence) when monitoring cannot say. */
    private void addStatus(Model model) {
        try {
            model.addAttribute("status", view(monitoring.status()));
        } catch (RestClientResponseException refused) {
            if (refused.getStatusCode().value() == 401) {
                throw refused; // the session ended: the page's error handling signs the person in again
            }
            model.addAttribute(
                    "statusProblem",
                    refused.getStatusCode().is5xxServerError()
                            ? UNREACHABLE
                            : "The monitoring service did not give the status: " + ApiProblem.message(refused));
        } catch (RuntimeException away) {
            // unreachable, timed out, circuit open, or an answer that could not be read: the page says so
            log.debug("Monitoring status not available: {}", away.getClass().getSimpleName());
            model.addAttribute("statusProblem", UNREACHABLE);
        }
    }

    static StatusView view(PlatformStatus status) {
        List<ServiceRow> services = status.services().stream()
                .sorted(Comparator.comparing(ServiceStatus::service))
                .map(SystemPage::row)
                .toList();
        List<GroupRow> groups = status.consumerGroups().stream()
                .sorted(Comparator.comparingLong(ConsumerGroupLag::lag)
                        .reversed()
                        .thenComparing(ConsumerGroupLag::group))
                .map(g -> new GroupRow(
                        g.group(),
                        g.lag(),
                        g.topics().stream()
                                .sorted(Comparator.comparingLong(ConsumerGroupLag.TopicLag::lag)
                                        .reversed()
                                        .thenComparing(ConsumerGroupLag.TopicLag::topic))
                                .toList(),
                        "lag-" + g.group().replaceAll("[^A-Za-z0-9_-]", "-")))
                .toList();
        List<DeadLetterTopic> deadLetters = status.deadLetters().stream()
                .sorted(Comparator.comparing(DeadLetterTopic::topic))
                .toList();
        return new StatusView(
                status.checkedAt(),
                status.overall(),
                services,
                services.stream().filter(ServiceRow::attention).count(),
                status.kafka(),
                groups,
                deadLetters);
    }

    private static ServiceRow row(ServiceStatus s) {
        List<String> downParts = s.components().entrySet().stream()
                .filter(c -> !"UP".equals(c.getValue()))
                .map(Map.Entry::getKey)
                .sorted()
                .toList();
        return new ServiceRow(
                s.service(),
                s.status(),
                !"UP".equals(s.status()),
                s.version(),
                s.responseMillis(),
                s.problem(),
                downParts,
                s.outboxBacklog(),
                s.outboxBacklog() == null ? null : age(s.outboxOldestSeconds()),
                s.deadLettered());
    }

    /** "4 s", "3 min", "2 h", "3 days": how long the oldest outbox event has waited; "–" when none waits. */
    static String age(Double seconds) {
        if (seconds == null || seconds <= 0) {
            return "–";
        }
        long s = Math.round(seconds);
        if (s < 120) {
            return s + " s";
        }
        if (s < 2 * 3600) {
            return s / 60 + " min";
        }
        if (s < 2 * 86400) {
            return s / 3600 + " h";
        }
        return s / 86400 + " days";
    }
}

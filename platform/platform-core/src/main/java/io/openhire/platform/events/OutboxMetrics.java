package io.openhire.platform.events;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The outbox as Prometheus sees it: {@code openhire_outbox_backlog} (events committed and not yet on Kafka) and
 * {@code openhire_outbox_oldest_age_seconds} (how long the oldest of them has waited). A backlog that grows, or an
 * oldest event minutes old, means Kafka is away or the relay is stuck: nothing is lost, but nothing moves either
 * (deploy/prometheus/alerts.yml alerts on both). Read from the table at most once every few seconds, however often
 * it is scraped; NaN while the database cannot be read.
 */
public class OutboxMetrics implements MeterBinder {

    static final Duration FRESH_FOR = Duration.ofSeconds(5);

    private final JdbcClient jdbc;
    private final Clock clock;
    private Instant readAt = Instant.MIN;
    private double backlog = Double.NaN;
    private double oldestAgeSeconds = Double.NaN;

    public OutboxMetrics(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("openhire.outbox.backlog", this, OutboxMetrics::backlog)
                .description("Events committed to the outbox and not yet published to Kafka")
                .register(registry);
        Gauge.builder("openhire.outbox.oldest.age", this, OutboxMetrics::oldestAgeSeconds)
                .description("How long the oldest unpublished outbox event has waited")
                .baseUnit("seconds")
                .register(registry);
    }

    double backlog() {
        refresh();
        return backlog;
    }

    double oldestAgeSeconds() {
        refresh();
        return oldestAgeSeconds;
    }

    private synchronized void refresh() {
        Instant now = clock.instant();
        if (now.isBefore(readAt.plus(FRESH_FOR))) {
            return;
        }
        readAt = now;
        try {
            jdbc.sql("""
                            SELECT count(*), coalesce(extract(epoch FROM now() - min(created_at)), 0)
                            FROM outbox_event WHERE published_at IS NULL
                            """).query(rs -> {
                backlog = rs.getLong(1);
                oldestAgeSeconds = rs.getDouble(2);
            });
        } catch (RuntimeException databaseAway) {
            backlog = Double.NaN;
            oldestAgeSeconds = Double.NaN;
        }
    }
}

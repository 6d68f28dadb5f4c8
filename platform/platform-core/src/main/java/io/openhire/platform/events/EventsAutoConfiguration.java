package io.openhire.platform.events;

import io.micrometer.core.instrument.MeterRegistry;
import io.openhire.platform.audit.AuditTrail;
import java.time.Clock;
import javax.sql.DataSource;
import org.apache.kafka.common.TopicPartition;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.ConsumerAwareRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.backoff.ExponentialBackOff;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Outbox publishing and idempotent, dead-lettering consumption for every service that has a database.
 * See docs/adr/0002-transactional-outbox.md.
 */
@AutoConfiguration(
        after = {
            DataSourceAutoConfiguration.class,
            DataSourceTransactionManagerAutoConfiguration.class,
            KafkaAutoConfiguration.class
        })
@ConditionalOnBean({DataSource.class, KafkaTemplate.class})
@EnableConfigurationProperties(OutboxProperties.class)
public class EventsAutoConfiguration {

    /** The counter of records sent to a dead-letter topic, tagged with the topic they came from. */
    public static final String DEAD_LETTERED = "openhire.events.dead.lettered";

    /** Name of the topic failed records go to: {@code <topic>.dlt}. */
    public static String deadLetterTopic(String topic) {
        return topic + ".dlt";
    }

    @Bean
    OutboxRelay outboxRelay(
            DataSource dataSource,
            PlatformTransactionManager transactionManager,
            KafkaTemplate<String, String> kafka,
            OutboxProperties properties,
            @Value("${spring.application.name:openhire}") String serviceName) {
        return new OutboxRelay(
                JdbcClient.create(dataSource),
                new TransactionTemplate(transactionManager),
                kafka,
                properties,
                serviceName);
    }

    /** The outbox's backlog for Prometheus (a MeterBinder: Spring Boot binds it to the registry). */
    @Bean
    OutboxMetrics outboxMetrics(DataSource dataSource) {
        return new OutboxMetrics(JdbcClient.create(dataSource), Clock.systemUTC());
    }

    @Bean
    Outbox outbox(DataSource dataSource, JsonMapper json, OutboxRelay relay) {
        return new Outbox(JdbcClient.create(dataSource), json, relay);
    }

    /** Entries for the audit log, through the outbox (see {@link AuditTrail}). */
    @Bean
    AuditTrail auditTrail(
            Outbox outbox,
            PlatformTransactionManager transactionManager,
            @Value("${spring.application.name:openhire}") String serviceName) {
        return new AuditTrail(outbox, transactionManager, Clock.systemUTC(), serviceName);
    }

    @Bean
    ProcessedEvents processedEvents(
            DataSource dataSource, PlatformTransactionManager transactionManager, JsonMapper json) {
        return new ProcessedEvents(JdbcClient.create(dataSource), new TransactionTemplate(transactionManager), json);
    }

    /**
     * A listener that throws is retried a few times with back-off, then its record goes to
     * {@code <topic>.dlt} with the exception in the headers, and consumption moves on. Records that can
     * never succeed (unreadable JSON) go to the dead-letter topic at once. When the failure is a
     * dependency being away (another service answering 5xx or not at all, the database unreachable),
     * the record is retried patiently instead — up to {@link #DEPENDENCY_PATIENCE} — because the same
     * record will succeed once the dependency is back, and dead-lettering it would strand it.
     */
    @Bean
    @ConditionalOnMissingBean(CommonErrorHandler.class)
    CommonErrorHandler deadLetteringErrorHandler(
            KafkaTemplate<String, String> kafka,
            ObjectProvider<MeterRegistry> meters,
            ObjectProvider<io.openhire.platform.monitoring.ErrorReporter> errorReporter) {
        DeadLetterPublishingRecoverer deadLetters = new DeadLetterPublishingRecoverer(
                kafka, (record, e) -> new TopicPartition(deadLetterTopic(record.topic()), -1));
        MeterRegistry registry = meters.getIfAvailable();
        // Counted as openhire_events_dead_lettered_total{topic}: every one is a record someone must look at.
        ConsumerAwareRecordRecoverer recoverer = (record, consumer, e) -> {
            if (registry != null) {
                registry.counter(DEAD_LETTERED, "topic", record.topic()).increment();
            }
            deadLetters.accept(record, consumer, e);
            errorReporter.ifAvailable(reporter -> reporter.listenerFailed(e, record.topic(), organizationOf(record)));
        };
        ExponentialBackOff backOff = new ExponentialBackOff(200, 2.0);
        backOff.setMaxAttempts(3);
        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, backOff);
        handler.addNotRetryableExceptions(JacksonException.class, IllegalArgumentException.class);
        handler.setBackOffFunction((record, e) -> dependencyAway(e) ? waitForDependency() : null);
        return handler;
    }

    /** The organisation a record says it belongs to (its header), if it says and says it readably. */
    static java.util.UUID organizationOf(org.apache.kafka.clients.consumer.ConsumerRecord<?, ?> record) {
        org.apache.kafka.common.header.Header header = record.headers().lastHeader(EventHeaders.ORGANIZATION_ID);
        if (header == null) {
            return null;
        }
        try {
            return java.util.UUID.fromString(new String(header.value(), java.nio.charset.StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** How long a record waits for an unavailable dependency before it is dead-lettered. */
    public static final java.time.Duration DEPENDENCY_PATIENCE = java.time.Duration.ofMinutes(15);

    static ExponentialBackOff waitForDependency() {
        ExponentialBackOff backOff = new ExponentialBackOff(1_000, 2.0);
        backOff.setMaxInterval(30_000); // well inside max.poll.interval.ms
        backOff.setMaxElapsedTime(DEPENDENCY_PATIENCE.toMillis());
        return backOff;
    }

    /** Another service or the database is away: the record is fine and will succeed later. */
    static boolean dependencyAway(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.springframework.web.client.ResourceAccessException
                    || t instanceof org.springframework.web.client.HttpServerErrorException
                    || t instanceof org.springframework.dao.TransientDataAccessException
                    || t instanceof org.springframework.dao.DataAccessResourceFailureException
                    || (t instanceof io.openhire.platform.errors.DomainException away
                            && away.category() == io.openhire.platform.errors.DomainException.Category.UNAVAILABLE)) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}

package io.openhire.platform.events;

import javax.sql.DataSource;
import org.apache.kafka.common.TopicPartition;
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

    @Bean
    Outbox outbox(DataSource dataSource, JsonMapper json, OutboxRelay relay) {
        return new Outbox(JdbcClient.create(dataSource), json, relay);
    }

    @Bean
    ProcessedEvents processedEvents(DataSource dataSource, PlatformTransactionManager transactionManager) {
        return new ProcessedEvents(JdbcClient.create(dataSource), new TransactionTemplate(transactionManager));
    }

    /**
     * A listener that throws is retried a few times with back-off, then its record goes to
     * {@code <topic>.dlt} with the exception in the headers, and consumption moves on. Records that can
     * never succeed (unreadable JSON) go to the dead-letter topic at once.
     */
    @Bean
    @ConditionalOnMissingBean(CommonErrorHandler.class)
    CommonErrorHandler deadLetteringErrorHandler(KafkaTemplate<String, String> kafka) {
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(
                kafka, (record, e) -> new TopicPartition(deadLetterTopic(record.topic()), -1));
        ExponentialBackOff backOff = new ExponentialBackOff(200, 2.0);
        backOff.setMaxAttempts(3);
        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, backOff);
        handler.addNotRetryableExceptions(JacksonException.class, IllegalArgumentException.class);
        return handler;
    }
}

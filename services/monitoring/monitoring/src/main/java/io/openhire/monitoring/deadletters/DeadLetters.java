package io.openhire.monitoring.deadletters;

import io.openhire.monitoring.client.DeadLetter;
import io.openhire.monitoring.kafka.KafkaState;
import io.openhire.monitoring.kafka.KafkaUnavailableException;
import io.openhire.platform.audit.AuditTrail;
import io.openhire.platform.errors.DomainException;
import io.openhire.platform.events.EventHeaders;
import io.openhire.platform.monitoring.ErrorReport;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.kafka.support.SendResult;
import org.springframework.stereotype.Service;

/**
 * Dead-lettered records: read straight from their {@code <topic>.dlt} partitions (no consumer group, nothing
 * committed), shown without their payloads, and replayed — sent back to the topic they came from, with their
 * own headers (the event id too, so every listener that had handled it already skips it again) and {@value
 * #REPLAYED_FROM} saying where they were. A record is replayed once; the replay is recorded and audited.
 */
@Service
public class DeadLetters {

    public static final String REPLAYED_FROM = "openhire-replayed-from";
    static final Duration READ_FOR = Duration.ofSeconds(5);

    private final KafkaAdmin kafkaAdmin;
    private final KafkaState kafka;
    private final KafkaTemplate<String, String> template;
    private final DeadLetterReplays replays;
    private final AuditTrail audit;
    private final Clock clock;
    private final org.springframework.transaction.support.TransactionTemplate transactions;

    DeadLetters(
            KafkaAdmin kafkaAdmin,
            KafkaState kafka,
            KafkaTemplate<String, String> template,
            DeadLetterReplays replays,
            AuditTrail audit,
            Clock clock,
            org.springframework.transaction.PlatformTransactionManager transactionManager) {
        this.kafkaAdmin = kafkaAdmin;
        this.kafka = kafka;
        this.template = template;
        this.replays = replays;
        this.audit = audit;
        this.clock = clock;
        this.transactions = new org.springframework.transaction.support.TransactionTemplate(transactionManager);
    }

    /** The latest {@code limit} records of one dead-letter topic, or of all of them, newest first. */
    public List<DeadLetter> latest(String topic, int limit) {
        List<String> topics;
        try {
            topics = topic != null
                    ? List.of(topic)
                    : kafka.deadLetterCounts().stream()
                            .map(KafkaState.DeadLetterCount::topic)
                            .toList();
        } catch (KafkaUnavailableException e) {
            throw kafkaAway(e);
        }
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = consumer()) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String name : topics) {
                consumer.partitionsFor(name, READ_FOR)
                        .forEach(p -> partitions.add(new TopicPartition(name, p.partition())));
            }
            if (partitions.isEmpty()) {
                return List.of();
            }
            consumer.assign(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, READ_FOR);
            Map<TopicPartition, Long> starts = consumer.beginningOffsets(partitions, READ_FOR);
            Map<TopicPartition, Long> wanted = new HashMap<>();
            for (TopicPartition partition : partitions) {
                long end = ends.getOrDefault(partition, 0L);
                long from = Math.max(starts.getOrDefault(partition, 0L), end - limit);
                consumer.seek(partition, from);
                if (end > from) {
                    wanted.put(partition, end);
                }
            }
            readUntil(consumer, wanted, records);
        } catch (org.apache.kafka.common.KafkaException e) {
            throw kafkaAway(new KafkaUnavailableException(e.getClass().getSimpleName()));
        }
        return records.stream()
                .sorted(Comparator.comparingLong((ConsumerRecord<String, String> r) -> r.timestamp())
                        .reversed())
                .limit(limit)
                .map(r -> view(
                        r, replays.find(r.topic(), r.partition(), r.offset()).orElse(null)))
                .toList();
    }

    public DeadLetter one(String topic, int partition, long offset) {
        ConsumerRecord<String, String> record = read(topic, partition, offset);
        return view(record, replays.find(topic, partition, offset).orElse(null));
    }

    /**
     * Sends the record back to its topic; 409 if it was replayed before. The claim is written first (two operators
     * pressing at once replay it once) and taken back if Kafka does not take the record; no database connection is
     * held while waiting for Kafka.
     */
    public DeadLetter replay(String topic, int partition, long offset, String by) {
        ConsumerRecord<String, String> record = read(topic, partition, offset);
        String original = KafkaState.originalTopic(topic);
        Instant now = clock.instant();
        if (!replays.claim(topic, partition, offset, original, now, by)) {
            throw DomainException.conflict(
                    "already-replayed", "This record was replayed already; a replay sends a record back once.");
        }
        ProducerRecord<String, String> again = new ProducerRecord<>(original, null, record.key(), record.value());
        for (Header header : record.headers()) {
            if (!header.key().startsWith(KafkaHeaders.PREFIX)) {
                again.headers().add(header);
            }
        }
        again.headers().add(REPLAYED_FROM, (topic + "/" + partition + "/" + offset).getBytes(StandardCharsets.UTF_8));
        SendResult<String, String> sent;
        try {
            sent = template.send(again).get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            replays.release(topic, partition, offset);
            throw kafkaAway(new KafkaUnavailableException("interrupted"));
        } catch (ExecutionException | TimeoutException | org.apache.kafka.common.KafkaException e) {
            replays.release(topic, partition, offset);
            throw kafkaAway(new KafkaUnavailableException(e.getClass().getSimpleName()));
        }
        transactions.executeWithoutResult(status -> {
            replays.sent(
                    topic,
                    partition,
                    offset,
                    sent.getRecordMetadata().partition(),
                    sent.getRecordMetadata().offset());
            audit.record("dead-letter.replayed", "dead-letter", topic + "/" + partition + "/" + offset);
        });
        return view(record, replays.find(topic, partition, offset).orElseThrow());
    }

    private ConsumerRecord<String, String> read(String topic, int partition, long offset) {
        if (!KafkaState.isDeadLetterTopic(topic)) {
            throw DomainException.invalidField("topic", "must be a dead-letter topic (<topic>.dlt)");
        }
        TopicPartition where = new TopicPartition(topic, partition);
        long[] bounds;
        try {
            bounds = kafka.bounds(where);
        } catch (KafkaUnavailableException.NoSuchTopic e) {
            throw DomainException.notFound("Dead letter " + topic + "/" + partition + "/" + offset);
        } catch (KafkaUnavailableException e) {
            throw kafkaAway(e);
        }
        if (offset < bounds[0] || offset >= bounds[1]) {
            throw DomainException.notFound("Dead letter " + topic + "/" + partition + "/" + offset);
        }
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = consumer()) {
            consumer.assign(List.of(where));
            consumer.seek(where, offset);
            readUntil(consumer, Map.of(where, offset + 1), found);
        }
        return found.stream()
                .filter(r -> r.offset() == offset)
                .findFirst()
                .orElseThrow(() -> DomainException.notFound("Dead letter " + topic + "/" + partition + "/" + offset));
    }

    /** Polls until every partition's position has reached its end offset, or {@link #READ_FOR} has passed. */
    private static void readUntil(
            KafkaConsumer<String, String> consumer,
            Map<TopicPartition, Long> ends,
            List<ConsumerRecord<String, String>> into) {
        long deadline = System.nanoTime() + READ_FOR.toNanos();
        Map<TopicPartition, Long> open = new HashMap<>(ends);
        while (!open.isEmpty() && System.nanoTime() < deadline) {
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                if (open.containsKey(partition) && record.offset() < open.get(partition)) {
                    into.add(record);
                }
            }
            open.entrySet().removeIf(e -> consumer.position(e.getKey()) >= e.getValue());
        }
    }

    private KafkaConsumer<String, String> consumer() {
        Map<String, Object> config = new HashMap<>();
        config.put(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                kafkaAdmin.getConfigurationProperties().get(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG));
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500);
        config.put(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) READ_FOR.toMillis());
        config.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) READ_FOR.toMillis());
        return new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
    }

    private static DeadLetter view(ConsumerRecord<String, String> record, DeadLetter.Replay replay) {
        String cause = header(record, KafkaHeaders.DLT_EXCEPTION_CAUSE_FQCN);
        String organization = header(record, EventHeaders.ORGANIZATION_ID);
        String partition = header(record, KafkaHeaders.DLT_ORIGINAL_PARTITION);
        String offset = header(record, KafkaHeaders.DLT_ORIGINAL_OFFSET);
        return new DeadLetter(
                record.topic(),
                record.partition(),
                record.offset(),
                Instant.ofEpochMilli(record.timestamp()),
                KafkaState.originalTopic(record.topic()),
                partition == null ? null : Integer.valueOf(partition),
                offset == null ? null : Long.valueOf(offset),
                record.key(),
                header(record, EventHeaders.EVENT_ID),
                header(record, EventHeaders.EVENT_TYPE),
                organization == null ? null : uuidOrNull(organization),
                header(record, KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP),
                cause != null ? cause : header(record, KafkaHeaders.DLT_EXCEPTION_FQCN),
                ErrorReport.scrub(header(record, KafkaHeaders.DLT_EXCEPTION_MESSAGE)),
                record.value() == null ? 0 : record.value().getBytes(StandardCharsets.UTF_8).length,
                replay);
    }

    /**
     * A header as text. Spring writes the original partition and offset as binary numbers (4 and 8 bytes); they are
     * read as such.
     */
    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        if (header == null || header.value() == null) {
            return null;
        }
        byte[] value = header.value();
        if (name.equals(KafkaHeaders.DLT_ORIGINAL_PARTITION) && value.length == 4) {
            return String.valueOf(java.nio.ByteBuffer.wrap(value).getInt());
        }
        if (name.equals(KafkaHeaders.DLT_ORIGINAL_OFFSET) && value.length == 8) {
            return String.valueOf(java.nio.ByteBuffer.wrap(value).getLong());
        }
        return new String(value, StandardCharsets.UTF_8);
    }

    private static UUID uuidOrNull(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static DomainException kafkaAway(KafkaUnavailableException e) {
        return DomainException.unavailable(
                "kafka-unavailable", "Kafka did not answer (" + e.getMessage() + "). Try again shortly.");
    }
}

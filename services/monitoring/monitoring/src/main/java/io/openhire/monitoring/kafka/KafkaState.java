package io.openhire.monitoring.kafka;

import io.openhire.monitoring.client.ConsumerGroupLag;
import io.openhire.platform.events.EventsAutoConfiguration;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListGroupsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

/**
 * What Kafka itself says: how far each consumer group is behind (end offset minus committed offset, per
 * partition, summed) and how many records each dead-letter topic holds. One admin client, kept open; every
 * question waits {@value #TIMEOUT_SECONDS} s at most and a Kafka that does not answer is reported, not thrown.
 */
@Component
public class KafkaState implements DisposableBean {

    static final int TIMEOUT_SECONDS = 3;
    private static final String DLT_SUFFIX = EventsAutoConfiguration.deadLetterTopic("");

    private final KafkaAdmin kafkaAdmin;
    private volatile Admin admin;

    KafkaState(KafkaAdmin kafkaAdmin) {
        this.kafkaAdmin = kafkaAdmin;
    }

    /** A dead-letter topic's size: records between its first and its end offset, over every partition. */
    public record DeadLetterCount(String topic, String originalTopic, long records) {}

    /** Each consumer group's lag, largest first. */
    public List<ConsumerGroupLag> consumerLag() throws KafkaUnavailableException {
        Admin kafka = admin();
        List<String> groups = get(
                        kafka.listGroups(ListGroupsOptions.forConsumerGroups()).all())
                .stream()
                .map(GroupListing::groupId)
                .sorted()
                .toList();
        List<ConsumerGroupLag> lags = new ArrayList<>();
        for (String group : groups) {
            Map<TopicPartition, OffsetAndMetadata> committed =
                    get(kafka.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata());
            Map<TopicPartition, Long> ends = endOffsets(kafka, committed.keySet());
            Map<String, Long> perTopic = new TreeMap<>();
            committed.forEach((partition, offset) -> {
                if (offset != null && ends.containsKey(partition)) {
                    perTopic.merge(partition.topic(), Math.max(0, ends.get(partition) - offset.offset()), Long::sum);
                }
            });
            long total = perTopic.values().stream().mapToLong(Long::longValue).sum();
            lags.add(new ConsumerGroupLag(
                    group,
                    total,
                    perTopic.entrySet().stream()
                            .map(e -> new ConsumerGroupLag.TopicLag(e.getKey(), e.getValue()))
                            .toList()));
        }
        lags.sort(Comparator.comparingLong(ConsumerGroupLag::lag).reversed().thenComparing(ConsumerGroupLag::group));
        return lags;
    }

    /** Every dead-letter topic ({@code <topic>.dlt}) and how many records it holds. */
    public List<DeadLetterCount> deadLetterCounts() throws KafkaUnavailableException {
        Admin kafka = admin();
        List<String> topics = get(kafka.listTopics().names()).stream()
                .filter(t -> t.endsWith(DLT_SUFFIX))
                .sorted()
                .toList();
        if (topics.isEmpty()) {
            return List.of();
        }
        List<TopicPartition> partitions = new ArrayList<>();
        get(kafka.describeTopics(topics).allTopicNames())
                .forEach((name, description) ->
                        description.partitions().forEach(p -> partitions.add(new TopicPartition(name, p.partition()))));
        Map<TopicPartition, Long> ends = endOffsets(kafka, partitions);
        Map<TopicPartition, Long> starts = offsets(kafka, partitions, OffsetSpec.earliest());
        Map<String, Long> sizes = new TreeMap<>();
        for (TopicPartition partition : partitions) {
            long size = ends.getOrDefault(partition, 0L) - starts.getOrDefault(partition, 0L);
            sizes.merge(partition.topic(), Math.max(0, size), Long::sum);
        }
        return sizes.entrySet().stream()
                .map(e -> new DeadLetterCount(e.getKey(), originalTopic(e.getKey()), e.getValue()))
                .toList();
    }

    public static boolean isDeadLetterTopic(String topic) {
        return topic.endsWith(DLT_SUFFIX) && topic.length() > DLT_SUFFIX.length();
    }

    public static String originalTopic(String deadLetterTopic) {
        return deadLetterTopic.substring(0, deadLetterTopic.length() - DLT_SUFFIX.length());
    }

    /** The first and end offsets of one partition, or null when the topic or partition does not exist. */
    public long[] bounds(TopicPartition partition) throws KafkaUnavailableException {
        Admin kafka = admin();
        Map<TopicPartition, Long> start = offsets(kafka, List.of(partition), OffsetSpec.earliest());
        Map<TopicPartition, Long> end = offsets(kafka, List.of(partition), OffsetSpec.latest());
        return new long[] {start.get(partition), end.get(partition)};
    }

    private Map<TopicPartition, Long> endOffsets(Admin kafka, Collection<TopicPartition> partitions)
            throws KafkaUnavailableException {
        return offsets(kafka, partitions, OffsetSpec.latest());
    }

    private Map<TopicPartition, Long> offsets(Admin kafka, Collection<TopicPartition> partitions, OffsetSpec spec)
            throws KafkaUnavailableException {
        if (partitions.isEmpty()) {
            return Map.of();
        }
        Map<TopicPartition, OffsetSpec> ask = new HashMap<>();
        partitions.forEach(p -> ask.put(p, spec));
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> answers =
                get(kafka.listOffsets(ask).all());
        Map<TopicPartition, Long> offsets = new HashMap<>();
        answers.forEach((p, info) -> offsets.put(p, info.offset()));
        return offsets;
    }

    private static <T> T get(org.apache.kafka.common.KafkaFuture<T> future) throws KafkaUnavailableException {
        try {
            return future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaUnavailableException("interrupted");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof org.apache.kafka.common.errors.UnknownTopicOrPartitionException) {
                throw new KafkaUnavailableException.NoSuchTopic();
            }
            throw new KafkaUnavailableException(e.getCause().getClass().getSimpleName());
        } catch (TimeoutException e) {
            throw new KafkaUnavailableException("no answer in " + TIMEOUT_SECONDS + " s");
        }
    }

    private Admin admin() {
        Admin current = admin;
        if (current == null) {
            synchronized (this) {
                if (admin == null) {
                    Map<String, Object> config = new HashMap<>(kafkaAdmin.getConfigurationProperties());
                    config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, TIMEOUT_SECONDS * 1000);
                    config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, TIMEOUT_SECONDS * 1000);
                    admin = Admin.create(config);
                }
                current = admin;
            }
        }
        return current;
    }

    @Override
    public void destroy() {
        Admin current = admin;
        if (current != null) {
            current.close(Duration.ofSeconds(2));
        }
    }
}

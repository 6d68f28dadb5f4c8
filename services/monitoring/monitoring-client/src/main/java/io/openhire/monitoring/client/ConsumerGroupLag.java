package io.openhire.monitoring.client;

import java.util.List;

/** How far one consumer group (a service's listeners) is behind, in records, in all and per topic. */
public record ConsumerGroupLag(String group, long lag, List<TopicLag> topics) {

    public ConsumerGroupLag {
        topics = List.copyOf(topics);
    }

    public record TopicLag(String topic, long lag) {}
}

package io.openhire.platform.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The golden JSON samples of events: {@code /golden/<topic>.json} in each {@code <svc>-events} module's test
 * resources, published as its test-jar so that consumers read the very same files.
 *
 * <pre>{@code
 * // in the producer's -events module: the sample and the record agree, both ways
 * GoldenEvents.assertRoundTrip(ResumeParsed.TOPIC, ResumeParsed.class, expected);
 *
 * // in a consumer (with the producer's -events test-jar as a test dependency): feed the sample to the listener
 * listener.resumeParsed(GoldenEvents.record(ResumeParsed.TOPIC));
 * }</pre>
 */
public final class GoldenEvents {

    /** Configured like Spring Boot's mapper: ISO-8601 instants, unknown properties tolerated. */
    public static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private GoldenEvents() {}

    /** The sample of a topic, as its producer publishes it. */
    public static String json(String topic) {
        String resource = "/golden/" + topic + ".json";
        try (InputStream in = GoldenEvents.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("No golden sample " + resource + " on the class path: add the"
                        + " producer's -events module as a test dependency of type test-jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The sample of a topic read into the event's record. */
    public static <T> T read(String topic, Class<T> type) {
        return JSON.readValue(json(topic), type);
    }

    /**
     * The sample as a Kafka record of the topic, keyed as producers key it (by the event's id, here a fixed
     * key), for a listener that takes {@code ConsumerRecord<String, String>}.
     */
    public static ConsumerRecord<String, String> record(String topic) {
        return new ConsumerRecord<>(topic, 0, 0L, "golden", json(topic));
    }

    /**
     * The sample reads into {@code expected}, and {@code expected} writes the sample's JSON (no field more,
     * none less, none renamed): the event's JSON is a contract with its consumers.
     */
    public static <T> void assertRoundTrip(String topic, Class<T> type, T expected) {
        String golden = json(topic);
        assertThat(JSON.readValue(golden, type))
                .as("the golden sample of %s read into %s", topic, type.getSimpleName())
                .isEqualTo(expected);
        assertThat(JSON.readTree(JSON.writeValueAsString(expected)))
                .as("%s written as JSON, against the golden sample of %s", type.getSimpleName(), topic)
                .isEqualTo(JSON.readTree(golden));
    }
}

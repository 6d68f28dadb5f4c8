package io.openhire.monitoring.deadletters;

import io.openhire.monitoring.client.DeadLetter;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The replays done: one row per dead-lettered record (topic, partition, offset), so a record goes back once. */
@Repository
public class DeadLetterReplays {

    private final JdbcClient jdbc;

    DeadLetterReplays(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Claims the record for a replay; false when it has been replayed already. */
    boolean claim(String topic, int partition, long offset, String originalTopic, Instant at, String by) {
        return jdbc.sql("""
                        INSERT INTO dead_letter_replays (topic, partition_no, offset_no, original_topic, replayed_at, replayed_by)
                        VALUES (:topic, :partition, :offset, :original, :at, :by)
                        ON CONFLICT DO NOTHING
                        """)
                        .param("topic", topic)
                        .param("partition", partition)
                        .param("offset", offset)
                        .param("original", originalTopic)
                        .param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                        .param("by", by)
                        .update()
                == 1;
    }

    /** Takes a claim back: the record did not reach Kafka, so it may be replayed again. */
    void release(String topic, int partition, long offset) {
        jdbc.sql(
                        "DELETE FROM dead_letter_replays WHERE topic = :topic AND partition_no = :partition AND offset_no = :offset")
                .param("topic", topic)
                .param("partition", partition)
                .param("offset", offset)
                .update();
    }

    void sent(String topic, int partition, long offset, int newPartition, long newOffset) {
        jdbc.sql("""
                        UPDATE dead_letter_replays SET new_partition = :np, new_offset = :no
                        WHERE topic = :topic AND partition_no = :partition AND offset_no = :offset
                        """)
                .param("np", newPartition)
                .param("no", newOffset)
                .param("topic", topic)
                .param("partition", partition)
                .param("offset", offset)
                .update();
    }

    Optional<DeadLetter.Replay> find(String topic, int partition, long offset) {
        return jdbc.sql("""
                        SELECT replayed_at, replayed_by, new_partition, new_offset FROM dead_letter_replays
                        WHERE topic = :topic AND partition_no = :partition AND offset_no = :offset
                        """)
                .param("topic", topic)
                .param("partition", partition)
                .param("offset", offset)
                .query((rs, row) -> new DeadLetter.Replay(
                        rs.getObject("replayed_at", OffsetDateTime.class).toInstant(),
                        rs.getString("replayed_by"),
                        rs.getInt("new_partition"),
                        rs.getLong("new_offset")))
                .optional();
    }

    /** How many records of each dead-letter topic have been replayed. */
    public Map<String, Long> countsByTopic() {
        Map<String, Long> counts = new HashMap<>();
        jdbc.sql("SELECT topic, count(*) AS n FROM dead_letter_replays GROUP BY topic")
                .query(rs -> {
                    counts.put(rs.getString("topic"), rs.getLong("n"));
                });
        return counts;
    }
}

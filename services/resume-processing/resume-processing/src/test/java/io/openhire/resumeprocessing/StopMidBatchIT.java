package io.openhire.resumeprocessing;

import static io.openhire.resumeprocessing.ProcessingTestSupport.TOKENS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.openhire.platform.test.TestDocuments;
import io.openhire.platform.test.TestKafka;
import io.openhire.platform.test.TestPostgres;
import io.openhire.platform.test.TestServices;
import io.openhire.resumeprocessing.events.ResumeParsed;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * resume-processing stopped in the middle of a batch and started again: every resume is parsed, each
 * exactly once (one profile at revision 1, one resume.parsed.v1), none lost.
 */
class StopMidBatchIT {

    @Test
    void nothingIsLostOrDoubledWhenTheServiceStopsMidBatch() throws Exception {
        String database = TestPostgres.newDatabase("resume_processing_restart");
        // Its own consumer group, so that only this test's two instances share the work.
        Map<String, Object> settings = Map.of(
                "spring.datasource.url",
                database,
                "spring.kafka.consumer.group-id",
                "resume-processing-restart-" + UUID.randomUUID(),
                "openhire.clients.services.storage.url",
                ProcessingTestSupport.storageUrl(),
                "spring.kafka.listener.concurrency",
                "1");
        UUID org = UUID.randomUUID();
        List<UUID> resumes = new ArrayList<>();

        // The whole batch waits in Kafka before the service starts.
        List<byte[]> documents = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            List<String> lines = new ArrayList<>(ResumeTestData.priya());
            lines.add("Reference number " + i + " " + UUID.randomUUID());
            documents.add(TestDocuments.pdf(lines));
        }
        resumes.addAll(
                ProcessingTestSupport.receiveAll(org, documents, "application/pdf", TestKafka.bootstrapServers()));

        TestServices.Running first = TestServices.start(
                "resume-processing", ProcessingTestSupport.WithTestServiceAccount.class, TOKENS, settings);
        await().atMost(Duration.ofSeconds(60)).until(() -> parsedRows(database, org) >= 3);
        first.close(); // mid-batch: some parsed, the rest still in Kafka
        int parsedBeforeStop = parsedRows(database, org);

        TestServices.Running second = TestServices.start(
                "resume-processing", ProcessingTestSupport.WithTestServiceAccount.class, TOKENS, settings);
        try {
            await().atMost(Duration.ofSeconds(120)).until(() -> parsedRows(database, org) == resumes.size());
        } finally {
            second.close();
        }

        assertThat(parsedBeforeStop).isLessThan(resumes.size());
        try (Connection c = DriverManager.getConnection(database, "postgres", "");
                Statement s = c.createStatement();
                ResultSet rows = s.executeQuery(
                        "SELECT max(revision), count(*) FROM resume_profile WHERE organization_id = '" + org + "'")) {
            rows.next();
            assertThat(rows.getInt(1)).as("each resume parsed once").isEqualTo(1);
            assertThat(rows.getInt(2)).isEqualTo(resumes.size());
        }
        Set<String> wanted = new HashSet<>();
        resumes.forEach(id -> wanted.add(id.toString()));
        List<ConsumerRecord<String, String>> events =
                TestKafka.read(ResumeParsed.TOPIC, r -> wanted.contains(r.key()), resumes.size());
        assertThat(events).extracting(ConsumerRecord::key).containsExactlyInAnyOrderElementsOf(wanted);
    }

    /** Parsed resumes of this test's organisation (the topic also holds other tests' resumes). */
    static int parsedRows(String database, UUID org) throws Exception {
        try (Connection c = DriverManager.getConnection(database, "postgres", "");
                Statement s = c.createStatement();
                ResultSet rows = s.executeQuery("SELECT count(*) FROM resume_profile WHERE status = 'PARSED'"
                        + " AND organization_id = '" + org + "'")) {
            rows.next();
            return rows.getInt(1);
        } catch (java.sql.SQLException notYetMigrated) {
            return 0;
        }
    }
}

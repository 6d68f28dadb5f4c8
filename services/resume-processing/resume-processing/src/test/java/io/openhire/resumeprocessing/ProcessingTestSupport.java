package io.openhire.resumeprocessing;

import io.openhire.platform.events.EventHeaders;
import io.openhire.platform.http.ServiceAccount;
import io.openhire.platform.test.TestHttp;
import io.openhire.platform.test.TestServices;
import io.openhire.platform.test.TestTokens;
import io.openhire.resumeingestion.events.ResumeReceived;
import io.openhire.storage.StorageConfiguration;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.json.JsonMapper;

/** What resume-ingestion would do before resume-processing sees a resume: store it, announce it. */
public final class ProcessingTestSupport {

    public static final TestTokens TOKENS = new TestTokens();
    private static TestServices.Running storage;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ProcessingTestSupport() {}

    /** The real storage service, started once for all tests of this module. */
    public static synchronized String storageUrl() {
        if (storage == null) {
            try {
                storage = TestServices.start(
                        "storage",
                        StorageConfiguration.class,
                        TOKENS,
                        Map.of(
                                "openhire.storage.filesystem.root",
                                Files.createTempDirectory("openhire-objects").toString(),
                                "openhire.storage.encryption-key",
                                Base64.getEncoder().encodeToString(new byte[32])));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return storage.url();
    }

    /** identity's service tokens (subject service:resume-processing), from the test issuer. */
    public static ServiceAccount serviceAccount() {
        return new ServiceAccount("resume-processing", "unused", null, Clock.systemUTC()) {
            @Override
            public String tokenFor(UUID organizationId) {
                return TOKENS.serviceToken("resume-processing", organizationId);
            }
        };
    }

    /**
     * resume-processing with the test service account. Not a {@code @Configuration}, so that the
     * service's component scan does not pick it up; import it.
     */
    @Import(ResumeProcessingConfiguration.class)
    public static class WithTestServiceAccount {
        @Bean
        ServiceAccount serviceAccount() {
            return ProcessingTestSupport.serviceAccount();
        }
    }

    /** Stores {@code bytes} in storage and publishes resume.received.v1 for it, like resume-ingestion. */
    public static UUID receive(UUID organization, byte[] bytes, String mediaType, String bootstrapServers) {
        return receiveAll(organization, java.util.List.of(bytes), mediaType, bootstrapServers)
                .getFirst();
    }

    /** The same with a chosen resume id. */
    public static UUID receiveAs(UUID id, UUID organization, byte[] bytes, String bootstrapServers) {
        return receiveAll(organization, java.util.List.of(bytes), "application/pdf", bootstrapServers, id)
                .getFirst();
    }

    /** The same for many documents, with one producer. */
    public static java.util.List<UUID> receiveAll(
            UUID organization, java.util.List<byte[]> documents, String mediaType, String bootstrapServers) {
        return receiveAll(organization, documents, mediaType, bootstrapServers, null);
    }

    private static java.util.List<UUID> receiveAll(
            UUID organization,
            java.util.List<byte[]> documents,
            String mediaType,
            String bootstrapServers,
            UUID firstId) {
        java.util.List<UUID> ids = new java.util.ArrayList<>();
        try (KafkaProducer<String, String> producer = producer(bootstrapServers)) {
            for (byte[] bytes : documents) {
                UUID id = ids.isEmpty() && firstId != null ? firstId : UUID.randomUUID();
                store(organization, id, bytes, mediaType);
                producer.send(received(organization, id, bytes, mediaType, UUID.randomUUID()));
                ids.add(id);
            }
            producer.flush();
        }
        return ids;
    }

    /** Stores the original in storage's resumes bucket under the resume's id, as resume-ingestion does. */
    public static void store(UUID organization, UUID id, byte[] bytes, String mediaType) {
        // resume-ingestion's own token: only it and resume-processing reach the resumes bucket.
        String token = TOKENS.serviceToken("resume-ingestion", organization);
        TestHttp.Response stored = new TestHttp(storageUrl())
                .putRaw("/api/v1/data/resumes/" + id, mediaType, bytes, TestHttp.bearer(token));
        if (stored.status() != 201 && stored.status() != 200) {
            throw new IllegalStateException("storage said " + stored.status() + ": " + stored.body());
        }
    }

    /** Publishes resume.received.v1 for a stored original with the given event id (the same id again: a redelivery). */
    public static void announce(
            UUID organization, UUID id, byte[] bytes, String mediaType, UUID eventId, String bootstrapServers) {
        try (KafkaProducer<String, String> producer = producer(bootstrapServers)) {
            producer.send(received(organization, id, bytes, mediaType, eventId));
            producer.flush();
        }
    }

    private static KafkaProducer<String, String> producer(String bootstrapServers) {
        return new KafkaProducer<>(
                Map.of("bootstrap.servers", bootstrapServers), new StringSerializer(), new StringSerializer());
    }

    private static ProducerRecord<String, String> received(
            UUID organization, UUID id, byte[] bytes, String mediaType, UUID eventId) {
        ResumeReceived event = new ResumeReceived(
                id,
                organization,
                "resumes",
                id.toString(),
                mediaType,
                bytes.length,
                io.openhire.platform.crypto.Sha256.hex(bytes),
                "UPLOAD",
                null,
                Instant.now());
        ProducerRecord<String, String> record =
                new ProducerRecord<>(ResumeReceived.TOPIC, id.toString(), JSON.writeValueAsString(event));
        record.headers().add(EventHeaders.EVENT_ID, eventId.toString().getBytes(StandardCharsets.UTF_8));
        return record;
    }
}

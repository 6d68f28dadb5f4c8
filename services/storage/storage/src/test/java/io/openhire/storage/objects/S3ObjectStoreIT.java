package io.openhire.storage.objects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.openhire.storage.StorageProperties;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The S3 backend against an S3-compatible server running in the test (S3Proxy, in memory). */
class S3ObjectStoreIT {

    static S3Proxy s3;
    static S3ObjectStore store;

    @BeforeAll
    static void start() throws Exception {
        s3 = S3Proxy.builder()
                .blobStore(new TransientNio2BlobStore())
                .endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, "test-access", "test-secret")
                .build();
        s3.start();
        await().atMost(Duration.ofSeconds(30)).until(() -> "STARTED".equals(s3.getState()));
        store = S3ObjectStore.create(new StorageProperties.S3(
                "http://127.0.0.1:" + s3.getPort(), "us-east-1", "openhire-test", "test-access", "test-secret", true));
    }

    @AfterAll
    static void stop() throws Exception {
        store.close();
        s3.stop();
    }

    @Test
    void storesReadsReplacesAndDeletesObjects() {
        String path = "6f1c1b9e-2f0a-4a57-9a53-7f1f3f3c2a10/resumes/2026/cv.pdf";

        store.put(path, "first".getBytes(StandardCharsets.UTF_8));
        store.put(path, "second".getBytes(StandardCharsets.UTF_8));

        assertThat(store.get(path))
                .hasValueSatisfying(bytes ->
                        assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo("second"));
        store.delete(path);
        assertThat(store.get(path)).isEmpty();
        store.delete(path); // idempotent
    }

    @Test
    void aMissingObjectIsEmptyNotAnError() {
        assertThat(store.get("nobody/nothing/here")).isEmpty();
    }

    @Test
    void reconnectingFindsTheExistingBucket() {
        S3ObjectStore again = S3ObjectStore.create(new StorageProperties.S3(
                "http://127.0.0.1:" + s3.getPort(), "us-east-1", "openhire-test", "test-access", "test-secret", true));
        again.put("a/b/c", new byte[] {1, 2, 3});

        assertThat(store.get("a/b/c"))
                .hasValueSatisfying(bytes -> assertThat(bytes).containsExactly(1, 2, 3));
        again.close();
    }
}

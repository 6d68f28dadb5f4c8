package io.openhire.distributed;

import static io.openhire.platform.test.TestHttp.bearer;
import static io.openhire.platform.test.TestHttp.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.openhire.platform.test.TestHttp;
import io.openhire.platform.test.TestKafka;
import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.awaitility.core.ConditionTimeoutException;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Distributed mode: identity, storage, the resume services, monitoring and the gateway each run as their own process
 * from their {@code -app} jars; against this machine's real PostgreSQL and a Kafka that is not theirs, storage's
 * documents in an S3-compatible store (S3Proxy, started by the test), the gateway's rate limits in this machine's
 * Redis when it runs one; monitoring sees the other processes and receives their errors. Skipped, with the reason,
 * where PostgreSQL is not at 127.0.0.1:5432.
 */
class DistributedModeIT {

    static final String POSTGRES = "jdbc:postgresql://127.0.0.1:5432/";
    static final String PASSWORD = "a long and private passphrase";
    static final List<Process> processes = new ArrayList<>();
    static final List<String> databases = new ArrayList<>();
    static final List<Path> logs = new ArrayList<>();
    static final List<String> names = new ArrayList<>();
    static S3Proxy s3;
    static int gatewayPort;
    static final String OPERATOR = "ops-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";

    @BeforeAll
    static void startServices() throws Exception {
        assumeTrue(listening(5432), "No PostgreSQL at 127.0.0.1:5432: distributed mode not tested on this machine");
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String identityDb = createDatabase("openhire_identity_it_" + suffix);
        String storageDb = createDatabase("openhire_storage_it_" + suffix);
        String ingestionDb = createDatabase("openhire_resume_ingestion_it_" + suffix);
        String processingDb = createDatabase("openhire_resume_processing_it_" + suffix);
        String monitoringDb = createDatabase("openhire_monitoring_it_" + suffix);
        String ingestionSecret = randomKey();
        String processingSecret = randomKey();
        s3 = S3Proxy.builder()
                .blobStore(new TransientNio2BlobStore())
                .endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, "dist-access", "dist-secret")
                .build();
        s3.start();
        await().atMost(Duration.ofSeconds(30)).until(() -> "STARTED".equals(s3.getState()));
        int identityPort = freePort();
        int storagePort = freePort();
        int ingestionPort = freePort();
        int processingPort = freePort();
        int monitoringPort = freePort();
        gatewayPort = freePort();
        String publicUrl = "http://localhost:" + gatewayPort;
        String monitoringUrl = "http://localhost:" + monitoringPort;
        String identityUrl = "http://localhost:" + identityPort;

        Map<String, String> identity = new HashMap<>();
        identity.put("OPENHIRE_IDENTITY_DB_URL", POSTGRES + identityDb);
        identity.put("OPENHIRE_IDENTITY_DB_USER", "postgres");
        identity.put("OPENHIRE_KAFKA_BOOTSTRAP", TestKafka.bootstrapServers());
        identity.put("OPENHIRE_IDENTITY_PORT", String.valueOf(identityPort));
        identity.put("OPENHIRE_ISSUER", publicUrl);
        identity.put("OPENHIRE_IDENTITY_MASTER_KEY", randomKey());
        // Spring Boot's relaxed binding: these become openhire.identity.service-accounts.<name>.
        identity.put("OPENHIRE_IDENTITY_SERVICEACCOUNTS_RESUME-INGESTION", ingestionSecret);
        identity.put("OPENHIRE_IDENTITY_SERVICEACCOUNTS_RESUME-PROCESSING", processingSecret);
        identity.put("OPENHIRE_BOOTSTRAP_OPERATOR_EMAIL", OPERATOR);
        identity.put("OPENHIRE_BOOTSTRAP_OPERATOR_PASSWORD", PASSWORD);
        identity.put("OPENHIRE_BOOTSTRAP_OPERATOR_NAME", "Opal Operator");
        identity.put("OPENHIRE_BOOTSTRAP_OPERATOR_ORGANIZATION", "Distributed Ops");
        identity.put("OPENHIRE_MONITORING_URL", monitoringUrl);
        start("identity", System.getProperty("identity.app.jar"), identity);

        Map<String, String> storage = new HashMap<>();
        storage.put("OPENHIRE_STORAGE_DB_URL", POSTGRES + storageDb);
        storage.put("OPENHIRE_STORAGE_DB_USER", "postgres");
        storage.put("OPENHIRE_KAFKA_BOOTSTRAP", TestKafka.bootstrapServers());
        storage.put("OPENHIRE_STORAGE_PORT", String.valueOf(storagePort));
        storage.put("OPENHIRE_ISSUER", publicUrl);
        storage.put("OPENHIRE_IDENTITY_URL", identityUrl);
        storage.put("OPENHIRE_STORAGE_ENCRYPTION_KEY", randomKey());
        storage.put("OPENHIRE_S3_ENDPOINT", "http://127.0.0.1:" + s3.getPort());
        storage.put("OPENHIRE_S3_BUCKET", "openhire-dist");
        storage.put("OPENHIRE_S3_ACCESS_KEY", "dist-access");
        storage.put("OPENHIRE_S3_SECRET_KEY", "dist-secret");
        storage.put("OPENHIRE_MONITORING_URL", monitoringUrl);
        start("storage", System.getProperty("storage.app.jar"), storage);

        Map<String, String> ingestion = new HashMap<>();
        ingestion.put("OPENHIRE_RESUME_INGESTION_DB_URL", POSTGRES + ingestionDb);
        ingestion.put("OPENHIRE_RESUME_INGESTION_DB_USER", "postgres");
        ingestion.put("OPENHIRE_KAFKA_BOOTSTRAP", TestKafka.bootstrapServers());
        ingestion.put("OPENHIRE_RESUME_INGESTION_PORT", String.valueOf(ingestionPort));
        ingestion.put("OPENHIRE_ISSUER", publicUrl);
        ingestion.put("OPENHIRE_IDENTITY_URL", identityUrl);
        ingestion.put("OPENHIRE_STORAGE_URL", "http://localhost:" + storagePort);
        ingestion.put("OPENHIRE_RESUME_PROCESSING_URL", "http://localhost:" + processingPort);
        ingestion.put("OPENHIRE_SERVICE_SECRET", ingestionSecret);
        ingestion.put("OPENHIRE_MAILBOX_KEY", randomKey());
        ingestion.put("OPENHIRE_MONITORING_URL", monitoringUrl);
        start("resume-ingestion", System.getProperty("resume-ingestion.app.jar"), ingestion);

        Map<String, String> processing = new HashMap<>();
        processing.put("OPENHIRE_RESUME_PROCESSING_DB_URL", POSTGRES + processingDb);
        processing.put("OPENHIRE_RESUME_PROCESSING_DB_USER", "postgres");
        processing.put("OPENHIRE_KAFKA_BOOTSTRAP", TestKafka.bootstrapServers());
        processing.put("OPENHIRE_RESUME_PROCESSING_PORT", String.valueOf(processingPort));
        processing.put("OPENHIRE_ISSUER", publicUrl);
        processing.put("OPENHIRE_IDENTITY_URL", identityUrl);
        processing.put("OPENHIRE_STORAGE_URL", "http://localhost:" + storagePort);
        processing.put("OPENHIRE_SERVICE_SECRET", processingSecret);
        processing.put("OPENHIRE_MONITORING_URL", monitoringUrl);
        start("resume-processing", System.getProperty("resume-processing.app.jar"), processing);

        Map<String, String> monitoring = new HashMap<>();
        monitoring.put("OPENHIRE_MONITORING_DB_URL", POSTGRES + monitoringDb);
        monitoring.put("OPENHIRE_MONITORING_DB_USER", "postgres");
        monitoring.put("OPENHIRE_KAFKA_BOOTSTRAP", TestKafka.bootstrapServers());
        monitoring.put("OPENHIRE_MONITORING_PORT", String.valueOf(monitoringPort));
        monitoring.put("OPENHIRE_ISSUER", publicUrl);
        monitoring.put("OPENHIRE_IDENTITY_URL", identityUrl);
        monitoring.put("OPENHIRE_STORAGE_URL", "http://localhost:" + storagePort);
        monitoring.put("OPENHIRE_RESUME_INGESTION_URL", "http://localhost:" + ingestionPort);
        monitoring.put("OPENHIRE_RESUME_PROCESSING_URL", "http://localhost:" + processingPort);
        monitoring.put("OPENHIRE_GATEWAY_URL", publicUrl);
        // the processes this test runs (the status names every service of the platform by default)
        monitoring.put("OPENHIRE_MONITORING_WATCH", "identity,storage,resume-ingestion,resume-processing,gateway");
        start("monitoring", System.getProperty("monitoring.app.jar"), monitoring);

        Map<String, String> gateway = new HashMap<>();
        gateway.put("OPENHIRE_GATEWAY_PORT", String.valueOf(gatewayPort));
        gateway.put("OPENHIRE_IDENTITY_URL", identityUrl);
        gateway.put("OPENHIRE_STORAGE_URL", "http://localhost:" + storagePort);
        gateway.put("OPENHIRE_ISSUER", publicUrl);
        gateway.put("OPENHIRE_RESUME_INGESTION_URL", "http://localhost:" + ingestionPort);
        gateway.put("OPENHIRE_RESUME_PROCESSING_URL", "http://localhost:" + processingPort);
        gateway.put("OPENHIRE_MONITORING_URL", monitoringUrl);
        if (listening(6379)) {
            gateway.put("OPENHIRE_REDIS_URL", "redis://127.0.0.1:6379");
        }
        start("gateway", System.getProperty("gateway.app.jar"), gateway);

        awaitHealthy(identityUrl);
        awaitHealthy("http://localhost:" + storagePort);
        awaitHealthy("http://localhost:" + ingestionPort);
        awaitHealthy("http://localhost:" + processingPort);
        awaitHealthy(monitoringUrl);
        awaitHealthy(publicUrl);
    }

    @AfterAll
    static void stopServices() throws Exception {
        for (Process process : processes) {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
        if (s3 != null) {
            s3.stop();
        }
        for (String database : databases) {
            try (Connection c = DriverManager.getConnection(POSTGRES + "postgres", "postgres", "");
                    Statement s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            }
        }
    }

    TestHttp gateway() {
        return new TestHttp("http://localhost:" + gatewayPort);
    }

    String signUp(String email) {
        TestHttp.Response registered = gateway()
                .post(
                        "/api/v1/users/register",
                        map(
                                "organization",
                                "Distributed Ltd",
                                "name",
                                "Dee Stributed",
                                "email",
                                email,
                                "password",
                                PASSWORD));
        // The same answer whether or not the address was free: no profile, no ids (read them after login).
        assertThat(registered.status()).as(registered.body()).isEqualTo(202);
        assertThat(registered.json().get("email").asString()).isEqualTo(email);
        assertThat(registered.body()).doesNotContain("\"id\"");
        TestHttp.Response login = gateway().post("/api/v1/users/login", map("email", email, "password", PASSWORD));
        assertThat(login.status()).isEqualTo(200);
        return login.json().get("access_token").asString();
    }

    @Test
    void theGatewayRoutesToIdentityRunningOnItsOwnAgainstRealPostgres() throws SQLException {
        String email = "dist-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
        String token = signUp(email);

        TestHttp.Response profile = gateway().get("/api/v1/users/profile", bearer(token));
        assertThat(profile.status()).isEqualTo(200);
        assertThat(profile.json().get("email").asString()).isEqualTo(email);
        assertThat(gateway().get("/api/v1/users/profile").status()).isEqualTo(401);
        assertThat(gateway()
                        .post("/api/v1/users/login", map("email", email, "password", "wrong password!"))
                        .json()
                        .get("type")
                        .asString())
                .endsWith("/invalid-credentials");

        // The row is in the real database, not an embedded one.
        try (Connection c = DriverManager.getConnection(POSTGRES + databases.getFirst(), "postgres", "");
                Statement s = c.createStatement();
                var rows =
                        s.executeQuery("SELECT count(*) FROM app_user WHERE lower(email) = lower('" + email + "')")) {
            rows.next();
            assertThat(rows.getInt(1)).isEqualTo(1);
        }
    }

    @Test
    void documentsGoThroughTheGatewayToStorageAndLandEncryptedInS3() {
        String token = signUp("docs-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test");
        byte[] resume = "Dora Docs, dora@example.test, Head of Talent".getBytes(StandardCharsets.UTF_8);

        // An organisation's own bucket: resumes belongs to resume-ingestion, so an admin goes through it.
        TestHttp.Response stored =
                gateway().putRaw("/api/v1/data/documents/dora/cv.txt", "text/plain", resume, bearer(token));
        assertThat(stored.status()).as(stored.body()).isEqualTo(201);
        assertThat(gateway()
                        .get("/api/v1/data/documents/dora/cv.txt", bearer(token))
                        .body())
                .isEqualTo("Dora Docs, dora@example.test, Head of Talent");
        assertThat(gateway()
                        .putRaw("/api/v1/data/resumes/dora/cv.txt", "text/plain", resume, bearer(token))
                        .status())
                .isEqualTo(403);

        try (S3Client client = S3Client.builder()
                .endpointOverride(URI.create("http://127.0.0.1:" + s3.getPort()))
                .region(Region.US_EAST_1)
                .forcePathStyle(true)
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .credentialsProvider(
                        StaticCredentialsProvider.create(AwsBasicCredentials.create("dist-access", "dist-secret")))
                .build()) {
            String key = client.listObjectsV2(b -> b.bucket("openhire-dist")).contents().stream()
                    .map(o -> o.key())
                    .filter(k -> k.endsWith("/documents/dora/cv.txt"))
                    .findFirst()
                    .orElseThrow();
            byte[] inS3 = client.getObjectAsBytes(b -> b.bucket("openhire-dist").key(key))
                    .asByteArray();
            assertThat(new String(inS3, StandardCharsets.ISO_8859_1))
                    .doesNotContain("Dora")
                    .doesNotContain("dora@");
        }
    }

    @Test
    void aResumeUploadedThroughTheGatewayIsParsedByServicesInTheirOwnProcesses() {
        String token = signUp("resumes-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test");
        byte[] pdf = io.openhire.platform.test.TestDocuments.pdf(List.of(
                "Dee Stributed",
                "Platform Engineer",
                "dee@example.test",
                "EXPERIENCE",
                "Platform Engineer",
                "Widget Works Inc - Austin, TX",
                "January 2021 to Present",
                "SKILLS",
                "Go, Kubernetes, Terraform"));
        TestHttp.Response uploaded = gateway()
                .postMultipart(
                        "/api/v1/resumes/upload", "file", "dee.pdf", "application/pdf", pdf, Map.of(), bearer(token));
        assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(202);
        String id = uploaded.json().get("id").asString();
        org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(gateway()
                                .get("/api/v1/resumes/" + id, bearer(token))
                                .json()
                                .get("status")
                                .asString())
                        .isEqualTo("PARSED"));
        var profile = gateway()
                .get("/api/v1/resumes/" + id, bearer(token))
                .json()
                .get("profile")
                .get("profile");
        assertThat(profile.get("name").asString()).isEqualTo("Dee Stributed");
        assertThat(profile.get("location").get("region").asString()).isEqualTo("Texas");
    }

    @Test
    void monitoringSeesEveryProcessAndAListenersFailureInAnotherProcessIsReportedAndReplayed() throws Exception {
        String operator = gateway()
                .post("/api/v1/users/login", map("email", OPERATOR, "password", PASSWORD))
                .json()
                .get("access_token")
                .asString();
        String organization = gateway()
                .get("/api/v1/users/profile", bearer(operator))
                .json()
                .get("organization")
                .get("id")
                .asString();

        var status = org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .until(
                        () -> gateway()
                                .get("/api/v1/monitoring/status", bearer(operator))
                                .json(),
                        s -> s.get("overall") != null
                                && "UP".equals(s.get("overall").asString()));
        assertThat(status.get("kafka").asBoolean()).isTrue();
        assertThat(status.get("services")).hasSize(5).allSatisfy(service -> {
            assertThat(service.get("status").asString()).as(service.toString()).isEqualTo("UP");
            assertThat(service.get("version").asString()).as(service.toString()).isNotBlank();
        });
        for (var service : status.get("services")) {
            if (service.get("service").asString().equals("resume-ingestion")) {
                assertThat(service.get("components").get("db").asString()).isEqualTo("UP");
                assertThat(service.get("outboxBacklog").isNumber())
                        .as(service.toString())
                        .isTrue();
            }
        }

        // an event resume-ingestion cannot read: it gives it up, says so to monitoring (with its own token for
        // the event's organisation), and an operator replays it from there
        String key = "poison-" + UUID.randomUUID();
        try (var producer = new org.apache.kafka.clients.producer.KafkaProducer<String, String>(
                Map.of("bootstrap.servers", TestKafka.bootstrapServers()),
                new org.apache.kafka.common.serialization.StringSerializer(),
                new org.apache.kafka.common.serialization.StringSerializer())) {
            var record = new org.apache.kafka.clients.producer.ProducerRecord<String, String>(
                    "resume.parsed.v1", key, "{not json");
            record.headers()
                    .add("event-id", UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8))
                    .add("organization-id", organization.getBytes(StandardCharsets.UTF_8));
            producer.send(record).get();
        }
        var errors = org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .until(
                        () -> gateway()
                                .get("/api/v1/errors?service=resume-ingestion", bearer(operator))
                                .json(),
                        e -> e.get("items") != null && !e.get("items").isEmpty());
        var group = errors.get("items").get(0);
        assertThat(group.get("source").asString()).isEqualTo("listener");
        assertThat(group.get("operation").asString()).isEqualTo("resume.parsed.v1");
        assertThat(group.get("organizations").asInt()).isEqualTo(1);

        var letters = org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(
                        () -> gateway()
                                .get("/api/v1/monitoring/dead-letters?topic=resume.parsed.v1.dlt", bearer(operator))
                                .json(),
                        l -> l.isArray() && l.findValuesAsString("key").contains(key));
        var letter = java.util.stream.StreamSupport.stream(letters.spliterator(), false)
                .filter(l -> l.get("key").asString().equals(key))
                .findFirst()
                .orElseThrow();
        assertThat(letter.get("consumerGroup").asString()).isEqualTo("resume-ingestion");
        String path = "/api/v1/monitoring/dead-letters/resume.parsed.v1.dlt/"
                + letter.get("partition").asInt() + "/" + letter.get("offset").asLong() + "/replay";
        TestHttp.Response replayed = gateway().post(path, Map.of(), bearer(operator));
        assertThat(replayed.status()).as(replayed.body()).isEqualTo(200);
        assertThat(gateway().post(path, Map.of(), bearer(operator)).status()).isEqualTo(409);
        // an organisation's admin sees the status, not the platform's errors or dead letters
        String admin = signUp("admin-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test");
        assertThat(gateway().get("/api/v1/monitoring/status", bearer(admin)).status())
                .isEqualTo(200);
        assertThat(gateway().get("/api/v1/errors", bearer(admin)).status()).isEqualTo(403);
    }

    static String randomKey() {
        byte[] key = new byte[32];
        new java.security.SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    static String createDatabase(String name) throws SQLException {
        try (Connection c = DriverManager.getConnection(POSTGRES + "postgres", "postgres", "");
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
        databases.add(name);
        return name;
    }

    static void start(String name, String jar, Map<String, String> env) throws IOException {
        assertThat(new File(jar))
                .as("the %s -app jar (built by mvn package)", name)
                .exists();
        String java = ProcessHandle.current().info().command().orElse("java");
        Path log = Files.createTempFile("openhire-" + name, ".log");
        ProcessBuilder builder = new ProcessBuilder(
                        java,
                        "-Xmx256m",
                        "-XX:TieredStopAtLevel=1",
                        "--sun-misc-unsafe-memory-access=allow",
                        "-jar",
                        jar)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(env);
        processes.add(builder.start());
        logs.add(log);
        names.add(name);
        System.out.println(name + " logs: " + log);
    }

    static void awaitHealthy(String baseUrl) {
        TestHttp http = new TestHttp(baseUrl);
        try {
            await().atMost(Duration.ofSeconds(120))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> {
                        for (int i = 0; i < processes.size(); i++) {
                            if (!processes.get(i).isAlive()) {
                                throw new AssertionError("the " + names.get(i)
                                        + " process exited during start-up; its log ends:\n" + tail(logs.get(i), 60));
                            }
                        }
                        return ready(http);
                    });
        } catch (ConditionTimeoutException e) {
            StringBuilder all = new StringBuilder(baseUrl + " did not become ready within 120 s");
            for (int i = 0; i < processes.size(); i++) {
                all.append("\n--- ").append(names.get(i)).append(" ---\n").append(tail(logs.get(i), 30));
            }
            throw new AssertionError(all.toString());
        }
    }

    static boolean ready(TestHttp http) {
        try {
            return http.get("/actuator/health/readiness").status() == 200;
        } catch (RuntimeException notYet) {
            return false; // not listening yet
        }
    }

    static String tail(Path log, int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}

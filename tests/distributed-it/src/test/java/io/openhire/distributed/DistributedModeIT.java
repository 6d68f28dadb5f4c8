package io.openhire.distributed;

import static io.openhire.platform.test.TestHttp.bearer;
import static io.openhire.platform.test.TestHttp.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.openhire.platform.test.TestHttp;
import io.openhire.platform.test.TestKafka;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Distributed mode: every OpenHire service runs as its own process from its {@code -app} jar, wired as
 * deploy/compose/docker-compose.yml wires its container ({@link ComposeOnThisMachine}), against this machine's
 * real PostgreSQL and a Kafka that is not theirs, storage's documents in an S3-compatible store (S3Proxy, started by
 * the test) and email in GreenMail (in Mailpit's place), the rate limits in this machine's Redis when it runs one.
 * The main flow goes through the gateway; monitoring sees every process, their errors and their traces. Skipped,
 * with the reason, where PostgreSQL is not at 127.0.0.1:5432.
 */
class DistributedModeIT {

    static final String PASSWORD = "a long and private passphrase";
    static final String OPERATOR = "ops-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
    static ComposeOnThisMachine compose;

    @BeforeAll
    static void startServices() throws Exception {
        assumeTrue(
                ComposeOnThisMachine.listening(5432),
                "No PostgreSQL at 127.0.0.1:5432: distributed mode not tested on this machine");
        compose = ComposeOnThisMachine.read(Path.of("target/distributed-logs"));
        // .env as an operator edits it: where the platform is reached, the first platform operator
        Map<String, String> env = compose.dotEnv();
        env.put("OPENHIRE_PUBLIC_URL", compose.url("gateway"));
        env.put("OPENHIRE_BOOTSTRAP_OPERATOR_EMAIL", OPERATOR);
        env.put("OPENHIRE_BOOTSTRAP_OPERATOR_PASSWORD", PASSWORD);
        env.put("OPENHIRE_BOOTSTRAP_OPERATOR_NAME", "Opal Operator");
        env.put("OPENHIRE_BOOTSTRAP_OPERATOR_ORGANIZATION", "Distributed Ops");
        compose.start();
        System.out.println("Every service ready; start to ready: " + compose.startTimes());
    }

    @AfterAll
    static void stopServices() throws Exception {
        if (compose != null) {
            compose.close();
        }
    }

    TestHttp gateway() {
        return new TestHttp(compose.url("gateway"));
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
        try (Connection c = DriverManager.getConnection(
                        ComposeOnThisMachine.POSTGRES + compose.database("identity"), "postgres", "");
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
                .endpointOverride(URI.create("http://127.0.0.1:" + compose.s3Port()))
                .region(Region.US_EAST_1)
                .forcePathStyle(true)
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        compose.dotEnv().get("MINIO_ROOT_USER"),
                        compose.dotEnv().get("MINIO_ROOT_PASSWORD"))))
                .build()) {
            String key = client.listObjectsV2(b -> b.bucket("openhire-documents")).contents().stream()
                    .map(o -> o.key())
                    .filter(k -> k.endsWith("/documents/dora/cv.txt"))
                    .findFirst()
                    .orElseThrow();
            byte[] inS3 = client.getObjectAsBytes(
                            b -> b.bucket("openhire-documents").key(key))
                    .asByteArray();
            assertThat(new String(inS3, StandardCharsets.ISO_8859_1))
                    .doesNotContain("Dora")
                    .doesNotContain("dora@");
        }
    }

    @Test
    void theMainFlowCrossesEveryProcessResumeInParsedMatchedForAPushedJobAndShownOnTheDashboard() throws Exception {
        String email = "flow-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
        String token = signUp(email);

        // a job pushed by the organisation's own system (job-ingestion), analysed by job-processing
        TestHttp.Response pushed = gateway()
                .post(
                        "/api/v1/jobs/ingest",
                        map(
                                "postings",
                                List.of(map(
                                        "id",
                                        "ext-platform-1",
                                        "title",
                                        "Senior Platform Engineer",
                                        "employer",
                                        "Distributed Ltd",
                                        "description",
                                        """
                                        We run our platform on Kubernetes and build its tooling in Go.
                                        Requirements: 5+ years with Go, Kubernetes and Terraform; experience with
                                        PostgreSQL and Kafka. You will own our deployment pipelines and on-call.
                                        """,
                                        "location",
                                        "Austin, TX",
                                        "salary",
                                        "$150,000 - $180,000 a year",
                                        "postedAt",
                                        "2026-11-20"))),
                        bearer(token));
        assertThat(pushed.status()).as(pushed.body()).isEqualTo(200);
        String jobId = pushed.json().get("postings").get(0).get("jobId").asString();

        // a resume uploaded (resume-ingestion, its original in storage's S3), parsed (resume-processing)
        byte[] pdf = io.openhire.platform.test.TestDocuments.pdf(List.of(
                "Dee Stributed",
                "Platform Engineer",
                "dee@example.test",
                "EXPERIENCE",
                "Platform Engineer",
                "Widget Works Inc - Austin, TX",
                "January 2019 to Present",
                "Ran Kubernetes clusters and wrote their operators in Go; Terraform for every account.",
                "SKILLS",
                "Go, Kubernetes, Terraform, PostgreSQL, Kafka"));
        TestHttp.Response uploaded = gateway()
                .postMultipart(
                        "/api/v1/resumes/upload", "file", "dee.pdf", "application/pdf", pdf, Map.of(), bearer(token));
        assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(202);
        String resumeId = uploaded.json().get("id").asString();
        await().atMost(Duration.ofSeconds(120))
                .untilAsserted(() -> assertThat(gateway()
                                .get("/api/v1/resumes/" + resumeId, bearer(token))
                                .json()
                                .get("status")
                                .asString())
                        .isEqualTo("PARSED"));
        var profile = gateway()
                .get("/api/v1/resumes/" + resumeId, bearer(token))
                .json()
                .get("profile")
                .get("profile");
        assertThat(profile.get("name").asString()).isEqualTo("Dee Stributed");
        assertThat(profile.get("location").get("region").asString()).isEqualTo("Texas");

        // matched for the job (matching, with model-serving's embeddings of model-registry's models)
        var shortlist = await().atMost(Duration.ofSeconds(180))
                .until(
                        () -> gateway().get("/api/v1/matches?jobId=" + jobId + "&limit=10", bearer(token)),
                        r -> r.status() == 200
                                && r.json().get("matches").toString().contains("Dee Stributed"))
                .json();
        var line = shortlist.get("matches").get(0);
        assertThat(line.get("candidate").get("name").asString()).isEqualTo("Dee Stributed");
        assertThat(line.get("matchedRequiredSkills").toString()).contains("Kubernetes");
        assertThat(shortlist.get("models").get("embedding").get("version").asInt())
                .as("the embedding model model-serving got from model-registry")
                .isPositive();

        // shown on the dashboard, through the gateway, to the recruiter signed in there
        DashboardSession dashboard = DashboardSession.signIn(compose.url("gateway"), email, PASSWORD);
        assertThat(dashboard.get("/jobs/" + jobId).body()).contains("Senior Platform Engineer");
        String shown = dashboard.get("/jobs/" + jobId + "/shortlist").body();
        assertThat(shown).contains("Dee Stributed");

        // the upload's trace, kept by monitoring (Jaeger's place in Compose): the gateway's span and, below it, those
        // of the services it reached, each sent by its own process
        String operator = login(OPERATOR);
        var traces = await().atMost(Duration.ofSeconds(60))
                .until(
                        () -> gateway()
                                .get(
                                        "/api/v1/traces?service=resume-ingestion&operation=/api/v1/resumes/upload",
                                        bearer(operator))
                                .json(),
                        t -> t.isArray() && !t.isEmpty());
        var trace = gateway()
                .get("/api/v1/traces/" + traces.get(0).get("traceId").asString(), bearer(operator))
                .json();
        assertThat(trace.get("spans").findValuesAsString("service")).contains("gateway", "resume-ingestion");
        assertThat(traces.get(0).get("service").asString())
                .as("the trace starts at the gateway")
                .isEqualTo("gateway");

        // another organisation sees neither
        String other = signUp("other-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test");
        assertThat(gateway()
                        .get("/api/v1/matches?jobId=" + jobId, bearer(other))
                        .status())
                .isEqualTo(404);
        assertThat(gateway().get("/api/v1/resumes/" + resumeId, bearer(other)).status())
                .isEqualTo(404);
    }

    @Test
    void monitoringSeesEveryProcessAndAListenersFailureInAnotherProcessIsReportedAndReplayed() throws Exception {
        String operator = login(OPERATOR);
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
                        // a service's metrics are read within the probe's two seconds: right after nineteen
                        // starts on two cores a first read can miss them (resume-ingestion's backlog then null)
                        s -> s.get("overall") != null
                                && "UP".equals(s.get("overall").asString())
                                && java.util.stream.StreamSupport.stream(
                                                s.get("services").spliterator(), false)
                                        .filter(service -> service.get("service")
                                                .asString()
                                                .equals("resume-ingestion"))
                                        .allMatch(service ->
                                                service.get("outboxBacklog").isNumber()));
        assertThat(status.get("kafka").asBoolean()).isTrue();
        assertThat(status.get("services").findValuesAsString("service"))
                .as("every process but monitoring itself")
                .containsExactlyInAnyOrderElementsOf(compose.serviceNames().stream()
                        .filter(name -> !name.equals("monitoring"))
                        .toList());
        assertThat(status.get("services")).allSatisfy(service -> {
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
                        l -> l.isArray() && ofResumeIngestion(l, key).isPresent());
        // every service reading resume.parsed.v1 gave it up: resume-ingestion's is replayed
        var letter = ofResumeIngestion(letters, key).orElseThrow();
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

    String login(String email) {
        return gateway()
                .post("/api/v1/users/login", map("email", email, "password", PASSWORD))
                .json()
                .get("access_token")
                .asString();
    }

    static java.util.Optional<tools.jackson.databind.JsonNode> ofResumeIngestion(
            tools.jackson.databind.JsonNode letters, String key) {
        return java.util.stream.StreamSupport.stream(letters.spliterator(), false)
                .filter(l -> l.get("key").asString().equals(key))
                .filter(l -> l.get("consumerGroup").asString().equals("resume-ingestion"))
                .findFirst();
    }
}

package io.openhire.launcher;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.openhire.platform.test.TestHttp.bearer;
import static io.openhire.platform.test.TestHttp.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.openhire.platform.test.TestDocuments;
import io.openhire.platform.test.TestHttp;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The whole platform as a new user starts it: one JVM, embedded infrastructure, the gateway on 8080.
 * Needs ports 3025, 3143, 8000, 8002, 8007, 8008, 8080, 8192, 8101, 8111, 8112, 8121, 8122, 8131, 8132, 8141, 8142, 8171, 8181 and 8193 free.
 */
class AllInOneIT {

    static final String PASSWORD = "a long and private passphrase";

    /** A Greenhouse Job Board API answer (its documented shape), with pay and HTML content. */
    static final String GREENHOUSE_BOARD = """
            {"jobs": [{"id": 4011, "title": "Senior Platform Engineer", "updated_at": "2026-11-18T10:00:00-05:00",
              "location": {"name": "Denver, CO"}, "absolute_url": "https://boards.greenhouse.io/acme/jobs/4011",
              "content": "&lt;p&gt;Acme runs the logistics platform for 2,000 shops.&lt;/p&gt;&lt;h3&gt;Requirements&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;5+ years of experience with Kubernetes and Go&lt;/li&gt;&lt;li&gt;PostgreSQL&lt;/li&gt;&lt;/ul&gt;&lt;h3&gt;Benefits&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;Health insurance&lt;/li&gt;&lt;/ul&gt;",
              "offices": [{"id": 1, "name": "Denver", "location": "Denver, CO, United States", "child_ids": []}],
              "pay_input_ranges": [{"min_cents": 15000000, "max_cents": 18000000, "currency_type": "USD", "title": "Denver"}]}],
             "meta": {"total": 1}}
            """;

    @TempDir
    static Path dataDir;

    @TempDir
    static Path browserDir;

    final TestHttp gateway = new TestHttp("http://localhost:8080");

    /**
     * The platform every scenario here uses, started once as a new user starts it (each scenario makes its
     * own organisation and data in it; none depends on another having run).
     */
    static Started first;

    @BeforeAll
    static void startThePlatform() throws Exception {
        oneLoggingSetupForManyContexts();
        first = start(dataDir);
        Matcher demo = Pattern.compile("Demo admin\\s+(\\S+) / (\\S+)").matcher(first.console());
        if (first.up() && demo.find()) {
            // Settled: the services have fetched the models they serve (a 90 MB download each at the first
            // start), whichever scenario runs first.
            TestHttp gateway = new TestHttp("http://localhost:8080");
            String token = gateway.post("/api/v1/users/login", map("email", demo.group(1), "password", demo.group(2)))
                    .json()
                    .get("access_token")
                    .asString();
            // (until then predict may answer a problem without "fallback": asked again, not failed)
            await().atMost(Duration.ofMinutes(3))
                    .ignoreExceptions()
                    .untilAsserted(() -> assertThat(gateway.post(
                                            "/api/v1/predict", map("inputs", List.of("Java developer")), bearer(token))
                                    .json()
                                    .get("fallback")
                                    .asBoolean())
                            .isFalse());
        }
    }

    static void oneLoggingSetupForManyContexts() {
        System.setProperty("org.springframework.boot.logging.LoggingSystem", "none");
        // The job board below is a stub on this machine, which sources may not be by default.
        System.setProperty("openhire.job-ingestion.allow-private-hosts", "true");
    }

    record Started(AllInOne platform, String console, boolean up) {}

    static Started start(Path dataDir) throws Exception {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        AllInOne platform = new AllInOne(dataDir, true, new PrintStream(console, true, StandardCharsets.UTF_8));
        boolean up = platform.start();
        return new Started(platform, console.toString(StandardCharsets.UTF_8), up);
    }

    int embeddingVersion(String token) {
        JsonNode answer = gateway.post(
                        "/api/v1/predict",
                        map("inputs", List.of("Senior Java developer", "Registered nurse")),
                        bearer(token))
                .json();
        assertThat(answer.get("fallback").asBoolean()).as(answer.toString()).isFalse();
        return answer.get("version").asInt();
    }

    @AfterAll
    static void stopWhatIsStillRunning() {
        if (first != null) {
            first.platform().stop();
        }
    }

    @Test
    void startsEveryServiceAndTheRegisterLoginProfileFlowWorksThroughTheGateway() throws Exception {
        Started started = first;
        assertThat(started.up()).as(started.console()).isTrue();
        assertThat(started.console())
                .contains(
                        "✓ identity",
                        "✓ resume-ingestion",
                        "✓ resume-processing",
                        "✓ job-ingestion",
                        "✓ job-processing",
                        "✓ model-registry",
                        "✓ model-serving",
                        "✓ matching",
                        "✓ audit",
                        "✓ privacy",
                        "✓ security",
                        "✓ monitoring",
                        "✓ dashboard",
                        "✓ gateway")
                .contains("http://localhost:8080", "Demo admin")
                .contains("Demo data    7 jobs and 12 resumes added");
        assertThat(gateway.get("/actuator/health").json().get("status").asString())
                .isEqualTo("UP");

        TestHttp.Response registered = gateway.post(
                "/api/v1/users/register",
                map(
                        "organization",
                        "Keepers",
                        "name",
                        "Kim Keeper",
                        "email",
                        "kim@keepers.test",
                        "password",
                        PASSWORD));
        assertThat(registered.status()).isEqualTo(202);
        String token = gateway.post("/api/v1/users/login", map("email", "kim@keepers.test", "password", PASSWORD))
                .json()
                .get("access_token")
                .asString();
        TestHttp.Response profile = gateway.get("/api/v1/users/profile", bearer(token));
        assertThat(profile.status()).isEqualTo(200);
        assertThat(profile.json().get("organization").get("name").asString()).isEqualTo("Keepers");

        // Jobs: a Greenhouse board (a stub answering with Greenhouse's own example) crawled through the
        // gateway becomes a normalised job with a parsed salary, extracted skills and a review with JSON-LD.
        WireMockServer board =
                new WireMockServer(WireMockConfiguration.options().dynamicPort());
        board.start();
        try {
            board.stubFor(get(urlPathEqualTo("/v1/boards/acme/jobs"))
                    .willReturn(aResponse()
                            .withHeader("Content-Type", "application/json")
                            .withBody(GREENHOUSE_BOARD)));
            TestHttp.Response source = gateway.post(
                    "/api/v1/jobs/sources",
                    map(
                            "name",
                            "Acme board",
                            "kind",
                            "GREENHOUSE",
                            "board",
                            "acme",
                            "url",
                            "http://localhost:" + board.port(),
                            "employer",
                            "Acme"),
                    bearer(token));
            assertThat(source.status()).as(source.body()).isEqualTo(201);
            TestHttp.Response crawl = gateway.post(
                    "/api/v1/jobs/ingest",
                    map("sourceId", source.json().get("id").asString()),
                    bearer(token));
            assertThat(crawl.status()).as(crawl.body()).isEqualTo(202);
            String crawlPath = "/api/v1/jobs/crawls/" + crawl.json().get("id").asString();
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> assertThat(gateway.get(crawlPath, bearer(token))
                                    .json()
                                    .get("status")
                                    .asString())
                            .isEqualTo("SUCCEEDED"));
            JsonNode job = gateway.get("/api/v1/jobs", bearer(token))
                    .json()
                    .get("items")
                    .get(0);
            assertThat(job.get("title").asString()).isEqualTo("Senior Platform Engineer");
            assertThat(job.get("salary").get("min").asInt()).isEqualTo(150000);
            String jobId = job.get("id").asString();
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> assertThat(gateway.get("/api/v1/jobs/optimized?jobId=" + jobId, bearer(token))
                                    .status())
                            .isEqualTo(200));
            JsonNode report = gateway.get("/api/v1/jobs/optimized?jobId=" + jobId, bearer(token))
                    .json();
            assertThat(report.get("keywordCoverage").get("requiredSkills").toString())
                    .contains("Kubernetes", "Go");
            assertThat(report.get("jsonLdProblems")).isEmpty();
            assertThat(report.get("jsonLd").get("@type").asString()).isEqualTo("JobPosting");
        } finally {
            board.stop();
        }

        // A document through the gateway into storage, and back.
        TestHttp.Response stored = gateway.putRaw(
                "/api/v1/data/documents/kim/cv.txt",
                "text/plain",
                "Kim Keeper, talent partner".getBytes(StandardCharsets.UTF_8),
                bearer(token));
        assertThat(stored.status()).isEqualTo(201);
        assertThat(gateway.get("/api/v1/data/documents/kim/cv.txt", bearer(token))
                        .body())
                .isEqualTo("Kim Keeper, talent partner");

        // Models: the shipped embedding model answers; an organisation's admin may not change them (they
        // rank every organisation's candidates), a platform operator (the demo admin) promotes the
        // challenger, sees new answers come from it, rolls back, and reads the alias history.
        Matcher demo = Pattern.compile("Demo admin\\s+(\\S+) / (\\S+)").matcher(started.console());
        assertThat(demo.find()).as(started.console()).isTrue();
        String operator = gateway.post("/api/v1/users/login", map("email", demo.group(1), "password", demo.group(2)))
                .json()
                .get("access_token")
                .asString();
        await().atMost(Duration.ofSeconds(120))
                .untilAsserted(() -> assertThat(gateway.get("/api/v1/models", bearer(token))
                                .json()
                                .toString())
                        .contains("\"route\":\"text-embedding@champion\"", "\"version\":1", "\"version\":2"));
        assertThat(embeddingVersion(token)).isEqualTo(1);
        assertThat(gateway.post(
                                "/api/v1/models/update",
                                map("action", "PROMOTE", "name", "text-embedding", "version", 2),
                                bearer(token))
                        .status())
                .isEqualTo(403);
        TestHttp.Response promoted = gateway.post(
                "/api/v1/models/update",
                map("action", "PROMOTE", "name", "text-embedding", "version", 2, "reason", "trying bge"),
                bearer(operator));
        assertThat(promoted.status()).as(promoted.body()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(embeddingVersion(token)).isEqualTo(2));
        assertThat(gateway.post(
                                "/api/v1/models/update",
                                map("action", "ROLLBACK", "name", "text-embedding"),
                                bearer(operator))
                        .status())
                .isEqualTo(200);
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(embeddingVersion(token)).isEqualTo(1));
        assertThat(gateway.get("/api/v1/models/text-embedding/history?alias=champion", bearer(token))
                        .json()
                        .get("changes"))
                .hasSize(3);

        // Resumes: a PDF and a DOCX uploaded through the gateway become parsed profiles within seconds.
        List<String> resume = List.of(
                "Priya Raman",
                "Senior Backend Engineer",
                "Berlin, Germany | priya.raman@example.test | +49 30 901820",
                "EXPERIENCE",
                "Senior Backend Engineer",
                "Northwind Logistics GmbH - Berlin, Germany",
                "March 2020 to Present",
                "• Moved 14 services to k8s and Apache Kafka.",
                "EDUCATION",
                "Bachelor of Science in Computer Science",
                "Technical University of Munich",
                "2016",
                "SKILLS",
                "Java, Kubernetes, PostgreSQL, JS");
        for (byte[] document : List.of(TestDocuments.pdf(resume), TestDocuments.docx(resume))) {
            TestHttp.Response uploaded = gateway.postMultipart(
                    "/api/v1/resumes/upload",
                    "file",
                    "priya",
                    "application/octet-stream",
                    document,
                    Map.of(),
                    bearer(token));
            assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(202);
            String id = uploaded.json().get("id").asString();
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> assertThat(gateway.get("/api/v1/resumes/" + id, bearer(token))
                                    .json()
                                    .get("status")
                                    .asString())
                            .isEqualTo("PARSED"));
            JsonNode parsed =
                    gateway.get("/api/v1/resumes/" + id, bearer(token)).json().get("profile");
            assertThat(parsed.get("status").asString()).isEqualTo("PARSED");
            JsonNode parsedProfile = parsed.get("profile");
            assertThat(parsedProfile.get("name").asString()).isEqualTo("Priya Raman");
            assertThat(parsedProfile.get("emails").get(0).asString()).isEqualTo("priya.raman@example.test");
            assertThat(parsedProfile.get("phones").get(0).asString()).isEqualTo("+4930901820");
            assertThat(parsedProfile.get("work").get(0).get("employer").asString())
                    .isEqualTo("Northwind Logistics GmbH");
            assertThat(parsedProfile.get("skills").toString())
                    .contains("Kubernetes")
                    .contains("JavaScript");
            // and the processing service's own API answers through the gateway too
            assertThat(gateway.get("/api/v1/resumes/" + id + "/profile", bearer(token))
                            .status())
                    .isEqualTo(200);
        }
        // Each read of those resumes is in the organisation's audit log (who, what, from where), which the admin
        // reads and verifies through the gateway.
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(gateway.get("/api/v1/logs?action=resume.profile-viewed", bearer(token))
                                .json()
                                .get("entries"))
                        .hasSize(2)
                        .allSatisfy(e -> assertThat(e.get("actor").asString()).startsWith("user:")));
        JsonNode viewed = gateway.get("/api/v1/logs?action=resume.viewed&limit=1", bearer(token))
                .json()
                .get("entries")
                .get(0);
        assertThat(viewed.get("service").asString()).isEqualTo("resume-ingestion");
        assertThat(viewed.get("ip").asString()).isNotBlank();
        assertThat(gateway.get("/api/v1/logs/verify", bearer(token))
                        .json()
                        .get("intact")
                        .asBoolean())
                .isTrue();
        TestHttp.Response image = gateway.postMultipart(
                "/api/v1/resumes/upload",
                "file",
                "cv.pdf",
                "application/pdf",
                TestDocuments.png(),
                Map.of(),
                bearer(token));
        assertThat(image.status()).isEqualTo(415);

        // Matching: real resumes other people wrote (../shared/data, when present) join Priya's; the
        // Greenhouse job gets a ranked, explained shortlist through the gateway; feedback is recorded.
        List<String> uploadedIds = new ArrayList<>();
        Path realResumes = Path.of(System.getProperty("openhire.shared.data", "../../shared/data"), "resumes/pdf");
        if (Files.isDirectory(realResumes)) {
            try (var files = Files.walk(realResumes)) {
                for (Path pdf : files.filter(f -> f.toString().endsWith(".pdf"))
                        .sorted()
                        .toList()) {
                    TestHttp.Response uploaded = gateway.postMultipart(
                            "/api/v1/resumes/upload",
                            "file",
                            pdf.getFileName().toString(),
                            "application/pdf",
                            Files.readAllBytes(pdf),
                            Map.of(),
                            bearer(token));
                    assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(202);
                    uploadedIds.add(uploaded.json().get("id").asString());
                }
            }
        } else {
            System.out.println("../shared/data/resumes/pdf is absent: matching runs on the test's own resumes only");
        }
        String matchedJob = gateway.get("/api/v1/jobs", bearer(token))
                .json()
                .get("items")
                .get(0)
                .get("id")
                .asString();
        await().atMost(Duration.ofSeconds(180)).untilAsserted(() -> {
            TestHttp.Response response =
                    gateway.get("/api/v1/matches?jobId=" + matchedJob + "&limit=50", bearer(token));
            assertThat(response.status()).as(response.body()).isEqualTo(200);
            JsonNode shortlist = response.json();
            assertThat(shortlist.get("models").get("embedding").get("version").asInt())
                    .isEqualTo(1);
            assertThat(shortlist.get("indexed").asInt()).isEqualTo(2 + uploadedIds.size());
        });
        JsonNode shortlist = gateway.get("/api/v1/matches?jobId=" + matchedJob + "&limit=50", bearer(token))
                .json();
        assertThat(shortlist.get("models").get("ranker").get("version").asInt()).isEqualTo(1);
        JsonNode priyaLine = null;
        for (JsonNode line : shortlist.get("matches")) {
            assertThat(line.get("breakdown").get("requiredSkills").get("detail").asString())
                    .contains("required skills");
            if ("Priya Raman".equals(line.get("candidate").get("name").asString(""))) {
                priyaLine = line;
            }
        }
        assertThat(priyaLine).as(shortlist.toString()).isNotNull();
        assertThat(priyaLine.get("resumeIds")).hasSize(2); // the PDF and the DOCX: one candidate
        assertThat(priyaLine.get("matchedRequiredSkills").toString()).contains("Kubernetes");
        assertThat(priyaLine.get("evidence").toString()).contains("\"skill\":\"Kubernetes\"");
        TestHttp.Response feedback = gateway.post(
                "/api/v1/matches/feedback",
                map(
                        "jobId",
                        matchedJob,
                        "candidateId",
                        priyaLine.get("candidateId").asString(),
                        "outcome",
                        "SHORTLISTED"),
                bearer(token));
        assertThat(feedback.status()).as(feedback.body()).isEqualTo(201);
        assertThat(feedback.json().get("runId").asString())
                .isEqualTo(shortlist.get("runId").asString());

        // Another organisation cannot see Kim.
        gateway.post(
                "/api/v1/users/register",
                map("organization", "Others", "name", "Olga Other", "email", "olga@others.test", "password", PASSWORD));
        String other = gateway.post("/api/v1/users/login", map("email", "olga@others.test", "password", PASSWORD))
                .json()
                .get("access_token")
                .asString();
        TestHttp.Response peek =
                gateway.get("/api/v1/users/" + profile.json().get("id").asString(), bearer(other));
        assertThat(peek.status()).isEqualTo(404);
        assertThat(peek.contentType()).startsWith("application/problem+json");
        assertThat(gateway.get("/api/v1/matches?jobId=" + matchedJob, bearer(other))
                        .status())
                .isEqualTo(404);
        assertThat(gateway.get(
                                "/api/v1/matches?candidateId="
                                        + priyaLine.get("candidateId").asString(),
                                bearer(other))
                        .status())
                .isEqualTo(404);

        // Bad input gets problem details through the gateway too.
        assertThat(gateway.post("/api/v1/users/login", "{oops").status()).isEqualTo(400);
        TestHttp.Response nul = gateway.post("/api/v1/users/login", "{\"email\":\"a\\u0000b\",\"password\":\"x\"}");
        assertThat(nul.status()).isEqualTo(400);
        assertThat(nul.json().get("errors").get(0).get("field").asString()).isEqualTo("email");
        assertThat(gateway.post("/api/v1/users/login", map("email", "kim@keepers.test", "password", "wrong one"))
                        .status())
                .isEqualTo(401);
        assertThat(gateway.postRaw("/api/v1/users/register", "application/json", new byte[2 * 1024 * 1024])
                        .status())
                .isEqualTo(413);

        // Only the gateway can be reached, and by default only from this machine: every service listens
        // on loopback, so another machine (here: this machine's own network address) reaches none of them.
        for (InetAddress address : nonLoopbackAddresses()) {
            for (int port : List.of(
                    3025, 3143, 8000, 8002, 8007, 8008, 8080, 8101, 8111, 8112, 8121, 8122, 8131, 8132, 8141, 8142,
                    8171, 8181, 8192, 8193)) {
                assertThat(connects(address, port)).as(address + ":" + port).isFalse();
            }
        }
    }

    static List<InetAddress> nonLoopbackAddresses() throws java.net.SocketException {
        List<InetAddress> addresses = new ArrayList<>();
        for (java.net.NetworkInterface nic :
                java.util.Collections.list(java.net.NetworkInterface.getNetworkInterfaces())) {
            if (nic.isUp() && !nic.isLoopback()) {
                java.util.Collections.list(nic.getInetAddresses()).stream()
                        .filter(a -> a instanceof java.net.Inet4Address)
                        .forEach(addresses::add);
            }
        }
        return addresses;
    }

    static boolean connects(InetAddress address, int port) {
        try (java.net.Socket socket = new java.net.Socket()) {
            socket.connect(new java.net.InetSocketAddress(address, port), 1000);
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    @Test
    void anAdminAnswersACandidatesAccessAndErasureRequestsAndNothingOfHerIsLeft() throws Exception {
        assumeTrue(first != null && first.up(), "the platform did not start (see the first test)");
        new DataSubjectRequestsFlow(gateway, first.platform(), dataDir).run(PASSWORD);
    }

    @Test
    void everyOperationAnswersEveryCallerAsTheAuthorizationMatrixSays() throws Exception {
        assumeTrue(first != null && first.up(), "the platform did not start (see the first test)");
        Matcher demo = Pattern.compile("Demo admin\\s+(\\S+) / (\\S+)").matcher(first.console());
        assertThat(demo.find()).as(first.console()).isTrue();
        AuthorizationMatrix matrix =
                new AuthorizationMatrix(first.platform().ports(), dataDir, demo.group(1), demo.group(2));
        List<String> differences;
        try (var table = AllInOneIT.class.getResourceAsStream("/authorization-matrix.txt")) {
            differences = matrix.check(AuthorizationMatrix.read(table));
        }
        assertThat(differences)
                .as("answers that differ from authorization-matrix.txt (this run's answers:"
                        + " launcher/target/authorization-matrix.actual.txt)")
                .isEmpty();
    }

    @Test
    void aRecruiterDoesTheWholeFlowInTheBrowser() throws Exception {
        assumeTrue(first != null && first.up(), "the platform did not start (see the first test)");
        Optional<String> noBrowser = RecruiterInBrowser.unavailable();
        assumeTrue(noBrowser.isEmpty(), () -> noBrowser.orElse(""));
        Matcher demo = Pattern.compile("Demo admin\\s+(\\S+) / (\\S+)").matcher(first.console());
        assertThat(demo.find()).as(first.console()).isTrue();
        new RecruiterInBrowser("http://localhost:8080", Path.of("target", "screenshots"), browserDir)
                .recruiterFlow(demo.group(1), demo.group(2));
    }
}

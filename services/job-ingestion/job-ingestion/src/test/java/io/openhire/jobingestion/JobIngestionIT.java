package io.openhire.jobingestion;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.openhire.platform.test.TestHttp.bearer;
import static io.openhire.platform.test.TestHttp.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.openhire.jobingestion.events.JobIngested;
import io.openhire.jobingestion.events.JobSourceFailing;
import io.openhire.platform.test.GoldenEvents;
import io.openhire.platform.test.TestHttp;
import io.openhire.platform.test.TestInfrastructure;
import io.openhire.platform.test.TestKafka;
import io.openhire.platform.test.TestSockets;
import io.openhire.platform.test.TestTokens;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sources as users configure them, crawled from WireMock stubs that answer with the real samples in
 * ../shared/data/jobs (Greenhouse, schema.org JSON-LD, USAJOBS), on the embedded PostgreSQL and Kafka.
 */
@SpringBootTest(
        classes = JobIngestionIT.App.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.application.name=job-ingestion")
class JobIngestionIT {

    static final Path JOBS = Path.of("../../../../shared/data/jobs");
    static final TestTokens TOKENS = new TestTokens();
    static final WireMockServer SITES =
            new WireMockServer(WireMockConfiguration.options().dynamicPort());

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(JobIngestionConfiguration.class)
    static class App {}

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        SITES.start();
        TestInfrastructure.register(registry, "job_ingestion");
        registry.add("openhire.security.jwk-set-uri", TOKENS::jwkSetUri);
        registry.add("openhire.job-ingestion.allow-private-hosts", () -> "true");
        registry.add("openhire.job-ingestion.host-interval", () -> "5ms");
        // Each crawl reads robots.txt afresh, so that tests can change it.
        registry.add("openhire.job-ingestion.robots-cache-ttl", () -> "0s");
        registry.add("openhire.job-ingestion.worker-interval", () -> "200ms");
        registry.add(
                "openhire.job-ingestion.credentials-key",
                () -> java.util.Base64.getEncoder().encodeToString(new byte[32]));
        registry.add("openhire.job-ingestion.user-agent", () -> "OpenHireBot/0.1 (+https://openhire.test/bot)");
    }

    @AfterAll
    static void stop() {
        SITES.stop();
        TOKENS.close();
    }

    @LocalServerPort
    int port;

    @Autowired
    JsonMapper json;

    @Autowired
    JdbcClient jdbc;

    final UUID org = UUID.randomUUID();
    final String recruiter = TOKENS.token(UUID.randomUUID(), org, "RECRUITER");

    TestHttp http() {
        return new TestHttp("http://localhost:" + port);
    }

    @BeforeEach
    void robotsAllowEverythingByDefault() {
        SITES.stubFor(get(urlPathEqualTo("/robots.txt")).willReturn(aResponse().withStatus(404)));
    }

    static String sample(String path) throws IOException {
        Path file = JOBS.resolve(path);
        assumeTrue(Files.isRegularFile(file), "../shared/data/jobs is absent: " + path + " not used");
        return Files.readString(file);
    }

    String site() {
        return "http://localhost:" + SITES.port();
    }

    JsonNode createSource(Map<String, Object> body) {
        TestHttp.Response created = http().post("/api/v1/jobs/sources", body, bearer(recruiter));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json();
    }

    /** Starts a crawl through the ingest API and waits for it to end. */
    JsonNode crawl(String sourceId) {
        TestHttp.Response started = http().post("/api/v1/jobs/ingest", map("sourceId", sourceId), bearer(recruiter));
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        String crawlId = started.json().get("id").asString();
        assertThat(started.header("Location")).isEqualTo("/api/v1/jobs/crawls/" + crawlId);
        JsonNode[] finished = new JsonNode[1];
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            JsonNode crawl = http().get("/api/v1/jobs/crawls/" + crawlId, bearer(recruiter))
                    .json();
            finished[0] = crawl;
            return crawl.get("status").asString().matches("SUCCEEDED|FAILED");
        });
        return finished[0];
    }

    List<JsonNode> jobs(String query) {
        JsonNode page =
                http().get("/api/v1/jobs?size=100" + query, bearer(recruiter)).json();
        List<JsonNode> items = new ArrayList<>();
        page.get("items").forEach(items::add);
        return items;
    }

    @Test
    void aGreenhouseBoardIsCrawledNormalisedAnnouncedAndKeptInStep() throws IOException {
        SITES.stubFor(get(urlPathEqualTo("/gh-a/v1/boards/vaulttec/jobs"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody(sample("greenhouse/_derived_json_examples/jobs_2.json"))));
        JsonNode source = createSource(map(
                "name",
                "Vault-Tec board",
                "kind",
                "GREENHOUSE",
                "board",
                "vaulttec",
                "url",
                site() + "/gh-a",
                "employer",
                "Vault-Tec"));
        String sourceId = source.get("id").asString();
        assertThat(source.get("health").get("status").asString()).isEqualTo("NEW");

        JsonNode crawl = crawl(sourceId);
        assertThat(crawl.get("status").asString()).as(crawl.toString()).isEqualTo("SUCCEEDED");
        assertThat(crawl.get("progress").get("found").asInt()).isEqualTo(1);
        assertThat(crawl.get("progress").get("created").asInt()).isEqualTo(1);

        List<JsonNode> jobs = jobs("&source=" + sourceId);
        assertThat(jobs).hasSize(1);
        JsonNode job = http().get("/api/v1/jobs/" + jobs.getFirst().get("id").asString(), bearer(recruiter))
                .json();
        assertThat(job.get("title").asString()).isEqualTo("Vault Designer");
        assertThat(job.get("employer").asString()).isEqualTo("Vault-Tec");
        assertThat(job.get("status").asString()).isEqualTo("OPEN");
        // The office tree's leaf, not "East Coast": New York, NY, United States.
        assertThat(job.get("locations").get(0).get("city").asString()).isEqualTo("New York");
        assertThat(job.get("locations").get(0).get("country").asString()).isEqualTo("US");
        // Greenhouse's doubly escaped HTML becomes text.
        assertThat(job.get("description").asString())
                .contains("Any HTML included through the hosted job application editor")
                .doesNotContain("&lt;")
                .doesNotContain("<p>");
        assertThat(job.get("postedAt").asString()).isEqualTo("2016-01-14T15:55:28Z");
        assertThat(job.get("applyUrl").asString()).isEqualTo("https://boards.greenhouse.io/vaulttec/jobs/127817");
        JsonNode provenance = job.get("provenance");
        assertThat(provenance.get("sourceKind").asString()).isEqualTo("GREENHOUSE");
        assertThat(provenance.get("externalId").asString()).isEqualTo("127817");
        assertThat(provenance.get("sourceId").asString()).isEqualTo(sourceId);
        assertThat(provenance.get("fetchedAt").isNull()).isFalse();
        SITES.verify(getRequestedFor(urlPathEqualTo("/gh-a/v1/boards/vaulttec/jobs"))
                .withHeader("User-Agent", equalTo("OpenHireBot/0.1 (+https://openhire.test/bot)")));

        String jobId = job.get("id").asString();
        ConsumerRecord<String, String> event =
                TestKafka.read(JobIngested.TOPIC, r -> r.key().equals(jobId), 1).getFirst();
        JobIngested ingested = json.readValue(event.value(), JobIngested.class);
        assertThat(ingested.organizationId()).isEqualTo(org);
        assertThat(ingested.title()).isEqualTo("Vault Designer");
        assertThat(ingested.revision()).isEqualTo(1);

        // The same board again: nothing changes, no new event.
        JsonNode again = crawl(sourceId);
        assertThat(again.get("progress").get("unchanged").asInt()).isEqualTo(1);
        assertThat(again.get("progress").get("created").asInt()).isZero();

        // The employer takes the job down: it is closed (kept, announced), not deleted.
        SITES.stubFor(get(urlPathEqualTo("/gh-a/v1/boards/vaulttec/jobs"))
                .willReturn(aResponse().withBody("{\"jobs\": [], \"meta\": {\"total\": 0}}")));
        JsonNode emptied = crawl(sourceId);
        assertThat(emptied.get("progress").get("closed").asInt()).isEqualTo(1);
        assertThat(http().get("/api/v1/jobs/" + jobId, bearer(recruiter))
                        .json()
                        .get("status")
                        .asString())
                .isEqualTo("CLOSED");
        assertThat(TestKafka.read(JobIngested.TOPIC, r -> r.key().equals(jobId), 2))
                .extracting(r -> json.readValue(r.value(), JobIngested.class).status())
                .containsExactly("OPEN", "CLOSED");
        JsonNode health = http().get("/api/v1/jobs/sources/" + sourceId, bearer(recruiter))
                .json();
        assertThat(health.get("health").get("status").asString()).isEqualTo("HEALTHY");
        assertThat(health.get("recentCrawls")).hasSize(3);
    }

    @Test
    void theTwoInvalidGreenhouseExamplesFailTheirSourceClearlyAndLeaveEverythingElseIntact() throws IOException {
        SITES.stubFor(get(urlPathEqualTo("/gh-good/v1/boards/good/jobs"))
                .willReturn(aResponse().withBody(sample("greenhouse/_derived_json_examples/jobs_1.json"))));
        SITES.stubFor(get(urlPathEqualTo("/gh-bad3/v1/boards/bad/jobs"))
                .willReturn(aResponse().withBody(sample("greenhouse/_derived_json_examples/jobs_3.json"))));
        SITES.stubFor(get(urlPathEqualTo("/gh-bad4/v1/boards/bad/jobs"))
                .willReturn(aResponse().withBody(sample("greenhouse/_derived_json_examples/jobs_4.json"))));
        String good = createSource(
                        map("name", "good", "kind", "GREENHOUSE", "board", "good", "url", site() + "/gh-good"))
                .get("id")
                .asString();
        String bad3 = createSource(
                        map("name", "bad 3", "kind", "GREENHOUSE", "board", "bad", "url", site() + "/gh-bad3"))
                .get("id")
                .asString();
        String bad4 = createSource(
                        map("name", "bad 4", "kind", "GREENHOUSE", "board", "bad", "url", site() + "/gh-bad4"))
                .get("id")
                .asString();

        assertThat(crawl(good).get("status").asString()).isEqualTo("SUCCEEDED");
        JsonNode failed3 = crawl(bad3);
        assertThat(failed3.get("status").asString()).isEqualTo("FAILED");
        // jobs_3.json has a // comment inside data_compliance; jobs_4.json elides fields with "...".
        assertThat(failed3.get("error").asString())
                .startsWith("Greenhouse board bad answered with malformed JSON at line 106");
        JsonNode failed4 = crawl(bad4);
        assertThat(failed4.get("error").asString()).contains("malformed JSON at line 4");

        JsonNode badSource =
                http().get("/api/v1/jobs/sources/" + bad3, bearer(recruiter)).json();
        assertThat(badSource.get("health").get("status").asString()).isEqualTo("FAILING");
        assertThat(badSource.get("health").get("lastError").asString()).contains("malformed JSON");
        assertThat(badSource.get("health").get("lastErrorAt").isNull()).isFalse();
        assertThat(jobs("&source=" + good)).hasSize(1);

        // The good board breaks later (and then is unreachable): its jobs stay as they were.
        SITES.stubFor(get(urlPathEqualTo("/gh-good/v1/boards/good/jobs"))
                .willReturn(aResponse().withBody(sample("greenhouse/_derived_json_examples/jobs_4.json"))));
        assertThat(crawl(good).get("status").asString()).isEqualTo("FAILED");
        SITES.stubFor(get(urlPathEqualTo("/gh-good/v1/boards/good/jobs"))
                .willReturn(aResponse().withStatus(503)));
        JsonNode unavailable = crawl(good);
        assertThat(unavailable.get("error").asString()).contains("HTTP 503");
        List<JsonNode> kept = jobs("&source=" + good);
        assertThat(kept).hasSize(1);
        assertThat(kept.getFirst().get("status").asString()).isEqualTo("OPEN");
        // Its people heard once that it stopped working, not again at the next failed crawl; the event names the
        // source and the reason.
        List<ConsumerRecord<String, String>> failing =
                TestKafka.read(JobSourceFailing.TOPIC, r -> r.key().equals(good), 1);
        assertThat(failing).hasSize(1);
        JobSourceFailing event = GoldenEvents.JSON.readValue(failing.getFirst().value(), JobSourceFailing.class);
        assertThat(event.sourceName()).isEqualTo("good");
        assertThat(event.reason()).contains("malformed JSON at line 4");

        String unreachable = createSource(
                        map("name", "gone", "kind", "LEVER", "board", "gone", "url", "http://localhost:1"))
                .get("id")
                .asString();
        assertThat(crawl(unreachable).get("error").asString()).isEqualTo("The site could not be reached.");
    }

    @Test
    void aClosedPortAndAnOpenPortThatIsNoWebSiteLookTheSameToTheUser() throws IOException {
        int closed = TestSockets.closedPort();
        // Something that is not a web server, like an SSH daemon: greets and hangs up.
        try (TestSockets.Greeter ssh = TestSockets.greeter(TestSockets.SSH_GREETING, true)) {
            List<String> errors = new ArrayList<>();
            for (int port : new int[] {closed, ssh.port()}) {
                String id = createSource(map(
                                "name",
                                "port " + port,
                                "kind",
                                "JSON_LD",
                                "url",
                                "http://localhost:" + port + "/careers"))
                        .get("id")
                        .asString();
                JsonNode crawl = crawl(id);
                assertThat(crawl.get("status").asString()).isEqualTo("FAILED");
                errors.add(crawl.get("error").asString());
                JsonNode source = http().get("/api/v1/jobs/sources/" + id, bearer(recruiter))
                        .json();
                errors.add(source.get("health").get("lastError").asString());
            }
            assertThat(errors).containsOnly("The site could not be reached.");
        }
    }

    static String page(String jsonLd) {
        return "<!DOCTYPE html><html><head><title>Job</title><script type=\"application/ld+json\">" + jsonLd
                + "</script></head><body><h1>Job</h1></body></html>";
    }

    @Test
    void aCareerSiteWithJsonLdIsReadPageByPageAsItsRobotsTxtAllows() throws IOException {
        List<String> examples = List.of("eg-0028", "eg-0251", "eg-0268", "eg-0280", "eg-0465");
        StringBuilder index = new StringBuilder("<html><body><h1>Careers</h1><ul>");
        for (String example : examples) {
            SITES.stubFor(get(urlPathEqualTo("/careers/" + example))
                    .willReturn(aResponse()
                            .withHeader("Content-Type", "text/html")
                            .withBody(page(sample("schemaorg-jsonld/" + example + ".jsonld")))));
            index.append("<li><a href=\"/careers/")
                    .append(example)
                    .append("\">")
                    .append(example)
                    .append("</a></li>");
        }
        index.append("<li><a href=\"/careers/internal/secret\">internal</a></li>");
        index.append("<li><a href=\"/about\">About us</a></li></ul></body></html>");
        SITES.stubFor(get(urlPathEqualTo("/careers"))
                .willReturn(aResponse().withHeader("Content-Type", "text/html").withBody(index.toString())));
        SITES.stubFor(get(urlPathEqualTo("/robots.txt"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "text/plain")
                        .withBody("User-agent: *\nDisallow: /careers/internal/\n")));
        String sourceId = createSource(
                        map("name", "ACME careers", "kind", "JSON_LD", "url", site() + "/careers", "employer", "ACME"))
                .get("id")
                .asString();

        JsonNode crawl = crawl(sourceId);
        assertThat(crawl.get("status").asString()).as(crawl.toString()).isEqualTo("SUCCEEDED");
        assertThat(crawl.get("progress").get("created").asInt()).isEqualTo(5);
        SITES.verify(0, getRequestedFor(urlPathEqualTo("/careers/internal/secret")));
        SITES.verify(0, getRequestedFor(urlPathEqualTo("/about")));

        List<JsonNode> jobs = jobs("&source=" + sourceId);
        assertThat(jobs)
                .extracting(j -> j.get("title").asString())
                .containsExactlyInAnyOrder(
                        "Software Engineer",
                        "Mobile App Developer",
                        "Telecommute from anywhere in USA!",
                        "Systems Research Engineer",
                        "Software Engineer");
        JsonNode engineer = jobs.stream()
                .filter(j -> j.get("salary") != null && !j.get("salary").isNull())
                .findFirst()
                .orElseThrow();
        assertThat(engineer.get("salary").get("min").asInt()).isEqualTo(100000);
        assertThat(engineer.get("salary").get("currency").asString()).isEqualTo("USD");
        assertThat(engineer.get("employmentType").asString()).isEqualTo("FULL_TIME");
        assertThat(engineer.get("locations").get(0).get("city").asString()).isEqualTo("Kirkland");
        assertThat(engineer.get("postedAt").asString()).isEqualTo("2011-10-31T00:00:00Z");
        JsonNode detail = http().get("/api/v1/jobs/" + engineer.get("id").asString(), bearer(recruiter))
                .json();
        assertThat(detail.get("description").asString())
                .contains("Responsibilities\nDesign and write specifications")
                .contains("Benefits\nMedical, Life, Dental");
        JsonNode mobile = jobs.stream()
                .filter(j -> j.get("title").asString().equals("Mobile App Developer"))
                .findFirst()
                .orElseThrow();
        assertThat(mobile.get("employer").asString()).isEqualTo("ACME Software");
        JsonNode remote = jobs.stream()
                .filter(j -> j.get("title").asString().startsWith("Telecommute"))
                .findFirst()
                .orElseThrow();
        assertThat(remote.get("workplace").asString()).isEqualTo("REMOTE");
        assertThat(remote.get("locations").get(0).get("country").asString()).isEqualTo("US");
        assertThat(jobs("&remote=true&source=" + sourceId)).hasSize(1);

        // A site that forbids the crawler altogether.
        SITES.stubFor(get(urlPathEqualTo("/robots.txt"))
                .willReturn(aResponse().withBody("User-agent: OpenHireBot\nDisallow: /\n")));
        String forbidden = createSource(map("name", "no bots", "kind", "JSON_LD", "url", site() + "/careers"))
                .get("id")
                .asString();
        JsonNode refused = crawl(forbidden);
        assertThat(refused.get("status").asString()).isEqualTo("FAILED");
        assertThat(refused.get("error").asString()).contains("robots.txt of localhost does not allow /careers");
    }

    @Test
    void usaJobsIsReadWithTheOrganisationsKeyAndItsSalariesAndDeadlines() throws IOException {
        SITES.stubFor(get(urlPathEqualTo("/usajobs/api/search"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody(sample("usajobs/sampleData.md"))));
        TestHttp.Response missingKey = http().post(
                        "/api/v1/jobs/sources",
                        map("name", "usa", "kind", "USAJOBS", "url", site() + "/usajobs"),
                        bearer(recruiter));
        assertThat(missingKey.status()).isEqualTo(400);
        JsonNode source = createSource(map(
                "name",
                "USAJOBS IT",
                "kind",
                "USAJOBS",
                "url",
                site() + "/usajobs",
                "board",
                "developer",
                "apiKey",
                "secret-key-123",
                "apiEmail",
                "hr@agency.example"));
        assertThat(source.toString()).doesNotContain("secret-key-123");
        assertThat(source.get("hasApiKey").asBoolean()).isTrue();

        JsonNode crawl = crawl(source.get("id").asString());
        assertThat(crawl.get("status").asString()).as(crawl.toString()).isEqualTo("SUCCEEDED");
        assertThat(crawl.get("progress").get("found").asInt()).isEqualTo(8);
        SITES.verify(getRequestedFor(urlPathEqualTo("/usajobs/api/search"))
                .withHeader("Authorization-Key", equalTo("secret-key-123"))
                .withHeader("User-Agent", equalTo("hr@agency.example")));

        List<JsonNode> jobs = jobs("&source=" + source.get("id").asString() + "&includeDuplicates=true");
        assertThat(jobs).hasSize(8);
        JsonNode web = jobs.stream()
                .filter(j -> j.get("titleOriginal").asString().equals("IT Specialist (INET) (Web Developer)"))
                .findFirst()
                .orElseThrow();
        assertThat(web.get("employer").asString()).isEqualTo("Consumer Financial Protection Bureau");
        assertThat(web.get("salary").get("min").asInt()).isEqualTo(92166);
        assertThat(web.get("salary").get("max").asInt()).isEqualTo(161600);
        assertThat(web.get("salary").get("period").asString()).isEqualTo("YEAR");
        assertThat(web.get("expiresAt").asString()).isEqualTo("2016-06-15T00:00:00Z");
        // Closed in 2016: listed as expired, not open.
        assertThat(web.get("status").asString()).isEqualTo("EXPIRED");
        assertThat(web.get("locations").get(0).get("country").asString()).isEqualTo("US");
        assertThat(jobs("&status=OPEN&source=" + source.get("id").asString())).isEmpty();
    }

    @Test
    void leverAndFeedSourcesAreRead() {
        String lever = """
                [{"id": "5ac21346-8e0c-4494-8e7a-3eb92ff77902", "text": "Senior Backend Engineer",
                  "categories": {"location": "Berlin, Germany", "commitment": "Full-time", "team": "Platform",
                                 "allLocations": ["Berlin, Germany", "Remote - Germany"]},
                  "country": "DE", "descriptionPlain": "We build the payment platform.",
                  "lists": [{"text": "Requirements", "content": "<li>Java</li><li>PostgreSQL</li>"}],
                  "additionalPlain": "We offer 30 days of holiday.",
                  "hostedUrl": "https://jobs.lever.co/acme/5ac21346", "applyUrl": "https://jobs.lever.co/acme/5ac21346/apply",
                  "workplaceType": "hybrid", "createdAt": 1763800000000,
                  "salaryRange": {"currency": "EUR", "interval": "per-year-salary", "min": 70000, "max": 90000}}]
                """;
        SITES.stubFor(get(urlPathEqualTo("/lever/v0/postings/acme"))
                .willReturn(aResponse().withBody(lever)));
        String leverId = createSource(map("name", "lever", "kind", "LEVER", "board", "acme", "url", site() + "/lever"))
                .get("id")
                .asString();
        assertThat(crawl(leverId).get("progress").get("created").asInt()).isEqualTo(1);
        JsonNode job = jobs("&source=" + leverId).getFirst();
        assertThat(job.get("title").asString()).isEqualTo("Senior Backend Engineer");
        assertThat(job.get("seniority").asString()).isEqualTo("SENIOR");
        assertThat(job.get("workplace").asString()).isEqualTo("HYBRID");
        assertThat(job.get("employmentType").asString()).isEqualTo("FULL_TIME");
        assertThat(job.get("salary").get("currency").asString()).isEqualTo("EUR");
        assertThat(job.get("locations")).hasSize(2);
        String description = http().get("/api/v1/jobs/" + job.get("id").asString(), bearer(recruiter))
                .json()
                .get("description")
                .asString();
        assertThat(description).contains("Requirements\n- Java\n- PostgreSQL");

        String rss = """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0"><channel><title>Jobs at Globex</title><link>https://globex.example/jobs</link>
                <description>Open roles</description>
                <item><title>Warehouse Associate - Part Time</title><link>https://globex.example/jobs/17</link>
                <guid>globex-17</guid><pubDate>Mon, 16 Nov 2026 09:00:00 GMT</pubDate>
                <description>&lt;p&gt;Pick and pack orders in Springfield, IL. $18-$21 per hour.&lt;/p&gt;</description></item>
                </channel></rss>
                """;
        SITES.stubFor(get(urlPathEqualTo("/feed.xml")).willReturn(aResponse().withBody(rss)));
        String feedId = createSource(
                        map("name", "globex feed", "kind", "FEED", "url", site() + "/feed.xml", "employer", "Globex"))
                .get("id")
                .asString();
        assertThat(crawl(feedId).get("status").asString()).isEqualTo("SUCCEEDED");
        JsonNode warehouse = jobs("&source=" + feedId).getFirst();
        assertThat(warehouse.get("title").asString()).isEqualTo("Warehouse Associate");
        assertThat(warehouse.get("employmentType").asString()).isEqualTo("PART_TIME");
        assertThat(warehouse.get("salary").get("period").asString()).isEqualTo("HOUR");
        assertThat(warehouse.get("postedAt").asString()).isEqualTo("2026-11-16T09:00:00Z");

        SITES.stubFor(get(urlPathEqualTo("/broken.xml"))
                .willReturn(aResponse().withBody("<rss><channel><item><title>x</title></channel>")));
        String broken = createSource(map("name", "broken feed", "kind", "FEED", "url", site() + "/broken.xml"))
                .get("id")
                .asString();
        JsonNode failed = crawl(broken);
        assertThat(failed.get("status").asString()).isEqualTo("FAILED");
        assertThat(failed.get("error").asString()).contains("is not valid RSS or Atom");
        // An XML external entity is not resolved: the DOCTYPE is refused.
        SITES.stubFor(
                get(urlPathEqualTo("/xxe.xml"))
                        .willReturn(
                                aResponse()
                                        .withBody(
                                                "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                                                        + "<rss version=\"2.0\"><channel><title>t</title><item><title>&x;</title></item></channel></rss>")));
        String xxe = createSource(map("name", "xxe", "kind", "FEED", "url", site() + "/xxe.xml"))
                .get("id")
                .asString();
        assertThat(crawl(xxe).get("status").asString()).isEqualTo("FAILED");
        assertThat(jobs("&text=root")).isEmpty();
    }

    static Map<String, Object> posting(String id, String title, String employer, String description) {
        return map(
                "id",
                id,
                "title",
                title,
                "employer",
                employer,
                "description",
                description,
                "location",
                "Austin, TX",
                "salary",
                "$120,000 - $140,000 a year",
                "postedAt",
                "2026-11-20");
    }

    static final String DESCRIPTION = """
            We are looking for a data engineer to build and run our streaming pipelines.
            You will design Kafka topics, write Spark jobs in Scala and Python, and own the data warehouse.
            Requirements: 5+ years of experience with distributed systems, SQL and cloud platforms.
            Nice to have: Airflow, dbt and Terraform. We offer health insurance, 401k and remote Fridays.
            """;

    @Test
    void pushedPostingsAreCheckedAsABatchAndNearDuplicatesLinkedToTheirCanonicalJob() {
        TestHttp.Response bad = http().post(
                        "/api/v1/jobs/ingest",
                        map("postings", List.of(posting("a", "Data Engineer", "Initech", DESCRIPTION), map("id", "b"))),
                        bearer(recruiter));
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.json().get("errors").get(0).get("index").asInt()).isEqualTo(1);
        assertThat(jobs("")).as("nothing of a refused batch is stored").isEmpty();
        assertThat(http().post("/api/v1/jobs/ingest", map("postings", "nope"), bearer(recruiter))
                        .status())
                .isEqualTo(400);
        assertThat(http().post("/api/v1/jobs/ingest", map(), bearer(recruiter)).status())
                .isEqualTo(400);
        assertThat(http().post(
                                "/api/v1/jobs/ingest",
                                map("sourceId", UUID.randomUUID().toString()),
                                bearer(recruiter))
                        .status())
                .isEqualTo(404);

        TestHttp.Response pushed = http().post(
                        "/api/v1/jobs/ingest",
                        map(
                                "postings",
                                List.of(
                                        posting("a", "Senior Data Engineer (m/w/d)", "Initech", DESCRIPTION),
                                        posting(
                                                "b",
                                                "Data Engineer",
                                                "Initech Inc.",
                                                DESCRIPTION.replace("Fridays", "Mondays")),
                                        posting("c", "Data Engineer", "Umbrella", DESCRIPTION))),
                        bearer(recruiter));
        assertThat(pushed.status()).as(pushed.body()).isEqualTo(200);
        JsonNode results = pushed.json().get("postings");
        String canonical = results.get(0).get("jobId").asString();
        assertThat(results.get(1).get("duplicateOf").asString()).isEqualTo(canonical);
        assertThat(results.get(2).get("duplicateOf").isNull())
                .as("another employer's posting is not a duplicate")
                .isTrue();
        assertThat(pushed.json().get("duplicates").asInt()).isEqualTo(1);

        JsonNode first =
                http().get("/api/v1/jobs/" + canonical, bearer(recruiter)).json();
        assertThat(first.get("title").asString()).isEqualTo("Senior Data Engineer");
        assertThat(first.get("seniority").asString()).isEqualTo("SENIOR");
        assertThat(first.get("salary").get("min").asInt()).isEqualTo(120000);
        assertThat(first.get("salary").get("period").asString()).isEqualTo("YEAR");
        assertThat(first.get("locations").get(0).get("region").asString()).isNotBlank();
        assertThat(first.get("duplicates")).hasSize(1);
        assertThat(first.get("provenance").get("sourceKind").asString()).isEqualTo("PUSH");

        assertThat(jobs(""))
                .as("duplicates are left out of the list by default")
                .hasSize(2);
        assertThat(jobs("&includeDuplicates=true")).hasSize(3);
        assertThat(jobs("&text=kafka%20spark")).hasSize(2);
        assertThat(jobs("&text=plumber")).isEmpty();
        assertThat(jobs("&location=Austin")).hasSize(2);
        assertThat(jobs("&location=TX")).hasSize(2);
        assertThat(jobs("&location=Berlin")).isEmpty();
        assertThat(jobs("&source=PUSH")).hasSize(2);
        assertThat(jobs("&from=2026-11-20&to=2026-11-21")).hasSize(2);
        assertThat(jobs("&from=2026-11-21")).isEmpty();
        assertThat(http().get("/api/v1/jobs?status=SOMETIMES", bearer(recruiter))
                        .status())
                .isEqualTo(400);
        assertThat(http().get("/api/v1/jobs?from=yesterday", bearer(recruiter)).status())
                .isEqualTo(400);

        // The same postings pushed again change nothing.
        TestHttp.Response again = http().post(
                        "/api/v1/jobs/ingest",
                        map("postings", List.of(posting("a", "Senior Data Engineer (m/w/d)", "Initech", DESCRIPTION))),
                        bearer(recruiter));
        assertThat(again.json().get("unchanged").asInt()).isEqualTo(1);

        // Another organisation sees none of it.
        String stranger = TOKENS.token(UUID.randomUUID(), UUID.randomUUID(), "RECRUITER");
        assertThat(http().get("/api/v1/jobs/" + canonical, bearer(stranger)).status())
                .isEqualTo(404);
        assertThat(http().get("/api/v1/jobs", bearer(stranger))
                        .json()
                        .get("total")
                        .asInt())
                .isZero();
        // Candidates do not manage jobs.
        String candidate = TOKENS.token(UUID.randomUUID(), org, "CANDIDATE");
        assertThat(http().post("/api/v1/jobs/ingest", map("postings", List.of()), bearer(candidate))
                        .status())
                .isEqualTo(403);
    }

    @Test
    void sourcesAreValidatedAndScheduledCrawlsRunByThemselves() {
        assertThat(http().post("/api/v1/jobs/sources", map("name", "x", "kind", "MONSTER"), bearer(recruiter))
                        .status())
                .isEqualTo(400);
        assertThat(http().post("/api/v1/jobs/sources", map("name", "x", "kind", "GREENHOUSE"), bearer(recruiter))
                        .status())
                .as("no board token")
                .isEqualTo(400);
        assertThat(http().post(
                                "/api/v1/jobs/sources",
                                map("name", "x", "kind", "FEED", "url", "file:///etc/passwd"),
                                bearer(recruiter))
                        .status())
                .isEqualTo(400);
        assertThat(http().post(
                                "/api/v1/jobs/sources",
                                map("name", "x", "kind", "FEED", "url", site() + "/f", "scheduleMinutes", 1),
                                bearer(recruiter))
                        .status())
                .isEqualTo(400);

        SITES.stubFor(
                get(urlPathMatching("/scheduled/v1/boards/sched/jobs"))
                        .willReturn(
                                aResponse()
                                        .withBody(
                                                "{\"jobs\": [{\"id\": 1, \"title\": \"Nurse\", \"location\": {\"name\": \"Boston, MA\"}}]}")));
        String id = createSource(map(
                        "name",
                        "scheduled",
                        "kind",
                        "GREENHOUSE",
                        "board",
                        "sched",
                        "url",
                        site() + "/scheduled",
                        "scheduleMinutes",
                        60))
                .get("id")
                .asString();
        assertThat(http().post(
                                "/api/v1/jobs/sources",
                                map("name", "SCHEDULED", "kind", "GREENHOUSE", "board", "x"),
                                bearer(recruiter))
                        .status())
                .as("names are unique per organisation")
                .isEqualTo(409);
        // Due at once: the worker queues and runs it, then schedules the next in an hour.
        await().atMost(Duration.ofSeconds(20)).until(() -> jobs("&source=" + id).size() == 1);
        JsonNode source =
                http().get("/api/v1/jobs/sources/" + id, bearer(recruiter)).json();
        assertThat(source.get("recentCrawls").get(0).get("trigger").asString()).isEqualTo("SCHEDULE");
        assertThat(source.get("nextCrawlAt").asString()).isNotBlank();
        Integer queued = jdbc.sql("SELECT count(*) FROM crawl WHERE source_id = :id")
                .param("id", UUID.fromString(id))
                .query(Integer.class)
                .single();
        assertThat(queued).isEqualTo(1);

        assertThat(http().delete("/api/v1/jobs/sources/" + id, bearer(recruiter))
                        .status())
                .isEqualTo(204);
        List<JsonNode> kept = jobs("&includeDuplicates=true");
        assertThat(kept).extracting(j -> j.get("title").asString()).contains("Nurse");
    }

    @Test
    void aJobBoardExportIsUploadedAsItIs() throws IOException {
        Path csv = JOBS.resolve("glassdoor/glassdoor_jobs.csv");
        assumeTrue(Files.isRegularFile(csv), "../shared/data/jobs/glassdoor is absent: upload not checked");
        byte[] bytes = Files.readAllBytes(csv);
        TestHttp.Response uploaded = http().postMultipart(
                        "/api/v1/jobs/upload",
                        "file",
                        "glassdoor_jobs.csv",
                        "text/csv",
                        bytes,
                        Map.of(),
                        bearer(recruiter));
        assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(200);
        JsonNode result = uploaded.json();
        int created = result.get("created").asInt();
        int unchanged = result.get("unchanged").asInt();
        assertThat(created + unchanged).isEqualTo(956);
        assertThat(result.get("duplicates").asInt()).isPositive();
        long withSalary = jdbc.sql("SELECT count(*) FROM job WHERE organization_id = :org AND salary_currency = 'USD'")
                .param("org", org)
                .query(Long.class)
                .single();
        assertThat(withSalary).isGreaterThan(created / 2);
        JsonNode first =
                jobs("&text=%22Tecolote%20Research%22&includeDuplicates=true").getFirst();
        assertThat(first.get("employer").asString()).isEqualTo("Tecolote Research");

        assertThat(http().postMultipart(
                                "/api/v1/jobs/upload",
                                "file",
                                "x.csv",
                                "text/csv",
                                "name,colour\nx,blue\n".getBytes(StandardCharsets.UTF_8),
                                Map.of(),
                                bearer(recruiter))
                        .status())
                .isEqualTo(400);
        assertThat(http().postMultipart(
                                "/api/v1/jobs/upload",
                                "file",
                                "x.bin",
                                "application/octet-stream",
                                new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1},
                                Map.of(),
                                bearer(recruiter))
                        .status())
                .isEqualTo(415);
    }
}

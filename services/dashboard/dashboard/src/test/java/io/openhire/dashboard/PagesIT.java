package io.openhire.dashboard;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.openhire.platform.test.TestHttp.map;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.openhire.identity.IdentityConfiguration;
import io.openhire.platform.test.TestHttp;
import io.openhire.platform.test.TestServices;
import io.openhire.platform.test.TestTokens;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The pages as a recruiter and an admin see them, rendered from the services' answers exactly as the
 * services write them ({@code src/test/resources/services/*.json}): jobs, a job with its ad review and its
 * explained shortlist, weights, blind review, feedback and reveal, candidates, a resume's profile with the
 * jobs it fits and an ATS report, an upload, sources and crawls, models, users; and what the pages send the
 * services back. Identity is real (sign-in); the other services are stand-ins. Each page's HTML goes to
 * {@code target/pages/}, and with Debian's Chromium installed a screenshot of each to {@code
 * target/screenshots/} (look at them).
 */
class PagesIT {

    static final String PASSWORD = "a long and private passphrase";
    static final String JOB = "11111111-1111-4111-8111-111111111111";
    /** A job matching has not analysed yet: no review, no settings, the shortlist not ready. */
    static final String NEW_JOB = "11111111-1111-4111-8111-111111111119";

    static final String RESUME = "22222222-2222-4222-8222-222222222222";
    static final String RECEIVED_RESUME = "22222222-2222-4222-8222-222222222225";
    static final String CANDIDATE = "33333333-3333-4333-8333-333333333333";
    static final String OTHER_CANDIDATE = "33333333-3333-4333-8333-333333333334";
    static final String SOURCE = "44444444-4444-4444-8444-444444444444";
    static final String CRAWL = "55555555-5555-4555-8555-555555555555";

    static final Path PAGES = Path.of("target", "pages");
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    static TestTokens tokens;
    static TestServices.Running identity;
    static TestServices.Running dashboard;
    /** job-ingestion, job-processing, resume-ingestion, resume-processing, matching and model-registry. */
    static WireMockServer services;

    @BeforeAll
    static void start() throws IOException {
        tokens = new TestTokens();
        services = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        services.start();
        stubServices();
        identity = TestServices.start(
                "identity",
                IdentityConfiguration.class,
                tokens,
                Map.of("openhire.identity.keys.master-key", Base64.getEncoder().encodeToString(new byte[32])));
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("openhire.clients.services.identity.url", identity.url());
        properties.put("openhire.security.jwk-set-uri", identity.url() + "/.well-known/jwks.json");
        for (String service : new String[] {
            "job-ingestion",
            "job-processing",
            "resume-ingestion",
            "resume-processing",
            "matching",
            "communication",
            "applications",
            "privacy"
        }) {
            properties.put("openhire.clients.services." + service + ".url", services.baseUrl());
        }
        properties.put("openhire.clients.services.model-registry.url", services.baseUrl());
        dashboard = TestServices.start("dashboard", DashboardConfiguration.class, tokens, properties);
        Files.createDirectories(PAGES);
    }

    @AfterAll
    static void stop() {
        if (dashboard != null) {
            dashboard.close();
        }
        if (identity != null) {
            identity.close();
        }
        if (tokens != null) {
            tokens.close();
        }
        if (services != null) {
            services.stop();
        }
    }

    static final String CAREER_ORG = "99999999-9999-4999-8999-999999999999";

    static void stubServices() {
        // applications' public career site
        services.stubFor(get(urlPathEqualTo("/api/v1/careers/" + CAREER_ORG))
                .willReturn(okJson(answer("applications-career-site"))));
        services.stubFor(get(urlPathEqualTo("/api/v1/careers/" + CAREER_ORG + "/jobs/" + JOB))
                .willReturn(okJson(answer("applications-career-posting"))));
        services.stubFor(post(urlPathEqualTo("/api/v1/careers/" + CAREER_ORG + "/jobs/" + JOB + "/applications"))
                .willReturn(aResponse()
                        .withStatus(202)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"message\":\"Thank you: we received your application.\"}")));
        services.stubFor(post(urlPathEqualTo("/api/v1/careers/" + CAREER_ORG + "/jobs/" + JOB + "/applications"))
                .withRequestBody(containing("MZ-not-a-resume"))
                .atPriority(1)
                .willReturn(problem(415, "unsupported-document-type", "The file is not a resume format.")));
        // applications
        services.stubFor(
                get(urlPathEqualTo("/api/v1/applications/stages")).willReturn(okJson(answer("applications-stages"))));
        services.stubFor(
                get(urlPathEqualTo("/api/v1/applications/board")).willReturn(okJson(answer("applications-board"))));
        services.stubFor(get(urlPathEqualTo("/api/v1/applications"))
                .willReturn(okJson(answer("applications-job-applications"))));
        services.stubFor(post(urlPathEqualTo("/api/v1/applications"))
                .willReturn(aResponse()
                        .withStatus(201)
                        .withHeader("Content-Type", "application/json")
                        .withBody(answer("applications-created"))));
        services.stubFor(post(urlPathMatching("/api/v1/applications/[0-9a-f-]+/(move|undo)"))
                .willReturn(okJson(answer("applications-created"))));
        services.stubFor(get(urlPathEqualTo("/api/v1/candidates")).willReturn(okJson(answer("applications-people"))));
        services.stubFor(get(urlPathMatching("/api/v1/applications/jobs/[0-9a-f-]+/questions"))
                .willReturn(okJson("[{\"question\": \"Which payment systems have you built?\", \"required\": true}]")));
        services.stubFor(get(urlPathMatching("/api/v1/applications/[0-9a-f-]+/scorecards"))
                .willReturn(okJson(answer("applications-scorecards"))));
        services.stubFor(get(urlPathEqualTo("/api/v1/candidates/searches")).willReturn(okJson("[]")));
        services.stubFor(get(urlPathMatching("/api/v1/applications/[0-9a-f-]+/share"))
                .willReturn(okJson(answer("applications-share"))));
        services.stubFor(get(urlPathEqualTo("/api/v1/candidates/of-resume/" + RESUME))
                .willReturn(okJson(answer("applications-candidate"))));
        services.stubFor(get(urlPathEqualTo("/api/v1/candidates/" + CANDIDATE))
                .willReturn(okJson(answer("applications-candidate"))));
        services.stubFor(get(urlPathEqualTo("/api/v1/candidates/" + CANDIDATE + "/notes"))
                .willReturn(okJson(answer("applications-notes"))));
        services.stubFor(patch(urlPathEqualTo("/api/v1/candidates/" + CANDIDATE))
                .willReturn(okJson(answer("applications-candidate"))));

        // job-ingestion
        services.stubFor(get(urlPathEqualTo("/api/v1/jobs")).willReturn(okJson(answer("job-ingestion-jobs"))));
        services.stubFor(get(urlPathEqualTo("/api/v1/jobs/" + JOB)).willReturn(okJson(answer("job-ingestion-job"))));
        services.stubFor(
                get(urlPathEqualTo("/api/v1/jobs/" + NEW_JOB)).willReturn(okJson(answer("job-ingestion-job"))));
        services.stubFor(
                get(urlPathEqualTo("/api/v1/jobs/sources")).willReturn(okJson(answer("job-ingestion-sources"))));
        services.stubFor(post(urlPathEqualTo("/api/v1/jobs/sources"))
                .willReturn(aResponse()
                        .withStatus(201)
                        .withHeader("Content-Type", "application/json")
                        .withBody(answer("job-ingestion-source-created"))));
        services.stubFor(
                get(urlPathEqualTo("/api/v1/jobs/crawls/" + CRAWL)).willReturn(okJson(answer("job-ingestion-crawl"))));
        services.stubFor(post(urlPathEqualTo("/api/v1/jobs/ingest"))
                .willReturn(aResponse()
                        .withStatus(202)
                        .withHeader("Content-Type", "application/json")
                        .withBody(answer("job-ingestion-crawl"))));
        // job-processing
        services.stubFor(get(urlPathEqualTo("/api/v1/jobs/optimized"))
                .withQueryParam("jobId", equalTo(JOB))
                .willReturn(okJson(answer("job-processing-review"))));
        services.stubFor(get(urlPathEqualTo("/api/v1/jobs/optimized"))
                .withQueryParam("jobId", equalTo(NEW_JOB))
                .willReturn(problem(404, "Not Found", "A report for job " + NEW_JOB + " does not exist.")));
        // resume-ingestion
        services.stubFor(get(urlPathEqualTo("/api/v1/resumes")).willReturn(okJson(answer("resume-ingestion-resumes"))));
        services.stubFor(
                get(urlPathEqualTo("/api/v1/resumes/" + RESUME)).willReturn(okJson(answer("resume-ingestion-resume"))));
        services.stubFor(get(urlPathEqualTo("/api/v1/resumes/" + RECEIVED_RESUME))
                .willReturn(okJson(answer("resume-ingestion-resume-received"))));
        services.stubFor(post(urlPathEqualTo("/api/v1/resumes/upload"))
                .willReturn(aResponse()
                        .withStatus(202)
                        .withHeader("Content-Type", "application/json")
                        .withBody(answer("resume-ingestion-accepted"))));
        // resume-processing
        services.stubFor(
                post(urlPathEqualTo("/api/v1/resumes/optimize")).willReturn(okJson(answer("resume-processing-ats"))));
        // matching
        services.stubFor(get(urlPathEqualTo("/api/v1/matches"))
                .withQueryParam("jobId", equalTo(JOB))
                .willReturn(okJson(answer("matching-job-matches"))));
        services.stubFor(get(urlPathEqualTo("/api/v1/matches"))
                .withQueryParam("jobId", equalTo(NEW_JOB))
                .willReturn(problem(422, "Unprocessable Content", "The job is still being analysed.")));
        services.stubFor(get(urlPathEqualTo("/api/v1/matches"))
                .withQueryParam("resumeId", equalTo(RESUME))
                .willReturn(okJson(answer("matching-resume-matches"))));
        services.stubFor(
                get(urlPathEqualTo("/api/v1/matches/feedback")).willReturn(okJson(answer("matching-feedback-list"))));
        services.stubFor(post(urlPathEqualTo("/api/v1/matches/feedback"))
                .willReturn(aResponse()
                        .withStatus(201)
                        .withHeader("Content-Type", "application/json")
                        .withBody(answer("matching-feedback-recorded"))));
        services.stubFor(post(urlPathEqualTo("/api/v1/matches/reveal")).willReturn(okJson(answer("matching-reveal"))));
        services.stubFor(get(urlPathEqualTo("/api/v1/matches/jobs/" + JOB + "/settings"))
                .willReturn(okJson(answer("matching-job-settings"))));
        services.stubFor(get(urlPathEqualTo("/api/v1/matches/jobs/" + NEW_JOB + "/settings"))
                .willReturn(problem(404, "Not Found", "Job " + NEW_JOB + " does not exist.")));
        services.stubFor(put(urlPathEqualTo("/api/v1/matches/jobs/" + JOB + "/settings"))
                .willReturn(okJson(answer("matching-job-settings-saved"))));
        services.stubFor(get(urlPathEqualTo("/api/v1/matches/index")).willReturn(okJson(answer("matching-index"))));
        // model-registry
        services.stubFor(
                get(urlPathEqualTo("/api/v1/models/registered")).willReturn(okJson(answer("model-registry-models"))));
        services.stubFor(get(urlPathEqualTo("/api/v1/models/text-embedding"))
                .willReturn(okJson(answer("model-registry-model"))));
        services.stubFor(get(urlPathEqualTo("/api/v1/models/text-embedding/history"))
                .willReturn(okJson(answer("model-registry-history"))));
    }

    /** A service's answer as that service writes it. */
    static String answer(String name) {
        try (InputStream in = PagesIT.class.getResourceAsStream("/services/" + name + ".json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder problem(
            int status, String title, String detail) {
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/problem+json")
                .withBody("{\"type\": \"about:blank\", \"title\": \"%s\", \"status\": %d, \"detail\": \"%s\"}"
                        .formatted(title, status, detail));
    }

    /** A new organisation with its admin; the admin's email. */
    static String newOrganisation(String organisation, String admin) {
        String email = admin.toLowerCase().replace(' ', '.') + "@" + UUID.randomUUID() + ".test";
        TestHttp.Response registered = new TestHttp(identity.url())
                .post(
                        "/api/v1/users/register",
                        map("organization", organisation, "name", admin, "email", email, "password", PASSWORD));
        assertThat(registered.status()).as(registered.body()).isEqualTo(202);
        return email;
    }

    /** A user of the organisation with a password; their email. */
    static String newUser(String adminEmail, String name, String role) {
        TestHttp identityApi = new TestHttp(identity.url());
        String token = identityApi
                .post("/api/v1/users/login", map("email", adminEmail, "password", PASSWORD))
                .json()
                .get("access_token")
                .asString();
        String email = name.toLowerCase().replace(' ', '.') + "@" + UUID.randomUUID() + ".test";
        TestHttp.Response added = identityApi.post(
                "/api/v1/users",
                map("email", email, "name", name, "role", role, "password", PASSWORD),
                TestHttp.bearer(token));
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        return email;
    }

    @Test
    void aClientSeesTheirBlindShortlistAndACandidateTheirApplicationsAndWhatWasRead() throws Exception {
        String admin = newOrganisation("Portals Ltd", "Pia Portal");
        services.stubFor(get(urlPathEqualTo("/api/v1/client-portal/jobs")).willReturn(okJson("""
                [{"jobId": "%s", "title": "Senior Backend Engineer (Java)", "location": "Berlin", "status": "OPEN", "shared": 2}]
                """.formatted(JOB))));
        services.stubFor(
                get(urlPathEqualTo("/api/v1/client-portal/jobs/" + JOB)).willReturn(okJson("""
                {"job": {"jobId": "%s", "title": "Senior Backend Engineer (Java)", "location": "Berlin", "status": "OPEN", "shared": 2},
                 "candidates": [
                   {"applicationId": "77777777-7777-4777-8777-777777777777", "label": "Candidate 7777", "name": null, "revealed": false,
                    "headline": null, "currentTitle": null, "skills": ["Java", "Kafka"],
                    "stageName": "Interview", "sharedAt": "2026-12-04T10:00:00Z",
                    "feedback": [{"id": "88888888-8888-4888-8888-888888888888", "authorName": "Cleo (Harbour)", "verdict": "UP",
                                  "comment": "Strong.", "interviewRequested": true, "at": "2026-12-04T11:00:00Z"}]},
                   {"applicationId": "99999999-9999-4999-8999-999999999999", "label": "Candidate 2", "name": "Omar Named", "revealed": true,
                    "headline": null, "currentTitle": null, "skills": [], "stageName": "Screening", "sharedAt": "2026-12-04T12:00:00Z",
                    "feedback": []}]}
                """.formatted(JOB))));
        Browser client = Browser.signedIn(newUser(admin, "Cleo Client", "CLIENT"), "/client");
        HttpResponse<String> jobs = client.page("client-jobs", "/client");
        assertThat(jobs.statusCode()).isEqualTo(200);
        assertThat(jobs.body())
                .contains("Your shortlists", "Senior Backend Engineer (Java)", ">Shortlists<")
                .doesNotContain("href=\"/jobs\"", "href=\"/candidates\"", "href=\"/mail\"");
        HttpResponse<String> shortlist = client.page("client-shortlist", "/client/jobs/" + JOB);
        assertThat(shortlist.statusCode()).isEqualTo(200);
        assertThat(shortlist.body())
                .contains(
                        ">Candidate 7777<",
                        "Blind: the name, contact details and work history stay with your recruiter")
                .contains(">Omar Named<", "Kafka", "asked for an interview", "Send feedback");

        services.stubFor(get(urlPathEqualTo("/api/v1/portal/me")).willReturn(okJson("""
                {"candidateId": "33333333-3333-4333-8333-333333333333",
                 "fields": {"name": {"value": "Ines Moreau", "parsed": "Ines Moreau", "correctedBy": "candidate", "correctedAt": "2026-12-04T10:00:00Z"},
                            "currentTitle": {"value": "Backend Engineer", "parsed": "Experience: Java", "correctedBy": "candidate", "correctedAt": "2026-12-04T10:00:00Z"}},
                 "skills": ["Java"], "titles": [],
                 "applications": [{"id": "44444444-4444-4444-8444-444444444444", "jobId": "%s", "jobTitle": "Senior Backend Engineer (Java)",
                                   "employer": "Acme GmbH", "stageName": "Screening", "stageCategory": "SCREENING",
                                   "stageEnteredAt": "2026-12-04T10:00:00Z", "appliedAt": "2026-12-03T10:00:00Z", "open": true}],
                 "consents": [{"purpose": "APPLICATION_PROCESSING", "noticeVersion": 1, "givenAt": "2026-12-03T10:00:00Z", "withdrawnAt": null}],
                 "resumes": [{"resumeId": "55555555-5555-4555-8555-555555555555", "revision": 1, "parsedAt": "2026-12-03T10:00:00Z"}]}
                """.formatted(JOB))));
        Browser candidate = Browser.signedIn(newUser(admin, "Ines Candidate", "CANDIDATE"), "/portal");
        HttpResponse<String> portal = candidate.page("portal", "/portal");
        assertThat(portal.statusCode()).isEqualTo(200);
        assertThat(portal.body())
                .contains("Senior Backend Engineer (Java)", ">Screening<", "Withdraw")
                .contains("value=\"Backend Engineer\"", "Corrected. We read: Experience: Java")
                .doesNotContain("Corrected. We read: Ines Moreau") // the same as read: nothing to say
                .contains("Download all my data", "Withdraw my consent", ">My applications<");

        // "Your data": the requests about their data and who looked at their file, as applications answers them.
        services.stubFor(get(urlPathEqualTo("/api/v1/portal/privacy-requests")).willReturn(okJson("""
                [{"id": "66666666-6666-4666-8666-666666666666", "type": "ERASURE", "status": "OPEN",
                  "receivedAt": "2026-12-04T10:00:00Z", "dueAt": "2027-01-04T10:00:00Z", "completedAt": null,
                  "overdue": false, "resolution": null, "stale": false}]
                """)));
        services.stubFor(get(urlPathEqualTo("/api/v1/portal/views")).willReturn(okJson("""
                [{"occurredAt": "2026-12-05T09:30:00Z", "what": "downloaded your resume", "by": "a member of Portals Ltd's team"}]
                """)));
        HttpResponse<String> data = candidate.page("portal-data", "/portal/data");
        assertThat(data.body())
                .contains("<h1>Your data</h1>", "must answer within one month", "Delete my data", "Stop using my data")
                .contains("4 Jan 2027", "Not answered yet")
                .contains("A member of Portals Ltd&#39;s team downloaded your resume.")
                .contains("aria-current=\"page\" class=\"current\">Your data<")
                .doesNotContain("aria-current=\"page\" class=\"current\">My applications<");
        services.stubFor(post(urlPathEqualTo("/api/v1/portal/privacy-requests"))
                .willReturn(aResponse()
                        .withStatus(201)
                        .withHeader("Content-Type", "application/json")
                        .withBody("""
                                {"id": "67676767-6767-4767-8767-676767676767", "type": "RESTRICTION", "status": "OPEN",
                                 "receivedAt": "2026-12-06T10:00:00Z", "dueAt": "2027-01-06T10:00:00Z", "completedAt": null,
                                 "overdue": false, "resolution": null, "stale": false}""")));
        HttpResponse<String> sent = candidate.send(
                Browser.form("/portal/data/requests", Map.of("type", "RESTRICTION", "details", "While I dispute it."))
                        .header("HX-Request", "true")
                        .header("X-CSRF-TOKEN", candidate.csrf));
        assertThat(sent.headers().firstValue("Location")).hasValue("/portal/data");
        services.verify(postRequestedFor(urlPathEqualTo("/api/v1/portal/privacy-requests"))
                .withRequestBody(equalToJson("{\"type\": \"RESTRICTION\", \"details\": \"While I dispute it.\"}")));
    }

    @Test
    void theJobPagesShowTheReviewAndTheExplainedShortlistAndSendWhatTheRecruiterDecides() throws Exception {
        Browser browser = Browser.signedIn(newOrganisation("Jobs Ltd", "Jo Jobs"));

        HttpResponse<String> jobs = browser.page("jobs", "/jobs");
        assertThat(jobs.body())
                .contains("2</span> job(s)", "Senior Backend Engineer (Java)", "Acme GmbH")
                .contains(
                        "Berlin, Germany; ",
                        "Netherlands",
                        ">Hybrid<",
                        ">Senior<",
                        ">Open<",
                        ">22 Nov 2026, 10:15 UTC<");

        HttpResponse<String> job = browser.page("job", "/jobs/" + JOB);
        assertThat(job.body())
                .contains("<h1>Senior Backend Engineer (Java)</h1>", "Original posting", "Ad review")
                .contains("<strong>71</strong>/100 for the ad", "Completeness", "24/30", "Missing: benefits")
                .contains("Keyword coverage", "Inclusive language")
                .contains(">Apache Kafka<", ">Kubernetes (nice to have)<")
                .contains("The ranking model&#39;s weights (v1), relative, 0–10.", "Blind review is off.")
                .contains(">Required skills<", ">Job title<", ">Overall fit (semantic)<", ">Salary<")
                // relative to the heaviest (0.3, shown at 10): salary's 0.05 is 1.7, location's 0.1 is 3.3
                .contains("name=\"requiredSkills\"", "value=\"10.0\"", "name=\"salary\"", "value=\"1.7\"")
                .contains("name=\"location\"", "value=\"3.3\"")
                .contains("We build payment services in Java and Kafka.");

        HttpResponse<String> shortlist = browser.fragment("job-shortlist", "/jobs/" + JOB + "/shortlist");
        assertThat(shortlist.body())
                .contains("<span>2</span> of <span>12</span> candidates shown", "match-ranker v1", "text-embedding v1")
                .contains(">Priya Sharma<", ">Backend Engineer<", ">7.5 years<", ">2 resumes<", ">82<")
                .contains(">✓ Java<", ">✗ Apache Kafka<", ">+ Kubernetes<")
                .contains(">Required skills<", "67%", "30%", "2 of 3 required skills", "does not apply")
                .contains("Built payment services in Java 21")
                .contains(">Jon Doe<", ">41<")
                // Priya is in the pipeline already; Jon can be added
                .contains("In the pipeline: Screening", "Add to job")
                .doesNotContain("Reveal name");

        HttpResponse<String> questions = browser.fragment("job-questions", "/jobs/" + JOB + "/questions");
        assertThat(questions.body())
                .contains("value=\"Which payment systems have you built?\"", "Save questions", "name=\"question1\"");

        // The board: a column per stage, each card movable by its list (every reason a rejection of its own).
        HttpResponse<String> board = browser.fragment("job-board", "/jobs/" + JOB + "/board");
        assertThat(board.body())
                .contains(">Applied<", ">Screening<", ">Rejected<", ">Priya Sharma<", "since 3 Dec")
                .contains("Rejected: Not enough experience", "Rejected: Skills do not match", "Undo last move")
                .contains("Nobody here.");
        HttpResponse<String> moved = browser.post(
                "job-board-move",
                "/jobs/" + JOB + "/board/move",
                Map.of(
                        "applicationId", "77777777-7777-4777-8777-777777777771",
                        "target", "66666666-6666-4666-8666-666666666666::Skills do not match"));
        assertThat(moved.statusCode()).isEqualTo(200);
        services.verify(
                postRequestedFor(urlPathEqualTo("/api/v1/applications/77777777-7777-4777-8777-777777777771/move"))
                        .withRequestBody(equalToJson("{\"stageId\": \"66666666-6666-4666-8666-666666666666\","
                                + " \"reason\": \"Skills do not match\"}")));

        HttpResponse<String> weights = browser.post(
                "job-weights",
                "/jobs/" + JOB + "/weights",
                Map.of("requiredSkills", "5", "niceToHaveSkills", "0", "salary", "0.5", "save", "1"));
        assertThat(weights.body()).contains("Weights set for this job (relative, 0–10).", ">Priya Sharma<");
        services.verify(putRequestedFor(urlPathEqualTo("/api/v1/matches/jobs/" + JOB + "/settings"))
                .withRequestBody(equalToJson(
                        "{\"blind\": null, \"weights\": {\"requiredSkills\": 5.0, \"niceToHaveSkills\": 0.0,"
                                + " \"salary\": 0.5}}")));

        HttpResponse<String> blind = browser.post("job-blind", "/jobs/" + JOB + "/blind", Map.of("blind", "true"));
        assertThat(blind.body())
                .contains("Blind review is on: names stay hidden until you reveal one.", "Show names")
                .contains("hx-swap-oob=\"true\"");
        services.verify(putRequestedFor(urlPathEqualTo("/api/v1/matches/jobs/" + JOB + "/settings"))
                .withRequestBody(equalToJson("{\"blind\": true, \"weights\": null}")));

        HttpResponse<String> added =
                browser.post("job-add", "/jobs/" + JOB + "/add", Map.of("candidateId", OTHER_CANDIDATE));
        assertThat(added.body()).contains("In the pipeline: Applied");
        assertThat(added.headers().firstValue("HX-Trigger")).contains("board-changed");
        services.verify(postRequestedFor(urlPathEqualTo("/api/v1/applications"))
                .withRequestBody(equalToJson("{\"candidateId\": \"" + OTHER_CANDIDATE + "\", \"jobId\": \"" + JOB
                        + "\", \"source\": \"MATCHING\"}")));

        // A reveal shows the ranking again, the line with its name.
        HttpResponse<String> revealed =
                browser.post("job-reveal", "/jobs/" + JOB + "/reveal", Map.of("candidateId", OTHER_CANDIDATE));
        assertThat(revealed.body()).contains(">Jon Doe<", "candidates shown");
        services.verify(postRequestedFor(urlPathEqualTo("/api/v1/matches/reveal"))
                .withRequestBody(
                        equalToJson("{\"jobId\": \"" + JOB + "\", \"candidateId\": \"" + OTHER_CANDIDATE + "\"}")));

        // A job not analysed yet: no review, no settings, and the shortlist says why it is not there.
        HttpResponse<String> newJob = browser.page("job-new", "/jobs/" + NEW_JOB);
        assertThat(newJob.body()).contains("Not analysed yet.").doesNotContain("What matters for this job");
        HttpResponse<String> notYet = browser.fragment("job-new-shortlist", "/jobs/" + NEW_JOB + "/shortlist");
        assertThat(notYet.body())
                .contains("The job is still being analysed.", "The list appears by itself when it is ready.");

        HttpResponse<String> home = browser.page("home", "/");
        assertThat(home.body())
                .contains("Resumes received", "Resumes needing OCR", "Open jobs")
                .contains("Matching has <strong>11</strong> of <span>12</span> resumes")
                .contains("<span>4</span> jobs searchable", "READY", ", 2 awaiting semantic vectors")
                .contains("Newest open jobs", "Data Analyst");
    }

    @Test
    void anyoneReadsTheCareerSiteAndApplies() throws Exception {
        Browser anonymous = new Browser();
        HttpResponse<String> site = anonymous.page("careers", "/careers/" + CAREER_ORG);
        assertThat(site.body()).contains("Open positions", "Senior Backend Engineer (Java)", ">Hybrid<");
        HttpResponse<String> job = anonymous.page("career-job", "/careers/" + CAREER_ORG + "/jobs/" + JOB);
        assertThat(job.body())
                .contains("<script type=\"application/ld+json\">", "\"@type\":\"JobPosting\"")
                // the posting's text cannot end the script element
                .doesNotContain("</script><script>alert(1)")
                .contains("\\u003c/script>")
                .contains("Acme processes your application to assess it.", "name=\"noticeVersion\" value=\"2\"")
                .contains("name=\"website\"", "name=\"consent\"", "Send my application")
                .contains("Which payment systems have you built?", "name=\"answers\"")
                .doesNotContain("Sign out");
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(job.body());
        assertThat(csrf.find()).isTrue();

        HttpResponse<String> refused = anonymous.apply(
                "career-refused", JOB, csrf.group(1), "Ana Lima", "cv.exe", "MZ-not-a-resume".getBytes());
        assertThat(refused.body()).contains("The file is not a resume format.", "value=\"Ana Lima\"");
        HttpResponse<String> applied =
                anonymous.apply("career-applied", JOB, csrf.group(1), "Ana Lima", "ana.pdf", "%PDF-1.4 Ana".getBytes());
        assertThat(applied.body())
                .contains("Thank you: we received your application.")
                .doesNotContain("Send my application");
        services.verify(
                postRequestedFor(urlPathEqualTo("/api/v1/careers/" + CAREER_ORG + "/jobs/" + JOB + "/applications"))
                        .withRequestBody(containing("ana@lima.example"))
                        .withRequestBody(containing("%PDF-1.4 Ana")));
    }

    @Test
    void theCandidatePagesShowTheProfileItsJobsAndAnAtsReportAndUploadAFile() throws Exception {
        Browser browser = Browser.signedIn(newOrganisation("Candidates Ltd", "Cat Candidates"));

        HttpResponse<String> list = browser.page("candidates", "/candidates");
        assertThat(list.body())
                .contains("3</span> resume(s)", ">priya-sharma.pdf<", ">Parsed<", ">Needs OCR<")
                .contains("The PDF holds only images", ">Email<", ">Upload<", ">22 Nov 2026, 09:30 UTC<");

        HttpResponse<String> resume = browser.page("candidate", "/candidates/" + RESUME);
        assertThat(resume.body())
                // headed by the person as corrected in the pipeline
                .contains("<h1>Priya Sharma-Rao</h1>", "parsed in 412 ms by parser 1.4.0", "Download the original")
                .contains(">priya@sharma.example<", ">+49 30 1234567<", ">Berlin, Germany<", ">7.3 years<")
                .contains(">2 jobs<", ">1 entry<", ">2 skills<", ">English, German<", ">95%<", ">check<")
                // a job the resume gives no title keeps its dates, without a made-up "Role"
                .contains(">Backend Engineer<", "at Paynow", "2020-01 – now", "2017-03 – 2019-12")
                .doesNotContain(">Role<")
                .contains(">MSc<", "> in Computer Science, TU Berlin<", ">2017<", ">Java ×3<", ">PostgreSQL<")
                .contains("Senior Backend Engineer (Java) · Acme GmbH", ">Data Analyst<")
                // what the resume names beyond its history, to check; a kind with nothing says nothing
                .contains(">Also mentioned<", "<dt>Employers</dt><dd>Globex</dd>", "<dt>Places</dt><dd>Hamburg</dd>")
                .doesNotContain("<dt>Titles</dt>", "<dt>Schools</dt>");
        assertThat(resume.body()).contains("Download anonymised");

        // The blind copy: the original, through the privacy service's document anonymiser, under its name.
        services.stubFor(get(urlPathEqualTo("/api/v1/resumes/" + RESUME + "/original"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/pdf")
                        .withHeader("Content-Disposition", "attachment; filename=\"priya-sharma.pdf\"")
                        .withBody("%PDF-1.7 Priya Sharma")));
        services.stubFor(post(urlPathEqualTo("/api/v1/privacy/anonymize/document"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/pdf")
                        .withHeader("Content-Disposition", "attachment; filename=\"anonymised.pdf\"")
                        .withBody("%PDF-1.7 blacked out")));
        HttpResponse<String> blind = browser.page("candidate-anonymised", "/candidates/" + RESUME + "/anonymised");
        assertThat(blind.statusCode()).isEqualTo(200);
        assertThat(blind.body()).isEqualTo("%PDF-1.7 blacked out");
        assertThat(blind.headers().firstValue("Content-Disposition"))
                .hasValueSatisfying(
                        d -> assertThat(d).contains("anonymised.pdf").doesNotContain("priya"));
        services.verify(postRequestedFor(urlPathEqualTo("/api/v1/privacy/anonymize/document"))
                .withRequestBody(containing("%PDF-1.7 Priya Sharma")));
        services.stubFor(post(urlPathEqualTo("/api/v1/privacy/anonymize/document"))
                .willReturn(aResponse()
                        .withStatus(415)
                        .withHeader("Content-Type", "application/problem+json")
                        .withBody("{\"status\":415}")));
        HttpResponse<String> refused =
                browser.send(HttpRequest.newBuilder(Browser.uri("/candidates/" + RESUME + "/anonymised")));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("only readable PDF and Word (.docx) files can be");

        HttpResponse<String> received = browser.page("candidate-received", "/candidates/" + RECEIVED_RESUME);
        assertThat(received.body())
                .contains("<h1>No name on the resume</h1>", ">new.docx<", "Parsing… this page updates when it is done.")
                .contains(">Word document<")
                .doesNotContain("Profile");

        // The person behind the resume: applications, fields beside what the parser read, tags, notes.
        HttpResponse<String> person = browser.fragment("candidate-person", "/candidates/" + RESUME + "/person");
        assertThat(person.body())
                .contains(">Senior Backend Engineer (Java)<", ">Screening<", "Rejected: Not enough experience")
                .contains("value=\"Priya Sharma-Rao\"", "corrected; the parser read: Priya Sharma")
                .contains(">Silver medallist<", "Strong on payments; ask about Kafka.", ">Jo Jobs<")
                .contains("Mention colleagues", ">Cat Candidates<")
                .contains("Scorecards (1) · overall 4.0 of 4", "Clear on payments.", "Your scorecard for Screening")
                .contains(">Data Analyst<") // an open job to add them to
                // shared with the job's client, blind, and what the client said
                .contains("Shared with Harbour &amp; Co (blind)", "Show the name", "Stop sharing")
                .contains("asks for an interview", "Let&#39;s meet her.", "Cleo Harbour (Harbour &amp; Co)");
        HttpResponse<String> corrected = browser.post(
                "candidate-correct",
                "/candidates/people/" + CANDIDATE + "/fields",
                Map.of("name", "Priya Sharma-Rao", "email", "priya@sharma.example", "phone", "+49 30 7654321"));
        assertThat(corrected.body()).contains("Saved.");
        services.verify(patchRequestedFor(urlPathEqualTo("/api/v1/candidates/" + CANDIDATE))
                .withRequestBody(equalToJson("{\"phone\": \"+49 30 7654321\"}")));

        // People, searched by what they are (not by file name).
        HttpResponse<String> people = browser.fragment("candidates-people", "/candidates/people?q=priya&skill=java");
        assertThat(people.body())
                .contains("<span>1</span> people", ">Priya Sharma-Rao<", ">Silver medallist<", "data-label=\"Skills\"");
        services.verify(getRequestedFor(urlPathEqualTo("/api/v1/candidates"))
                .withQueryParam("q", equalTo("priya"))
                .withQueryParam("skill", equalTo("java")));

        HttpResponse<String> matches = browser.fragment("candidate-matches", "/candidates/" + RESUME + "/matches");
        assertThat(matches.body())
                .contains(">Senior Backend Engineer (Java)<", ">82<", ">Acme GmbH<", ">✓ Java<", ">✗ Apache Kafka<");

        HttpResponse<String> ats =
                browser.post("candidate-ats", "/candidates/" + RESUME + "/ats", Map.of("jobId", JOB));
        assertThat(ats.body())
                .contains("<strong>64</strong>/100 for <span>Senior Backend Engineer (Java)</span>")
                .contains(">Skills<", ">30/50<", "2 of 3 weighted skills", ">Job title<", ">✗ Apache Kafka<")
                .contains(">Suggestions<", ">Name Apache Kafka if you have used it<");
        services.verify(postRequestedFor(urlPathEqualTo("/api/v1/resumes/optimize"))
                .withRequestBody(matchingJsonPath("$.resumeId", equalTo(RESUME)))
                .withRequestBody(matchingJsonPath("$.jobId", equalTo(JOB)))
                .withRequestBody(matchingJsonPath("$.jobTitle", equalTo("Senior Backend Engineer (Java)")))
                .withRequestBody(matchingJsonPath("$.jobText", containing("We build payment services"))));

        HttpResponse<String> upload = browser.upload("/candidates/upload", "cv.pdf", "%PDF-1.4 a resume".getBytes());
        assertThat(upload.statusCode()).isEqualTo(202);
        assertThat(upload.body())
                .contains("\"id\":\"22222222-2222-4222-8222-222222222226\"", "\"status\":\"RECEIVED\"")
                .contains("\"duplicate\":false", "\"fileName\":\"cv.pdf\"");
        services.verify(postRequestedFor(urlPathEqualTo("/api/v1/resumes/upload"))
                .withHeader("Content-Type", containing("multipart/form-data"))
                .withRequestBody(containing("filename=\"cv.pdf\""))
                .withRequestBody(containing("%PDF-1.4 a resume"))
                .withRequestBody(containing("UPLOAD")));

        // One row again, as the list asks for it when its resume changes (live).
        HttpResponse<String> row = browser.fragment("candidates-row", "/candidates/" + RECEIVED_RESUME + "/row");
        assertThat(row.body()).contains(">new.docx<", ">Received<", "id=\"resume-" + RECEIVED_RESUME + "\"");
    }

    @Test
    void theAdminPagesShowSourcesModelsAndUsers() throws Exception {
        String admin = newOrganisation("Admins Ltd", "Ari Admin");
        Browser browser = Browser.signedIn(admin);

        HttpResponse<String> sources = browser.page("sources", "/sources");
        assertThat(sources.body())
                .contains(">Acme careers<", ">acme<", ">Greenhouse<", ">Healthy<", ">22 Nov 2026, 10:00 UTC<")
                .contains(">Beta feed<", "https://beta.example/jobs.rss", ">Failing<", "The feed answered 404")
                .contains("/crawls/" + CRAWL);
        HttpResponse<String> crawl = browser.fragment("sources-crawl", "/crawls/" + CRAWL);
        assertThat(crawl.body()).contains(">Succeeded<", "12 found, 2 new, 1 updated, 1 rejected");
        HttpResponse<String> crawlNow = browser.post("sources-crawl-now", "/sources/" + SOURCE + "/crawl", Map.of());
        assertThat(crawlNow.body()).contains(">Succeeded<");
        services.verify(postRequestedFor(urlPathEqualTo("/api/v1/jobs/ingest"))
                .withRequestBody(equalToJson("{\"sourceId\": \"" + SOURCE + "\"}")));
        HttpResponse<String> added = browser.post(
                "sources-added",
                "/sources",
                Map.of("name", "Gamma", "kind", "LEVER", "board", " gamma ", "url", "", "scheduleMinutes", "60"));
        assertThat(added.body()).contains("Added Gamma. Crawl it now, or wait for its schedule.");
        services.verify(postRequestedFor(urlPathEqualTo("/api/v1/jobs/sources"))
                .withRequestBody(matchingJsonPath("$.name", equalTo("Gamma")))
                .withRequestBody(matchingJsonPath("$.kind", equalTo("LEVER")))
                .withRequestBody(matchingJsonPath("$.board", equalTo("gamma")))
                .withRequestBody(matchingJsonPath("$.scheduleMinutes", equalTo("60"))));

        // A refused source: the reason above the list, which stays.
        services.stubFor(post(urlPathEqualTo("/api/v1/jobs/sources"))
                .withRequestBody(containing("Broken"))
                .atPriority(1)
                .willReturn(problem(400, "validation", "The request has 1 invalid field(s).")));
        HttpResponse<String> refusedSource = browser.post(
                "sources-refused", "/sources", Map.of("name", "Broken", "kind", "FEED", "url", "ftp://x.example"));
        assertThat(refusedSource.body())
                .contains("id=\"source-error\"", "invalid field")
                .contains(">Acme careers<", ">Beta feed<");

        // The pipeline's stages: renamed and a new one added, in the order the numbers say.
        services.stubFor(
                com.github.tomakehurst.wiremock.client.WireMock.put(urlPathEqualTo("/api/v1/applications/stages"))
                        .willReturn(okJson(answer("applications-stages"))));
        HttpResponse<String> stages = browser.page("stages", "/stages");
        assertThat(stages.body())
                .contains("value=\"Screening\"", "Hired (ends an application)", "Not enough experience", "Save stages");
        Map<String, String> stageForm = new java.util.LinkedHashMap<>();
        String[][] rows = {
            {"66666666-6666-4666-8666-666666666661", "Applied", "APPLIED", "0"},
            {"66666666-6666-4666-8666-666666666662", "Phone screen", "SCREENING", "1"},
            {"66666666-6666-4666-8666-666666666663", "Interview", "INTERVIEW", "3"},
            {"66666666-6666-4666-8666-666666666664", "Offer", "OFFER", "4"},
            {"66666666-6666-4666-8666-666666666665", "Hired", "HIRED", "5"},
            {"66666666-6666-4666-8666-666666666666", "Rejected", "REJECTED", "6"},
            {"66666666-6666-4666-8666-666666666667", "Withdrawn", "WITHDRAWN", "7"},
            {"", "Technical test", "INTERVIEW", "2"}
        };
        for (int i = 0; i < rows.length; i++) {
            stageForm.put("id" + i, rows[i][0]);
            stageForm.put("name" + i, rows[i][1]);
            stageForm.put("category" + i, rows[i][2]);
            stageForm.put("order" + i, rows[i][3]);
        }
        stageForm.put("reasons", "Too junior\nNo work permit");
        stageForm.put("_csrf", browser.csrf);
        HttpResponse<String> savedStages =
                Browser.kept("stages-saved", browser.send(Browser.form("/stages", stageForm)));
        assertThat(savedStages.body()).contains("Saved.");
        services.verify(com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor(
                        urlPathEqualTo("/api/v1/applications/stages"))
                .withRequestBody(matchingJsonPath("$.stages[1].name", equalTo("Phone screen")))
                .withRequestBody(matchingJsonPath("$.stages[2].name", equalTo("Technical test")))
                .withRequestBody(matchingJsonPath("$.stages[5].category", equalTo("HIRED")))
                .withRequestBody(matchingJsonPath("$.rejectionReasons[1]", equalTo("No work permit"))));

        HttpResponse<String> models = browser.page("models", "/models");
        assertThat(models.body())
                .contains(">text-embedding<", "Sentence embeddings", "champion → v1", "challenger → v2", ">v2<")
                .contains(">match-ranker<");
        HttpResponse<String> model = browser.page("model", "/models/text-embedding");
        assertThat(model.body())
                .contains(
                        "<h1>text-embedding</h1>",
                        ">champion<",
                        ">v1<",
                        ">22 Nov 2026, 10:00 UTC<",
                        ">OpenHire (first start)<")
                .contains(
                        ">bge-small-en-v1.5<",
                        "huggingface:BAAI/bge-small-en-v1.5",
                        ">onnx<",
                        ">23 Nov 2026, 10:00 UTC<")
                .contains("Promote: v2", "try the new one", "first start");

        HttpResponse<String> users = browser.page("users", "/users");
        assertThat(users.body()).contains(">Ari Admin<", ">" + admin + "<", ">Admin<", ">Active<", "Admins Ltd");

        // Templates: the list with each one's variables; a new one is sent to communication as written, and
        // communication's refusal comes back beside the form as written.
        String template = """
                {"id":"33333333-3333-4333-8333-333333333333","version":2,"name":"Next steps","channel":"EMAIL",
                 "language":"en","kind":"TRANSACTIONAL","subject":"Your application: {{job.title}}",
                 "body":"Hello {{candidate.firstName}},\\nthank you.","variables":["job.title","candidate.firstName"],
                 "updatedBy":"user:1","updatedAt":"2026-12-01T10:00:00Z"}""";
        services.stubFor(
                get(urlPathEqualTo("/api/v1/communications/templates")).willReturn(okJson("[" + template + "]")));
        services.stubFor(post(urlPathEqualTo("/api/v1/communications/templates"))
                .withRequestBody(matchingJsonPath("$.body", containing("{{candidate.shoeSize}}")))
                .atPriority(1)
                .willReturn(aResponse()
                        .withStatus(400)
                        .withHeader("Content-Type", "application/problem+json")
                        .withBody("{\"title\":\"Invalid\",\"status\":400,\"detail\":"
                                + "\"Unknown variable(s) [candidate.shoeSize]: use [candidate.firstName, …] or your own,"
                                + " named custom.something\"}")));
        services.stubFor(post(urlPathEqualTo("/api/v1/communications/templates"))
                .atPriority(5)
                .willReturn(aResponse()
                        .withStatus(201)
                        .withHeader("Content-Type", "application/json")
                        .withBody(template.replace("Next steps", "Rejection")
                                .replace("\"version\":2", "\"version\":1"))));
        HttpResponse<String> templates = browser.page("templates", "/templates");
        assertThat(templates.body())
                .contains(">Next steps<", "Your application: {{job.title}}", "{{candidate.firstName}}", ">2<")
                .contains("New template");
        HttpResponse<String> created = browser.post(
                "template-created",
                "/templates",
                Map.of(
                        "name",
                        "Rejection",
                        "language",
                        "en",
                        "kind",
                        "TRANSACTIONAL",
                        "subject",
                        "About {{job.title}}",
                        "body",
                        "Hello {{candidate.firstName}}, we chose another candidate."));
        assertThat(created.body()).contains("Saved &quot;Rejection&quot; (version 1).");
        services.verify(postRequestedFor(urlPathEqualTo("/api/v1/communications/templates"))
                .withRequestBody(matchingJsonPath("$.name", equalTo("Rejection")))
                .withRequestBody(matchingJsonPath("$.channel", equalTo("EMAIL"))));
        HttpResponse<String> refused = browser.post(
                "template-refused", "/templates", Map.of("name", "Odd", "body", "Hello {{candidate.shoeSize}}"));
        assertThat(refused.body()).contains("Unknown variable(s) [candidate.shoeSize]", "Hello {{candidate.shoeSize}}");

        // The organisation's own mail server: none yet; communication's refusal is shown with the form as typed
        // (never the password); accepted, it is described without its passwords.
        services.stubFor(get(urlPathEqualTo("/api/v1/communications/mail-account"))
                .willReturn(aResponse()
                        .withStatus(404)
                        .withHeader("Content-Type", "application/problem+json")
                        .withBody("{\"title\":\"Not Found\",\"status\":404}")));
        services.stubFor(
                put(urlPathEqualTo("/api/v1/communications/mail-account"))
                        .withRequestBody(matchingJsonPath("$.smtpPassword", equalTo("wrong-secret")))
                        .atPriority(1)
                        .willReturn(
                                aResponse()
                                        .withStatus(422)
                                        .withHeader("Content-Type", "application/problem+json")
                                        .withBody(
                                                "{\"title\":\"The mail server did not accept the settings\",\"status\":422,"
                                                        + "\"detail\":\"The SMTP server refused the user name or password. Nothing was saved.\"}")));
        services.stubFor(put(urlPathEqualTo("/api/v1/communications/mail-account"))
                .atPriority(5)
                .willReturn(okJson("""
                        {"smtpHost":"smtp.admins.example","smtpPort":587,"smtpUser":"jobs","smtpPasswordSet":true,
                         "from":"Admins Ltd <jobs@admins.example>","replyTo":null,"imapHost":null,"imapPort":null,
                         "imapUser":null,"imapPasswordSet":false,"tls":true,"updatedBy":"user:1",
                         "updatedAt":"2026-12-05T10:00:00Z","lastError":null,"lastErrorAt":null}""")));
        assertThat(browser.page("mail-server", "/mail-server").body())
                .contains("OpenHire's mail server", "Check and save");
        Map<String, String> form = new LinkedHashMap<>(Map.of(
                "from", "Admins Ltd <jobs@admins.example>",
                "smtpHost", "smtp.admins.example",
                "smtpPort", "587",
                "smtpUser", "jobs",
                "smtpPassword", "wrong-secret",
                "tls", "true"));
        HttpResponse<String> wrong = browser.post("mail-server-refused", "/mail-server", form);
        assertThat(wrong.body())
                .contains("The SMTP server refused the user name or password. Nothing was saved.")
                .contains("value=\"smtp.admins.example\"")
                .doesNotContain("wrong-secret");
        form.put("smtpPassword", "the-right-secret");
        HttpResponse<String> saved = browser.post("mail-server-saved", "/mail-server", form);
        assertThat(saved.body())
                .contains("Saved: your email now leaves through smtp.admins.example.", "(password stored)")
                .doesNotContain("the-right-secret");
        services.verify(putRequestedFor(urlPathEqualTo("/api/v1/communications/mail-account"))
                .withRequestBody(matchingJsonPath("$.from", equalTo("Admins Ltd <jobs@admins.example>")))
                .withRequestBody(matchingJsonPath("$.tls", equalTo("true"))));
    }

    /**
     * The main pages in Chromium, a screenshot of each: the pages load their parts (shortlist, matching
     * jobs, crawl progress) with htmx, and the scripts and styles are allowed by the content security policy.
     */
    @Test
    void theMainPagesInARealBrowser() throws Exception {
        Assumptions.assumeTrue(
                Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "no browser: install Debian's chromium and chromium-driver to see the pages in a real browser");
        String admin = newOrganisation("Screens Ltd", "Sid Screens");
        Files.createDirectories(SCREENSHOTS);
        WebDriver browser = chromium();
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        try {
            browser.get(dashboard.url() + "/login");
            browser.findElement(By.id("email")).sendKeys(admin);
            browser.findElement(By.id("password")).sendKeys(PASSWORD);
            browser.findElement(By.cssSelector("form button[type=submit]")).click();
            wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Overview"));
            screenshot(browser, "overview");

            browser.get(dashboard.url() + "/jobs");
            wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Jobs"));
            screenshot(browser, "jobs");

            browser.get(dashboard.url() + "/jobs/" + JOB);
            wait.until(
                    d -> d.findElements(By.cssSelector("#shortlist li.match")).size() == 2);
            WebElement top = browser.findElement(By.cssSelector("#shortlist li.match"));
            top.findElement(By.cssSelector("details.why summary")).click();
            WebElement breakdown = wait.until(d -> top.findElement(By.cssSelector("table.breakdown")));
            assertThat(breakdown.getText()).contains("Required skills", "67%", "Overall fit (semantic)");
            screenshot(browser, "job-shortlist-explained");

            browser.get(dashboard.url() + "/candidates");
            wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Candidates"));
            screenshot(browser, "candidates");

            browser.get(dashboard.url() + "/candidates/" + RESUME);
            wait.until(d -> d.findElements(By.cssSelector(".compact-list li a")).size() == 1);
            new Select(browser.findElement(By.id("ats-job"))).selectByValue(JOB);
            browser.findElement(By.cssSelector("#ats-title ~ form button[type=submit]"))
                    .click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("ats"), "Suggestions"));
            screenshot(browser, "candidate-profile-and-ats");

            browser.get(dashboard.url() + "/sources");
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("crawl-" + SOURCE), "12 found"));
            screenshot(browser, "sources");

            browser.get(dashboard.url() + "/models");
            wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Models"));
            screenshot(browser, "models");
            browser.get(dashboard.url() + "/models/text-embedding");
            wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "text-embedding"));
            screenshot(browser, "model");

            browser.get(dashboard.url() + "/users");
            wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Users of your organisation"));
            screenshot(browser, "users");
        } catch (RuntimeException | AssertionError e) {
            screenshot(browser, "failure");
            throw e;
        } finally {
            browser.quit();
        }
    }

    static WebDriver chromium() throws IOException {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // As root in a container, without the network: no sandbox, no background connections.
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--window-size=1280,1400",
                "--user-data-dir=" + Files.createTempDirectory("dashboard-chromium"));
        ChromeDriverService driver = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        return new ChromeDriver(driver, options);
    }

    static void screenshot(WebDriver browser, String name) {
        try {
            byte[] png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
            Files.write(SCREENSHOTS.resolve("dashboard-" + name + ".png"), png);
        } catch (IOException | RuntimeException e) {
            // a missing screenshot must not hide the assertion that failed
        }
    }

    /** A signed-in browser without a browser: cookies, the CSRF token for forms, the HTML of each page kept. */
    static final class Browser {
        final HttpClient http = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        String csrf;

        static Browser signedIn(String email) throws Exception {
            return signedIn(email, "/");
        }

        /** Signed in, the CSRF token read from {@code home} (clients and candidates have their own). */
        static Browser signedIn(String email, String home) throws Exception {
            Browser browser = new Browser();
            HttpResponse<String> login = browser.send(HttpRequest.newBuilder(uri("/login")));
            Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(login.body());
            assertThat(token.find()).isTrue();
            HttpResponse<String> signedIn =
                    browser.send(form("/login", Map.of("_csrf", token.group(1), "email", email, "password", PASSWORD)));
            assertThat(signedIn.headers().firstValue("Location")).hasValue("/");
            Matcher meta = Pattern.compile("name=\"csrf-token\" content=\"([^\"]+)\"")
                    .matcher(browser.send(HttpRequest.newBuilder(uri(home))).body());
            assertThat(meta.find()).isTrue();
            browser.csrf = meta.group(1);
            return browser;
        }

        /** A whole page, as a link or a reload asks for it. */
        HttpResponse<String> page(String name, String path) throws Exception {
            return kept(name, send(HttpRequest.newBuilder(uri(path))));
        }

        /** A part of a page, as htmx asks for it. */
        HttpResponse<String> fragment(String name, String path) throws Exception {
            return kept(name, send(HttpRequest.newBuilder(uri(path)).header("HX-Request", "true")));
        }

        /** A form htmx sends, with the CSRF token in its header. */
        HttpResponse<String> post(String name, String path, Map<String, String> fields) throws Exception {
            return kept(
                    name, send(form(path, fields).header("HX-Request", "true").header("X-CSRF-TOKEN", csrf)));
        }

        /** One file as the upload area sends it. */
        HttpResponse<String> upload(String path, String fileName, byte[] content) throws Exception {
            String boundary = "dashboard-test-boundary";
            byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                            + "\"\r\nContent-Type: application/pdf\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8);
            byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
            byte[] body = new byte[head.length + content.length + tail.length];
            System.arraycopy(head, 0, body, 0, head.length);
            System.arraycopy(content, 0, body, head.length, content.length);
            System.arraycopy(tail, 0, body, head.length + content.length, tail.length);
            return send(HttpRequest.newBuilder(uri(path))
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .header("X-CSRF-TOKEN", csrf)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
        }

        /** The career site's apply form, as a browser sends it (multipart, the session's CSRF token). */
        HttpResponse<String> apply(
                String name, String jobId, String csrf, String applicant, String fileName, byte[] file)
                throws Exception {
            String boundary = "career-test-boundary";
            StringBuilder fields = new StringBuilder();
            for (String[] field : new String[][] {
                {"_csrf", csrf},
                {"name", applicant},
                {"email", "ana@lima.example"},
                {"consent", "true"},
                {"noticeVersion", "2"},
                {"website", ""}
            }) {
                fields.append("--")
                        .append(boundary)
                        .append("\r\nContent-Disposition: form-data; name=\"")
                        .append(field[0])
                        .append("\"\r\n\r\n")
                        .append(field[1])
                        .append("\r\n");
            }
            byte[] head = (fields + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"resume\"; filename=\""
                            + fileName + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8);
            byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
            java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
            body.writeBytes(head);
            body.writeBytes(file);
            body.writeBytes(tail);
            return kept(
                    name,
                    send(HttpRequest.newBuilder(uri("/careers/" + CAREER_ORG + "/jobs/" + jobId + "/apply"))
                            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))));
        }

        HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }

        static HttpResponse<String> kept(String name, HttpResponse<String> response) throws IOException {
            Files.writeString(PAGES.resolve(name + ".html"), response.body());
            assertThat(response.statusCode()).as(name + ": " + response.body()).isEqualTo(200);
            return response;
        }

        static HttpRequest.Builder form(String path, Map<String, String> fields) {
            StringBuilder body = new StringBuilder();
            fields.forEach((k, v) -> body.append(body.isEmpty() ? "" : "&")
                    .append(k)
                    .append('=')
                    .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
            return HttpRequest.newBuilder(uri(path))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        }

        static URI uri(String path) {
            return URI.create(dashboard.url() + path);
        }
    }
}

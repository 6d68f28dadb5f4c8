package io.openhire.dashboard;

import static com.github.tomakehurst.wiremock.client.WireMock.aMultipart;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.openhire.platform.test.TestHttp.bearer;
import static io.openhire.platform.test.TestHttp.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.openhire.identity.IdentityConfiguration;
import io.openhire.platform.test.TestHttp;
import io.openhire.platform.test.TestServices;
import io.openhire.platform.test.TestTokens;
import java.io.InputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dashboard's sign-in and session rules against a real identity service: the browser holds only a
 * session cookie; wrong passwords, forms without their CSRF token, fragments asked for after the session
 * ended, and a person disabled while signed in each get a clear answer; behind an HTTPS proxy the cookie is
 * Secure; clients and candidates open neither the staff pages nor the live stream; admins read the models
 * (from a stand-in model-registry) but do not change them, identity's bootstrap platform operator does. (The
 * pages themselves are tested in a real browser against the whole platform: the launcher's AllInOneIT.)
 */
class DashboardIT {

    static final String PASSWORD = "a long and private passphrase";
    /** The platform operator identity creates at start (its bootstrap operator), in an organisation of its own. */
    static final String OPERATOR = "olive@operators.test";

    static TestTokens tokens;
    static TestServices.Running identity;
    static TestServices.Running dashboard;
    static String adminToken;
    static WireMockServer modelRegistry;
    static WireMockServer training;

    @BeforeAll
    static void start() {
        tokens = new TestTokens();
        modelRegistry = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        modelRegistry.start();
        training = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        training.start();
        // Access tokens that need renewing on the next request (the dashboard renews a minute ahead).
        identity = TestServices.start(
                "identity",
                IdentityConfiguration.class,
                tokens,
                Map.of(
                        "openhire.identity.keys.master-key",
                        Base64.getEncoder().encodeToString(new byte[32]),
                        "openhire.identity.access-token-ttl",
                        "62s",
                        "openhire.identity.bootstrap-operator.email",
                        OPERATOR,
                        "openhire.identity.bootstrap-operator.password",
                        PASSWORD,
                        "openhire.identity.bootstrap-operator.name",
                        "Olive Operator",
                        "openhire.identity.bootstrap-operator.organization",
                        "Platform Ops"));
        dashboard = TestServices.start(
                "dashboard",
                DashboardConfiguration.class,
                tokens,
                Map.of(
                        "openhire.clients.services.identity.url",
                        identity.url(),
                        "openhire.security.jwk-set-uri",
                        identity.url() + "/.well-known/jwks.json",
                        "openhire.clients.services.model-registry.url",
                        modelRegistry.baseUrl(),
                        "openhire.clients.services.training.url",
                        training.baseUrl(),
                        // no monitoring here (nothing listens on port 1): the System page says it cannot be reached
                        "openhire.clients.services.monitoring.url",
                        "http://127.0.0.1:1"));
        TestHttp api = new TestHttp(identity.url());
        // Sign-up answers 202 whether or not the address was free (it names no accounts): sign in to use it.
        assertThat(api.post(
                                "/api/v1/users/register",
                                map(
                                        "organization",
                                        "Pages Ltd",
                                        "name",
                                        "Ada Admin",
                                        "email",
                                        "ada@pages.test",
                                        "password",
                                        PASSWORD))
                        .status())
                .isEqualTo(202);
        adminToken = api.post("/api/v1/users/login", map("email", "ada@pages.test", "password", PASSWORD))
                .json()
                .get("access_token")
                .asString();
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
        if (modelRegistry != null) {
            modelRegistry.stop();
        }
        if (training != null) {
            training.stop();
        }
    }

    /** A person of the organisation with this role, added by its admin; their email. */
    static String person(String name, String role) {
        String email = name.toLowerCase().replace(' ', '.') + "@pages.test";
        TestHttp.Response created = new TestHttp(identity.url())
                .post(
                        "/api/v1/users",
                        map("name", name, "email", email, "role", role, "password", PASSWORD),
                        bearer(adminToken));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return email;
    }

    /** A browser: keeps cookies, does not follow redirects (the tests look at them). */
    static final class Browser {
        final HttpClient http = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();

        HttpResponse<String> get(String path, String... headers) throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(dashboard.url() + path));
            for (int i = 0; i + 1 < headers.length; i += 2) {
                request.header(headers[i], headers[i + 1]);
            }
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> post(String path, Map<String, String> form, String... headers) throws Exception {
            StringBuilder body = new StringBuilder();
            form.forEach((k, v) -> body.append(body.isEmpty() ? "" : "&")
                    .append(k)
                    .append('=')
                    .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(dashboard.url() + path))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
            for (int i = 0; i + 1 < headers.length; i += 2) {
                request.header(headers[i], headers[i + 1]);
            }
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }

        /** A form with a file, as htmx sends the training section's upload (multipart, the CSRF header). */
        HttpResponse<String> multipart(
                String path, Map<String, String> fields, String fileName, String content, String... headers)
                throws Exception {
            String boundary = "dashboard-it-boundary";
            StringBuilder body = new StringBuilder();
            fields.forEach((name, value) -> body.append("--")
                    .append(boundary)
                    .append("\r\nContent-Disposition: form-data; name=\"")
                    .append(name)
                    .append("\"\r\n\r\n")
                    .append(value)
                    .append("\r\n"));
            body.append("--")
                    .append(boundary)
                    .append("\r\nContent-Disposition: form-data; name=\"file\"; filename=\"")
                    .append(fileName)
                    .append("\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                    .append(content)
                    .append("\r\n--")
                    .append(boundary)
                    .append("--\r\n");
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(dashboard.url() + path))
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
            for (int i = 0; i + 1 < headers.length; i += 2) {
                request.header(headers[i], headers[i + 1]);
            }
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }

        String csrf(String page) throws Exception {
            Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"")
                    .matcher(get(page).body());
            assertThat(token.find()).isTrue();
            return token.group(1);
        }

        HttpResponse<String> signIn(String email, String password) throws Exception {
            return post("/login", Map.of("_csrf", csrf("/login"), "email", email, "password", password));
        }
    }

    @Test
    void pagesAskToSignInAndAWrongPasswordSaysSo() throws Exception {
        Browser browser = new Browser();
        HttpResponse<String> page = browser.get("/jobs");
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location")).hasValue("/login");

        HttpResponse<String> fragment = browser.get("/jobs", "HX-Request", "true");
        assertThat(fragment.statusCode()).isEqualTo(401);
        assertThat(fragment.headers().firstValue("HX-Redirect")).hasValue("/login");
        assertThat(browser.get("/live", "Accept", "text/event-stream").statusCode())
                .isEqualTo(401);

        HttpResponse<String> login = browser.get("/login");
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.headers().firstValue("Content-Security-Policy").orElse(""))
                .contains("script-src 'self'");
        assertThat(login.body()).contains("name=\"_csrf\"").doesNotContain("access_token");

        HttpResponse<String> wrong = browser.signIn("ada@pages.test", "not it");
        assertThat(wrong.headers().firstValue("Location")).hasValue("/login?error");
        assertThat(browser.get("/login?error").body()).contains("Wrong email address or password.");
        assertThat(browser.get("/jobs").statusCode()).isEqualTo(302);
    }

    @Test
    void signedInThePagesCallServicesWithThePersonsTokenAndFormsNeedTheirCsrfToken() throws Exception {
        Browser browser = new Browser();
        assertThat(browser.get("/users").headers().firstValue("Location")).hasValue("/login");
        HttpResponse<String> signedIn = browser.signIn("ada@pages.test", PASSWORD);
        // Back to the page asked for before signing in, by path.
        assertThat(signedIn.headers().firstValue("Location").orElseThrow()).startsWith("/users");
        assertThat(signedIn.headers().allValues("Set-Cookie").toString())
                .contains("openhire_session=")
                .contains("HttpOnly")
                .doesNotContain("eyJ"); // no token in a cookie
        // Plain HTTP: no Secure (the browser would never send it back), no HSTS.
        assertThat(signedIn.headers().allValues("Set-Cookie").toString()).doesNotContain("Secure");
        assertThat(signedIn.headers().firstValue("Strict-Transport-Security")).isEmpty();

        HttpResponse<String> users = browser.get("/users");
        assertThat(users.statusCode()).isEqualTo(200);
        assertThat(users.body()).contains("ada@pages.test", "Ada Admin", "Pages Ltd");

        // A form without its CSRF token is refused, with a page that says so and changes nothing.
        HttpResponse<String> forged = browser.post(
                "/users", Map.of("name", "Eve", "email", "eve@pages.test", "role", "ADMIN"), "HX-Request", "true");
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.body()).doesNotContain("Exception").doesNotContain("at io.openhire");
        TestHttp api = new TestHttp(identity.url());
        assertThat(api.get("/api/v1/users?offset=0&limit=10", bearer(adminToken))
                        .body())
                .doesNotContain("eve@pages.test");

        // With the token (as htmx sends it), the same form adds the person; bad input gets the service's sentence.
        String csrf = browser.csrf("/login");
        HttpResponse<String> added = browser.post(
                "/users",
                Map.of("name", "Rae Recruiter", "email", "rae@pages.test", "role", "RECRUITER", "password", PASSWORD),
                "X-CSRF-TOKEN",
                csrf,
                "HX-Request",
                "true");
        assertThat(added.statusCode()).as(added.body()).isEqualTo(200);
        assertThat(added.body()).contains("Added Rae Recruiter");
        HttpResponse<String> invalid = browser.post(
                "/users",
                Map.of("name", "X", "email", "not an email", "role", "RECRUITER"),
                "X-CSRF-TOKEN",
                csrf,
                "HX-Request",
                "true");
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(invalid.body()).contains("email");

        // Signing out ends the session here and at identity.
        HttpResponse<String> out = browser.post("/logout", Map.of("_csrf", csrf));
        assertThat(out.headers().firstValue("Location")).hasValue("/login?logout");
        assertThat(browser.get("/users").statusCode()).isEqualTo(302);
    }

    @Test
    void signedInThroughAnHttpsProxyTheSessionCookieIsSecureAndTheAnswerSaysHttpsOnly() throws Exception {
        Browser browser = new Browser();
        // The gateway (here: the test, from loopback, a trusted proxy) says the browser used HTTPS.
        HttpResponse<String> signedIn = browser.post(
                "/login",
                Map.of("_csrf", browser.csrf("/login"), "email", "ada@pages.test", "password", PASSWORD),
                "X-Forwarded-Proto",
                "https");
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location")).hasValue("/");
        assertThat(signedIn.headers().allValues("Set-Cookie"))
                .anySatisfy(cookie -> assertThat(cookie)
                        .startsWith("openhire_session=")
                        .contains("; Secure")
                        .contains("HttpOnly"));
        assertThat(signedIn.headers().firstValue("Strict-Transport-Security"))
                .hasValueSatisfying(hsts -> assertThat(hsts).contains("max-age=31536000"));
    }

    @Test
    void clientsAndCandidatesOpenNeitherTheStaffPagesNorTheSystemPageNorTheLiveStream() throws Exception {
        String clientEmail = person("Cleo Client", "CLIENT");
        for (String email : new String[] {clientEmail, person("Cand Candidate", "CANDIDATE")}) {
            Browser browser = new Browser();
            assertThat(browser.signIn(email, PASSWORD).headers().firstValue("Location"))
                    .hasValue("/");

            // The start page sends each to their own portal (the menu there is checked in the browser flow), and
            // neither opens the other's portal nor the admins' clients.
            boolean client = email.equals(clientEmail);
            HttpResponse<String> home = browser.get("/");
            assertThat(home.statusCode()).as(email).isEqualTo(302);
            assertThat(home.headers().firstValue("Location")).hasValue(client ? "/client" : "/portal");
            assertThat(browser.get(client ? "/portal" : "/client").statusCode())
                    .as(email)
                    .isEqualTo(403);
            assertThat(browser.get("/clients").statusCode()).as(email).isEqualTo(403);

            HttpResponse<String> system = browser.get("/system");
            assertThat(system.statusCode()).as(email).isEqualTo(403);
            assertThat(system.body())
                    .contains("Not allowed", "Your role does not allow this.")
                    .doesNotContain("localhost")
                    .doesNotContain("identity");
            assertThat(browser.get("/system/health", "HX-Request", "true").statusCode())
                    .isEqualTo(403);
            assertThat(browser.get("/live", "Accept", "text/event-stream").statusCode())
                    .isEqualTo(403);
            for (String page : new String[] {
                "/candidates", "/jobs", "/sources", "/templates", "/notifications", "/pipeline", "/models", "/users"
            }) {
                assertThat(browser.get(page).statusCode())
                        .as(email + " " + page)
                        .isEqualTo(403);
            }
        }

        // An admin opens the System page (the monitoring service's view of it: SystemPageIT; here monitoring is not
        // running, and the page says so), never where the services live.
        Browser admin = new Browser();
        admin.signIn("ada@pages.test", PASSWORD);
        HttpResponse<String> system = admin.get("/system");
        assertThat(system.statusCode()).isEqualTo(200);
        assertThat(system.body())
                .contains("System health", "The monitoring service cannot be reached")
                .doesNotContain("http://");
        // Staff still get the live stream.
        HttpResponse<InputStream> live = admin.http.send(
                HttpRequest.newBuilder(URI.create(dashboard.url() + "/live"))
                        .header("Accept", "text/event-stream")
                        .build(),
                HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream stream = live.body()) {
            assertThat(live.statusCode()).isEqualTo(200);
        }
    }

    @Test
    void anAdminReadsTheModelsButOnlyAPlatformOperatorChangesThem() throws Exception {
        modelRegistry.stubFor(get(urlEqualTo("/api/v1/models/registered")).willReturn(okJson("""
                        [{"name": "text-embedding", "description": "Sentence embeddings", "task": "text-embedding",
                          "aliases": {"champion": 1}, "latestVersion": 2}]""")));
        modelRegistry.stubFor(get(urlEqualTo("/api/v1/models/text-embedding")).willReturn(okJson("""
                        {"name": "text-embedding", "description": "Sentence embeddings",
                         "aliases": {"champion": {"alias": "champion", "version": 1,
                                                  "updatedAt": "2026-11-22T10:00:00Z", "updatedBy": "system"}},
                         "versions": [{"version": 2, "status": "READY", "aliases": [], "format": "onnx", "tags": {},
                                       "lineage": null, "createdAt": "2026-11-23T10:00:00Z"},
                                      {"version": 1, "status": "READY", "aliases": ["champion"], "format": "onnx",
                                       "tags": {}, "lineage": null, "createdAt": "2026-11-22T10:00:00Z"}]}""")));
        modelRegistry.stubFor(
                get(urlPathEqualTo("/api/v1/models/text-embedding/history")).willReturn(okJson("""
                        {"model": "text-embedding", "alias": null, "at": null, "aliasesAt": null,
                         "changes": [{"id": 1, "model": "text-embedding", "changedAt": "2026-11-22T10:00:00Z",
                                      "alias": "champion", "action": "PROMOTE", "previousVersion": null,
                                      "version": 1, "actor": "system", "reason": "first start"}]}""")));
        // A service's refusal reaches the page as its sentence.
        modelRegistry.stubFor(get(urlEqualTo("/api/v1/models/private-model"))
                .willReturn(aResponse()
                        .withStatus(403)
                        .withHeader("Content-Type", "application/problem+json")
                        .withBody("""
                                {"type": "https://openhire.io/problems/forbidden", "title": "Forbidden",
                                 "status": 403, "detail": "Your role does not allow reading this model."}""")));

        Browser admin = new Browser();
        admin.signIn("ada@pages.test", PASSWORD);
        HttpResponse<String> list = admin.get("/models");
        assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
        assertThat(list.body()).contains("text-embedding", "platform operators manage them");

        HttpResponse<String> page = admin.get("/models/text-embedding");
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        assertThat(page.body())
                .contains("Platform operators manage models", "champion", "first start")
                .doesNotContain("/promote")
                .doesNotContain("/rollback");

        String csrf = admin.csrf("/login");
        HttpResponse<String> promote = admin.post(
                "/models/text-embedding/promote",
                Map.of("version", "2", "alias", "champion"),
                "X-CSRF-TOKEN",
                csrf,
                "HX-Request",
                "true");
        assertThat(promote.statusCode()).isEqualTo(403);
        assertThat(promote.body()).contains("Only a platform operator promotes or rolls back models");
        HttpResponse<String> rollback =
                admin.post("/models/text-embedding/rollback", Map.of("alias", "champion"), "X-CSRF-TOKEN", csrf);
        assertThat(rollback.statusCode()).isEqualTo(403);
        assertThat(rollback.body()).contains("Not allowed", "Only a platform operator");
        modelRegistry.verify(
                0,
                postRequestedFor(urlPathEqualTo("/api/v1/models/update"))
                        .withRequestBody(matchingJsonPath("$.name", equalTo("text-embedding"))));

        HttpResponse<String> refused = admin.get("/models/private-model");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body())
                .contains("Your role does not allow reading this model.")
                .doesNotContain("Exception")
                .doesNotContain("at io.openhire");

        // Identity's bootstrap operator: PLATFORM_OPERATOR in the token, so the page offers both controls
        // and they reach the registry with the operator's own token.
        // model-registry answers a move with the alias change it recorded.
        modelRegistry.stubFor(post(urlEqualTo("/api/v1/models/update")).willReturn(okJson("""
                {"id": 2, "model": "text-embedding", "alias": "champion", "version": 2, "previousVersion": 1,
                 "action": "PROMOTE", "actor": "user:olive", "reason": "promoted in the dashboard",
                 "changedAt": "2026-11-24T10:00:00Z"}""")));
        Browser operator = new Browser();
        assertThat(operator.signIn(OPERATOR, PASSWORD).headers().firstValue("Location"))
                .hasValue("/");
        HttpResponse<String> operatorList = operator.get("/models");
        assertThat(operatorList.statusCode()).as(operatorList.body()).isEqualTo(200);
        assertThat(operatorList.body()).contains("text-embedding").doesNotContain("platform operators manage them");
        HttpResponse<String> operatorPage = operator.get("/models/text-embedding");
        assertThat(operatorPage.statusCode()).as(operatorPage.body()).isEqualTo(200);
        assertThat(operatorPage.body())
                .contains("/models/text-embedding/promote", "Promote version 2")
                // after a confirmation; the champion itself (v1) offers no promote
                .contains("Point the chosen alias at version 2?")
                .doesNotContain("Promote version 1\"")
                // the stand-in's history has no earlier champion: roll back is there, disabled, and says why
                .contains("Roll back champion", "no earlier version of this alias to go back to")
                .doesNotContain("Platform operators manage models");

        String operatorCsrf = operator.csrf("/login");
        HttpResponse<String> promoted = operator.post(
                "/models/text-embedding/promote",
                Map.of("version", "2", "alias", "champion"),
                "X-CSRF-TOKEN",
                operatorCsrf,
                "HX-Request",
                "true");
        assertThat(promoted.statusCode()).as(promoted.body()).isEqualTo(200);
        assertThat(promoted.body()).contains("Version 2 is now champion.");
        HttpResponse<String> rolledBack = operator.post(
                "/models/text-embedding/rollback",
                Map.of("alias", "champion"),
                "X-CSRF-TOKEN",
                operatorCsrf,
                "HX-Request",
                "true");
        assertThat(rolledBack.statusCode()).as(rolledBack.body()).isEqualTo(200);
        assertThat(rolledBack.body()).contains("Rolled champion back to version 2.");
        modelRegistry.verify(
                1,
                postRequestedFor(urlPathEqualTo("/api/v1/models/update"))
                        .withHeader("Authorization", matching("Bearer .+"))
                        .withRequestBody(matchingJsonPath("$.name", equalTo("text-embedding")))
                        .withRequestBody(matchingJsonPath("$.action", equalTo("PROMOTE")))
                        .withRequestBody(matchingJsonPath("$.version", equalTo("2"))));
        modelRegistry.verify(
                1,
                postRequestedFor(urlPathEqualTo("/api/v1/models/update"))
                        .withRequestBody(matchingJsonPath("$.name", equalTo("text-embedding")))
                        .withRequestBody(matchingJsonPath("$.action", equalTo("ROLLBACK"))));
    }

    /**
     * A platform operator trains a new skill-extraction version on the model's page, against a stand-in
     * training service answering as training writes (its client's records): the datasets, the jobs with their
     * progress and the champion's score beside theirs, an import training refuses (its sentence on the page),
     * the forms' requests with the operator's own token, and a promotion the registry's gates refuse. An admin
     * sees none of it, and training is never asked for them.
     */
    @Test
    void aPlatformOperatorTrainsASkillExtractionVersionAndAnAdminSeesNoneOfIt() throws Exception {
        modelRegistry.stubFor(get(urlEqualTo("/api/v1/models/skill-extraction"))
                .willReturn(okJson(TrainingTestData.json(TrainingTestData.skillExtraction()))));
        modelRegistry.stubFor(get(urlPathEqualTo("/api/v1/models/skill-extraction/history"))
                .willReturn(okJson(TrainingTestData.json(TrainingTestData.skillExtractionHistory()))));
        training.stubFor(get(urlEqualTo("/api/v1/train/data"))
                .willReturn(okJson(TrainingTestData.json(TrainingTestData.datasets()))));
        training.stubFor(get(urlEqualTo("/api/v1/train/jobs"))
                .willReturn(okJson(TrainingTestData.json(TrainingTestData.jobs()))));

        // An admin: the model and its versions' scores, nothing of training, and every training path refused
        // before training is asked.
        Browser admin = new Browser();
        admin.signIn("ada@pages.test", PASSWORD);
        HttpResponse<String> adminPage = admin.get("/models/skill-extraction");
        assertThat(adminPage.statusCode()).as(adminPage.body()).isEqualTo(200);
        assertThat(adminPage.body())
                .contains("skill-words-v1", "span F1 0.642")
                .doesNotContain("Training")
                .doesNotContain("/training")
                .doesNotContain("SkillSpan");
        String adminCsrf = admin.csrf("/login");
        assertThat(admin.get("/models/skill-extraction/training/jobs", "HX-Request", "true")
                        .statusCode())
                .isEqualTo(403);
        HttpResponse<String> adminStart = admin.post(
                "/models/skill-extraction/training/jobs",
                Map.of("datasetIds", TrainingTestData.TRAIN_SET.toString()),
                "X-CSRF-TOKEN",
                adminCsrf,
                "HX-Request",
                "true");
        assertThat(adminStart.statusCode()).isEqualTo(403);
        assertThat(adminStart.body()).contains("Only a platform operator trains models");
        assertThat(admin.multipart(
                                "/models/skill-extraction/training/datasets",
                                Map.of("name", "x", "format", "CONLL", "licence", "CC BY 4.0"),
                                "x.conll",
                                "Java B-SKILL\n",
                                "X-CSRF-TOKEN",
                                adminCsrf,
                                "HX-Request",
                                "true")
                        .statusCode())
                .isEqualTo(403);
        assertThat(admin.post(
                                "/models/skill-extraction/training/jobs/" + TrainingTestData.RUNNING_JOB + "/cancel",
                                Map.of(),
                                "X-CSRF-TOKEN",
                                adminCsrf,
                                "HX-Request",
                                "true")
                        .statusCode())
                .isEqualTo(403);
        training.verify(0, anyRequestedFor(urlMatching("/api/v1/train.*")));

        // The operator: the training section with the datasets and jobs of the model's task.
        Browser operator = new Browser();
        operator.signIn(OPERATOR, PASSWORD);
        HttpResponse<String> page = operator.get("/models/skill-extraction");
        keep("model-training", page);
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        assertThat(page.body())
                .contains("<h2 id=\"training-title\">Training</h2>")
                .contains(">SkillSpan tech train<", ">CONLL<", ">1200<", ">3400<", ">SKILL<", ">CC BY 4.0<")
                .contains(">3f2a9c0d11be<", "by a platform operator")
                .doesNotContain("user:")
                .doesNotContain("Resume sections corpus")
                .contains(">Running<", "Epoch 3 of 5", "<progress max=\"5\" value=\"3\"", "1: 0.412", "3: 0.561")
                .contains("Champion v2", "it never trained on", ">0.610<", ">0.642<", "F1 +0.032 against champion v2")
                .contains("href=\"/models/skill-extraction#version-3\"", "Promote version 3 to champion")
                .contains("hx-trigger=\"every 2s\"");
        training.verify(
                getRequestedFor(urlEqualTo("/api/v1/train/jobs")).withHeader("Authorization", matching("Bearer .+")));
        HttpResponse<String> jobs = operator.get("/models/skill-extraction/training/jobs", "HX-Request", "true");
        keep("model-training-jobs", jobs);
        assertThat(jobs.statusCode()).as(jobs.body()).isEqualTo(200);
        assertThat(jobs.body())
                .startsWith("<div id=\"training-jobs\"")
                .contains("hx-trigger=\"every 2s\"", "Epoch 3 of 5")
                .doesNotContain("<html")
                .doesNotContain("id=\"model-detail\"");
        // A job the list watched has succeeded: the model's part (its new version) comes along, out of band.
        HttpResponse<String> succeeded = operator.get(
                "/models/skill-extraction/training/jobs?watching=" + TrainingTestData.SUCCEEDED_JOB,
                "HX-Request",
                "true");
        keep("model-training-jobs-succeeded", succeeded);
        assertThat(succeeded.statusCode()).as(succeeded.body()).isEqualTo(200);
        assertThat(succeeded.body())
                .startsWith("<div id=\"training-jobs\"")
                .contains("<div id=\"model-detail\" hx-swap-oob=\"true\">", "id=\"version-3\"")
                .doesNotContain("<html");

        String csrf = operator.csrf("/login");
        // A file training refuses: its sentence beside the upload form, the rest of the section as it was.
        training.stubFor(post(urlEqualTo("/api/v1/train/data"))
                .withMultipartRequestBody(aMultipart("file").withBody(containing("broken")))
                .atPriority(1)
                .willReturn(aResponse()
                        .withStatus(400)
                        .withHeader("Content-Type", "application/problem+json")
                        .withBody("""
                                {"type": "https://openhire.io/problems/invalid-dataset", "title": "Invalid dataset",
                                 "status": 400, "detail": "line 6: expected a word and its tag separated by a tab", "line": 6}""")));
        training.stubFor(post(urlEqualTo("/api/v1/train/data"))
                .atPriority(5)
                .willReturn(aResponse()
                        .withStatus(201)
                        .withHeader("Content-Type", "application/json")
                        .withBody(TrainingTestData.json(TrainingTestData.devSet()))));
        HttpResponse<String> refused = operator.multipart(
                "/models/skill-extraction/training/datasets",
                Map.of("name", "Broken set", "format", "CONLL", "licence", "CC BY 4.0", "source", ""),
                "broken.conll",
                "Java B-SKILL\nbroken\n",
                "X-CSRF-TOKEN",
                csrf,
                "HX-Request",
                "true");
        keep("model-training-import-refused", refused);
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(200);
        assertThat(refused.body())
                .contains("id=\"upload-error\"", "line 6: expected a word and its tag separated by a tab")
                .contains("value=\"Broken set\"", ">SkillSpan tech train<")
                .doesNotContain("Exception");
        training.verify(postRequestedFor(urlEqualTo("/api/v1/train/data"))
                .withHeader("Authorization", matching("Bearer .+"))
                .withRequestBodyPart(aMultipart("file")
                        .withHeader("Content-Disposition", containing("filename=\"broken.conll\""))
                        .withBody(containing("broken"))
                        .build())
                .withRequestBodyPart(
                        aMultipart("name").withBody(equalTo("Broken set")).build())
                .withRequestBodyPart(
                        aMultipart("format").withBody(equalTo("CONLL")).build())
                .withRequestBodyPart(
                        aMultipart("task").withBody(equalTo("skill-extraction")).build())
                .withRequestBodyPart(
                        aMultipart("licence").withBody(equalTo("CC BY 4.0")).build()));
        HttpResponse<String> imported = operator.multipart(
                "/models/skill-extraction/training/datasets",
                Map.of("name", "SkillSpan tech dev", "format", "JSONL", "licence", "CC BY 4.0"),
                "dev.jsonl",
                "{\"text\": \"Java\", \"spans\": []}\n",
                "X-CSRF-TOKEN",
                csrf,
                "HX-Request",
                "true");
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
        assertThat(imported.body()).contains("This file was imported already, as \u201cSkillSpan tech dev\u201d");

        // Train a new version: the chosen datasets, epochs and description reach training as a StartTraining.
        training.stubFor(post(urlEqualTo("/api/v1/train"))
                .willReturn(aResponse()
                        .withStatus(202)
                        .withHeader("Content-Type", "application/json")
                        .withBody(TrainingTestData.json(TrainingTestData.queued(
                                UUID.fromString("b0b00000-0000-4000-8000-000000000009"),
                                List.of(TrainingTestData.TRAIN_SET),
                                List.of(TrainingTestData.DEV_SET),
                                "eight epochs")))));
        HttpResponse<String> started = operator.post(
                "/models/skill-extraction/training/jobs",
                Map.of(
                        "datasetIds",
                        TrainingTestData.TRAIN_SET.toString(),
                        "devDatasetIds",
                        TrainingTestData.DEV_SET.toString(),
                        "epochs",
                        "8",
                        "description",
                        "eight epochs"),
                "X-CSRF-TOKEN",
                csrf,
                "HX-Request",
                "true");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
        assertThat(started.body())
                .contains(
                        "Queued training job b0b00000: its progress and result are under Training jobs.",
                        "id=\"training-jobs\"");
        training.verify(postRequestedFor(urlEqualTo("/api/v1/train"))
                .withHeader("Authorization", matching("Bearer .+"))
                .withRequestBody(matchingJsonPath("$.task", equalTo("skill-extraction")))
                .withRequestBody(matchingJsonPath("$.datasetIds[0]", equalTo(TrainingTestData.TRAIN_SET.toString())))
                .withRequestBody(matchingJsonPath("$.devDatasetIds[0]", equalTo(TrainingTestData.DEV_SET.toString())))
                .withRequestBody(matchingJsonPath("$.params.epochs", equalTo("8")))
                .withRequestBody(matchingJsonPath("$.description", equalTo("eight epochs"))));

        // Cancel the running job; a job that ended meanwhile says so (training's 409), the list stays.
        String cancelPath = "/api/v1/train/jobs/" + TrainingTestData.RUNNING_JOB + "/cancel";
        training.stubFor(post(urlEqualTo(cancelPath))
                .willReturn(aResponse()
                        .withStatus(409)
                        .withHeader("Content-Type", "application/problem+json")
                        .withBody("""
                                {"type": "https://openhire.io/problems/job-finished", "title": "Conflict",
                                 "status": 409, "detail": "The job has succeeded already."}""")));
        HttpResponse<String> cancel = operator.post(
                "/models/skill-extraction/training/jobs/" + TrainingTestData.RUNNING_JOB + "/cancel",
                Map.of(),
                "X-CSRF-TOKEN",
                csrf,
                "HX-Request",
                "true");
        assertThat(cancel.statusCode()).as(cancel.body()).isEqualTo(200);
        assertThat(cancel.body()).contains("id=\"jobs-error\"", "The job has succeeded already.", "Epoch 3 of 5");
        training.verify(1, postRequestedFor(urlEqualTo(cancelPath)).withHeader("Authorization", matching("Bearer .+")));

        // A validation problem is said with the form's labels.
        training.stubFor(post(urlEqualTo("/api/v1/train"))
                .withRequestBody(matchingJsonPath("$.description", equalTo("both")))
                .atPriority(1)
                .willReturn(aResponse()
                        .withStatus(400)
                        .withHeader("Content-Type", "application/problem+json")
                        .withBody("""
                                {"title": "Invalid request", "status": 400, "detail": "The request has 1 invalid field(s).",
                                 "errors": [{"field": "devDatasetIds", "message": "a dataset is trained on or held out for evaluation, not both"}]}""")));
        HttpResponse<String> both = operator.post(
                "/models/skill-extraction/training/jobs",
                Map.of(
                        "datasetIds",
                        TrainingTestData.TRAIN_SET.toString(),
                        "devDatasetIds",
                        TrainingTestData.TRAIN_SET.toString(),
                        "description",
                        "both"),
                "X-CSRF-TOKEN",
                csrf,
                "HX-Request",
                "true");
        assertThat(both.statusCode()).as(both.body()).isEqualTo(200);
        assertThat(both.body())
                .contains("id=\"train-error\"")
                .contains("Evaluation datasets: a dataset is trained on or held out for evaluation, not both.")
                .doesNotContain("devDatasetIds:");

        // Promote the trained version with the page's promote: the registry's gates refuse, and say why.
        modelRegistry.stubFor(post(urlEqualTo("/api/v1/models/update"))
                .withRequestBody(matchingJsonPath("$.name", equalTo("skill-extraction")))
                .atPriority(1)
                .willReturn(aResponse()
                        .withStatus(422)
                        .withHeader("Content-Type", "application/problem+json")
                        .withBody("""
                                {"type": "https://openhire.io/problems/promotion-gate-failed", "title": "Promotion refused",
                                 "status": 422, "detail": "Version 3 of skill-extraction does not pass the promotion gates: span-f1 0.642 is below the champion's 0.650."}""")));
        HttpResponse<String> promote = operator.post(
                "/models/skill-extraction/promote",
                Map.of("version", "3", "alias", "champion"),
                "X-CSRF-TOKEN",
                csrf,
                "HX-Request",
                "true");
        keep("model-training-promote-refused", promote);
        // the refusal is a message above the model's part, which stays (aliases, versions, history)
        assertThat(promote.statusCode()).as(promote.body()).isEqualTo(200);
        assertThat(promote.body())
                .startsWith("<div id=\"model-detail\"")
                .contains("id=\"model-refused\"")
                .contains("does not pass the promotion gates: span-f1 0.642 is below the champion&#39;s 0.650.")
                .contains("<h2>Aliases</h2>", "<h2>Versions</h2>", "<h2>Alias history</h2>")
                .contains("<div id=\"training-jobs\"", "hx-swap-oob=\"true\"")
                .doesNotContain("Exception");
        modelRegistry.verify(postRequestedFor(urlPathEqualTo("/api/v1/models/update"))
                .withRequestBody(matchingJsonPath("$.name", equalTo("skill-extraction")))
                .withRequestBody(matchingJsonPath("$.action", equalTo("PROMOTE")))
                .withRequestBody(matchingJsonPath("$.version", equalTo("3"))));
    }

    /** A page's HTML kept in {@code target/pages/} to look at. */
    static void keep(String name, HttpResponse<String> response) throws java.io.IOException {
        java.nio.file.Path pages = java.nio.file.Path.of("target", "pages");
        java.nio.file.Files.createDirectories(pages);
        java.nio.file.Files.writeString(pages.resolve(name + ".html"), response.body());
    }

    @Test
    void aPersonDisabledWhileSignedInIsSentToSignInWithAMessage() throws Exception {
        TestHttp api = new TestHttp(identity.url());
        TestHttp.Response created = api.post(
                "/api/v1/users",
                map("name", "Sam Short", "email", "sam@pages.test", "role", "ADMIN", "password", PASSWORD),
                bearer(adminToken));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("user").get("id").asString();
        Browser browser = new Browser();
        browser.signIn("sam@pages.test", PASSWORD);
        assertThat(browser.get("/system").statusCode()).isEqualTo(200);

        assertThat(api.patch("/api/v1/users/" + id, map("status", "DISABLED"), bearer(adminToken))
                        .status())
                .isEqualTo(200);
        // The access token is renewed a minute before it expires (here: at once); identity refuses a
        // disabled person, so the session ends and the page says why.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            HttpResponse<String> page = browser.get("/system");
            assertThat(page.statusCode()).isEqualTo(302);
            assertThat(page.headers().firstValue("Location")).hasValue("/login?expired");
        });
        assertThat(browser.get("/login?expired").body()).contains("Your session has ended");
    }
}

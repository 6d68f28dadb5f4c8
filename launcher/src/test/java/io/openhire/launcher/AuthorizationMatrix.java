package io.openhire.launcher;

import static io.openhire.platform.test.TestHttp.bearer;
import static io.openhire.platform.test.TestHttp.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.openhire.platform.test.TestHttp;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Every operation of every service, asked by everyone who might ask, against the expected answers in
 * {@code authorization-matrix.txt} (test resources): no token, the four roles of one organisation, the
 * admin of another organisation, a platform operator and a service acting for the organisation. The
 * operations come from each running service's OpenAPI document, so a new endpoint without a line in the
 * table fails the build, and so does any answer that differs from the table.
 *
 * <p>Requests go to each service directly (not through the gateway): every service must enforce its
 * own rules. They use real ids of a seeded organisation. Destructive operations name {@code {new:…}}
 * targets, made afresh for each caller, so that one caller's delete does not change the next answer.
 *
 * <p>An answer is classed as {@code 401}, {@code 403}, {@code 404}, {@code 3xx} (the dashboard sends
 * people without a session to its sign-in page) or {@code ok} (anything else below 500: the request
 * passed authorisation, e.g. 200, 202, or a 409 for a change already made). A 5xx or a 429 is always a
 * failure. Callers from outside the organisation must never see its ids.
 * The answers of each run are written to {@code target/authorization-matrix.actual.txt} in the table's
 * format, so that a deliberate change is a reviewed copy.
 */
final class AuthorizationMatrix {

    /** Columns of the table, in this order. */
    enum Caller {
        NONE,
        CANDIDATE,
        CLIENT,
        RECRUITER,
        ADMIN,
        OTHER_ADMIN,
        OPERATOR,
        SERVICE
    }

    /** Callers who may be refused go first, the organisation's own staff last (their deletes come last). */
    static final List<Caller> ORDER = List.of(
            Caller.NONE,
            Caller.CANDIDATE,
            Caller.CLIENT,
            Caller.OTHER_ADMIN,
            Caller.OPERATOR,
            Caller.SERVICE,
            Caller.RECRUITER,
            Caller.ADMIN);

    static final String PASSWORD = "a long and private passphrase";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(new:)?([a-zA-Z]+)}");

    record Line(
            int number,
            String service,
            String method,
            String template,
            String path,
            String body,
            List<String> expected) {
        String operation() {
            return method + " " + template;
        }
    }

    private final Map<String, Integer> ports;
    private final String operatorEmail;
    private final String operatorPassword;
    private final Path dataDir;
    private final Map<Caller, String> tokens = new LinkedHashMap<>();
    private final Map<String, String> fixtures = new LinkedHashMap<>();
    private final Map<String, Function<TestHttp, String>> factories = new LinkedHashMap<>();

    AuthorizationMatrix(Map<String, Integer> ports, Path dataDir, String operatorEmail, String operatorPassword) {
        this.ports = ports;
        this.dataDir = dataDir;
        this.operatorEmail = operatorEmail;
        this.operatorPassword = operatorPassword;
    }

    TestHttp service(String name) {
        Integer port = ports.get(name);
        if (port == null) {
            throw new IllegalArgumentException("No running service " + name + " (running: " + ports.keySet() + ")");
        }
        return new TestHttp("http://localhost:" + port);
    }

    /** Runs the table; returns the differences (empty when every answer is as expected). */
    List<String> check(List<Line> table) throws Exception {
        seed();
        List<String> problems = new ArrayList<>(coverage(table));
        StringBuilder actual = new StringBuilder(header());
        for (Line line : table) {
            Map<Caller, String> answers = new LinkedHashMap<>();
            for (Caller caller : ORDER) {
                answers.put(caller, ask(line, caller, problems));
            }
            List<String> row = new ArrayList<>();
            for (Caller caller : Caller.values()) {
                String answer = answers.get(caller);
                row.add(answer);
                String expected = line.expected().get(caller.ordinal());
                if (!expected.equals(answer)) {
                    problems.add("line %d %s %s as %s: expected %s, got %s"
                            .formatted(line.number(), line.service(), line.operation(), caller, expected, answer));
                }
            }
            actual.append(format(line, row));
        }
        Path out = Path.of("target", "authorization-matrix.actual.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, actual);
        return problems;
    }

    /** Every operation of every running service's OpenAPI document has a line; every line an operation. */
    private List<String> coverage(List<Line> table) {
        List<String> problems = new ArrayList<>();
        Set<String> documented = new TreeSet<>();
        for (String name : ports.keySet()) {
            TestHttp.Response doc = service(name).get("/v3/api-docs");
            if (doc.status() != 200) {
                continue; // no API of its own (the gateway serves the others' documents)
            }
            JsonNode paths = doc.json().path("paths");
            for (String path : paths.propertyNames()) {
                if (path.equals("/error")) {
                    continue; // the servlet container's error page, public by design
                }
                for (String method : paths.get(path).propertyNames()) {
                    if (Set.of("get", "post", "put", "patch", "delete").contains(method)) {
                        documented.add(name + " " + method.toUpperCase() + " " + path);
                    }
                }
            }
        }
        Set<String> listed = new TreeSet<>();
        for (Line line : table) {
            listed.add(line.service() + " " + line.operation());
        }
        for (String operation : documented) {
            if (!listed.contains(operation)) {
                problems.add("no line in authorization-matrix.txt for " + operation);
            }
        }
        for (String operation : listed) {
            if (!documented.contains(operation)) {
                problems.add("authorization-matrix.txt lists " + operation + ", which no service documents");
            }
        }
        return problems;
    }

    private String ask(Line line, Caller caller, List<String> problems) {
        Map<String, String> used = new LinkedHashMap<>();
        String path = substitute(line.path(), used);
        String body = line.body().equals("-") ? null : substitute(line.body(), used);
        String[] auth = tokens.get(caller) == null ? new String[0] : bearer(tokens.get(caller));
        TestHttp http = service(line.service());
        TestHttp.Response response = switch (line.method()) {
            case "GET" -> http.get(path, auth);
            case "DELETE" -> http.delete(path, auth);
            case "PATCH" -> http.patch(path, body, auth);
            case "PUT" ->
                body != null && body.startsWith("raw:")
                        ? http.putRaw(path, "text/plain", body.substring(4).getBytes(StandardCharsets.UTF_8), auth)
                        : http.putRaw(path, "application/json", bytes(body), auth);
            case "POST" ->
                body != null && body.startsWith("multipart:")
                        ? http.postMultipart(path, parts(body.substring("multipart:".length())), auth)
                        : http.post(path, body == null ? "" : body, auth);
            default -> throw new IllegalArgumentException("Unknown method on line " + line.number());
        };
        String answer = classify(response.status());
        if (answer.equals("5xx") || answer.equals("429")) {
            problems.add("line %d %s %s as %s: %d %s"
                    .formatted(
                            line.number(),
                            line.service(),
                            line.operation(),
                            caller,
                            response.status(),
                            response.body()));
        }
        // Another organisation's admin never sees the seeded organisation's ids; nor does an operator in
        // what an organisation's admin may ask (operator-only answers are about the whole platform).
        // An answer anyone gets without a token (an organisation's public career site) is public by design.
        boolean publicAnswer = line.expected().get(Caller.NONE.ordinal()).equals("ok");
        boolean outsider = !publicAnswer
                && (caller == Caller.OTHER_ADMIN
                        || (caller == Caller.OPERATOR
                                && !line.expected().get(Caller.ADMIN.ordinal()).equals("403")));
        if (outsider && response.body() != null) {
            for (Map.Entry<String, String> fixture : fixtures.entrySet()) {
                boolean asked =
                        path.contains(fixture.getValue()) || (body != null && body.contains(fixture.getValue()));
                if (fixture.getKey().endsWith("Id") && !asked && response.body().contains(fixture.getValue())) {
                    problems.add("line %d %s %s as %s: the answer holds the organisation's %s"
                            .formatted(line.number(), line.service(), line.operation(), caller, fixture.getKey()));
                }
            }
        }
        return answer;
    }

    static String classify(int status) {
        return switch (status) {
            case 401, 403, 404, 429 -> String.valueOf(status);
            default -> status >= 500 ? "5xx" : status >= 300 && status < 400 ? "3xx" : "ok";
        };
    }

    private String substitute(String text, Map<String, String> used) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(2);
            String value;
            if (m.group(1) != null) {
                Function<TestHttp, String> factory = factories.get(name);
                if (factory == null) {
                    throw new IllegalArgumentException("No factory for {new:" + name + "}");
                }
                value = factory.apply(null);
            } else if (name.equals("uuid")) {
                value = UUID.randomUUID().toString();
            } else {
                value = fixtures.get(name);
                if (value == null) {
                    throw new IllegalArgumentException("No fixture {" + name + "}");
                }
            }
            used.put(name, value);
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** {@code name=text;name=text}: each part a small text file. */
    private static List<TestHttp.Part> parts(String spec) {
        List<TestHttp.Part> parts = new ArrayList<>();
        for (String part : spec.split(";")) {
            int eq = part.indexOf('=');
            String name = part.substring(0, eq).strip();
            String content = part.substring(eq + 1);
            String file = name.equals("file") && content.startsWith("title,") ? "jobs.csv" : name + ".txt";
            String type = file.endsWith(".csv") ? "text/csv" : "text/plain";
            parts.add(TestHttp.Part.file(name, file, type, content.getBytes(StandardCharsets.UTF_8)));
        }
        return parts;
    }

    private static byte[] bytes(String text) {
        return text == null ? new byte[0] : text.getBytes(StandardCharsets.UTF_8);
    }

    // --- the seeded organisation -------------------------------------------------------------------

    private void seed() throws IOException {
        TestHttp identity = service("identity");
        String admin = signUp(identity, "Matrix Agency", "mia");
        tokens.put(Caller.ADMIN, admin);
        JsonNode profile = identity.get("/api/v1/users/profile", bearer(admin)).json();
        fixtures.put("orgId", profile.get("organization").get("id").asString());
        for (String role : List.of("RECRUITER", "CLIENT", "CANDIDATE")) {
            String email =
                    role.toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8) + "@matrix.test";
            JsonNode added = identity.post(
                            "/api/v1/users",
                            map(
                                    "email",
                                    email,
                                    "name",
                                    "Matrix " + role.toLowerCase(),
                                    "role",
                                    role,
                                    "password",
                                    PASSWORD),
                            bearer(admin))
                    .json();
            fixtures.put(
                    role.toLowerCase() + "UserId", added.get("user").get("id").asString());
            tokens.put(Caller.valueOf(role), login(identity, email, PASSWORD));
        }
        String spareEmail = "spare-" + UUID.randomUUID().toString().substring(0, 8) + "@matrix.test";
        JsonNode spare = identity.post(
                        "/api/v1/users",
                        map("email", spareEmail, "name", "Matrix spare", "role", "RECRUITER", "password", PASSWORD),
                        bearer(admin))
                .json();
        fixtures.put("spareUserId", spare.get("user").get("id").asString());
        fixtures.put("spareEmail", spareEmail);
        fixtures.put("sparePassword", PASSWORD);
        tokens.put(Caller.OTHER_ADMIN, signUp(identity, "Other Agency", "otto"));
        tokens.put(Caller.OPERATOR, login(identity, operatorEmail, operatorPassword));
        // A service acting for the organisation, with its own credentials, as ServiceAccount does.
        String secret = Files.readString(dataDir.resolve("secrets").resolve("service-matching.secret"))
                .strip();
        TestHttp.Response serviceToken = identity.post(
                "/api/v1/users/service-token",
                map("client_id", "matching", "client_secret", secret, "organization_id", fixtures.get("orgId")));
        assertThat(serviceToken.status()).as(serviceToken.body()).isEqualTo(200);
        tokens.put(Caller.SERVICE, serviceToken.json().get("access_token").asString());

        String recruiter = tokens.get(Caller.RECRUITER);
        TestHttp jobs = service("job-ingestion");
        TestHttp.Response ingested = jobs.post("/api/v1/jobs/ingest", """
                {"postings": [{"id": "matrix-1", "title": "Senior Java Engineer", "employer": "Matrix",
                  "location": "Berlin, Germany", "description": "Build backend services in Java, Spring Boot and \
                Apache Kafka on Kubernetes. Requirements: 5+ years of Java, PostgreSQL."}]}""", bearer(recruiter));
        assertThat(ingested.status()).as(ingested.body()).isLessThan(300);
        fixtures.put("jobId", ingested.json().findValue("jobId").asString());
        fixtures.put("sourceId", newSource(recruiter));
        TestHttp.Response crawl =
                jobs.post("/api/v1/jobs/ingest", map("sourceId", fixtures.get("sourceId")), bearer(recruiter));
        assertThat(crawl.status()).as(crawl.body()).isEqualTo(202);
        fixtures.put("crawlId", crawl.json().get("id").asString());
        fixtures.put("resumeId", newResume(recruiter, "Mira Matrix"));
        fixtures.put(
                "apiKeyId",
                identity.post(
                                "/api/v1/users/api-keys",
                                map("name", "matrix", "roles", List.of("RECRUITER")),
                                bearer(admin))
                        .json()
                        .get("apiKey")
                        .get("id")
                        .asString());
        fixtures.put("docKey", newDocument(recruiter));
        fixtures.put("mailboxId", UUID.randomUUID().toString()); // no mailbox: a private host is refused
        // The resume, parsed and indexed, is a candidate matching can rank and reveal.
        TestHttp matching = service("matching");
        await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> assertThat(
                                matching.get("/api/v1/matches?jobId=" + fixtures.get("jobId"), bearer(recruiter))
                                        .json()
                                        .path("matches")
                                        .size())
                        .isPositive());
        fixtures.put(
                "candidateId",
                matching.get("/api/v1/matches?jobId=" + fixtures.get("jobId"), bearer(recruiter))
                        .json()
                        .get("matches")
                        .get(0)
                        .get("candidateId")
                        .asString());

        // The same person and job in the pipeline: an application in the first stage.
        TestHttp applications = service("applications");
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> {
                    TestHttp.Response added = applications.post(
                            "/api/v1/applications",
                            map(
                                    "candidateId",
                                    fixtures.get("candidateId"),
                                    "jobId",
                                    fixtures.get("jobId"),
                                    "source",
                                    "MATCHING"),
                            bearer(recruiter));
                    assertThat(added.status()).as(added.body()).isEqualTo(201);
                    fixtures.put("applicationId", added.json().get("id").asString());
                    fixtures.put("stageId", added.json().get("stageId").asString());
                });

        // A client company (the client portal's lines ask for it as another organisation, too).
        TestHttp.Response clientCompany =
                applications.post("/api/v1/clients", map("name", "Matrix Client"), bearer(admin));
        assertThat(clientCompany.status()).as(clientCompany.body()).isEqualTo(201);
        fixtures.put("clientId", clientCompany.json().get("id").asString());

        factories.put("sourceId", x -> newSource(admin));
        factories.put("resumeId", x -> newResume(admin, "Fresh Person"));
        factories.put("docKey", x -> newDocument(admin));
        factories.put(
                "apiKeyId",
                x -> identity.post(
                                "/api/v1/users/api-keys",
                                map("name", "fresh", "roles", List.of("RECRUITER")),
                                bearer(admin))
                        .json()
                        .get("apiKey")
                        .get("id")
                        .asString());
    }

    private String signUp(TestHttp identity, String organization, String who) {
        String email = who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@" + who + ".test";
        TestHttp.Response registered = identity.post(
                "/api/v1/users/register",
                map("organization", organization, "name", "Matrix Admin", "email", email, "password", PASSWORD));
        assertThat(registered.status()).as(registered.body()).isEqualTo(202);
        return login(identity, email, PASSWORD);
    }

    private static String login(TestHttp identity, String email, String password) {
        TestHttp.Response login = identity.post("/api/v1/users/login", map("email", email, "password", password));
        assertThat(login.status()).as(login.body()).isEqualTo(200);
        return login.json().get("access_token").asString();
    }

    private String newSource(String token) {
        TestHttp.Response source = service("job-ingestion")
                .post(
                        "/api/v1/jobs/sources",
                        map(
                                "name", "Matrix " + UUID.randomUUID(),
                                "kind", "GREENHOUSE",
                                "board", "matrix",
                                "url", "http://localhost:9",
                                "employer", "Matrix"),
                        bearer(token));
        assertThat(source.status()).as(source.body()).isEqualTo(201);
        return source.json().get("id").asString();
    }

    private String newResume(String token, String name) {
        String text = name + "\n" + name.toLowerCase().replace(' ', '.') + "."
                + UUID.randomUUID().toString().substring(0, 6)
                + "@example.test\nSenior Java Engineer\nEXPERIENCE\nSenior Java Engineer, Matrix GmbH, Berlin\n"
                + "2019 to present\nJava, Spring Boot, Apache Kafka, PostgreSQL, Kubernetes\n";
        TestHttp.Response upload = service("resume-ingestion")
                .postMultipart(
                        "/api/v1/resumes/upload",
                        List.of(TestHttp.Part.file(
                                "file", "cv.txt", "text/plain", text.getBytes(StandardCharsets.UTF_8))),
                        bearer(token));
        assertThat(upload.status()).as(upload.body()).isLessThan(300);
        return upload.json().get("id").asString();
    }

    private String newDocument(String token) {
        String key = "matrix/" + UUID.randomUUID() + ".txt";
        TestHttp.Response stored = service("storage")
                .putRaw(
                        "/api/v1/data/documents/" + key,
                        "text/plain",
                        "notes".getBytes(StandardCharsets.UTF_8),
                        bearer(token));
        assertThat(stored.status()).as(stored.body()).isEqualTo(201);
        return key;
    }

    // --- the table ----------------------------------------------------------------------------------

    static List<Line> read(InputStream in) throws IOException {
        List<Line> lines = new ArrayList<>();
        String[] all = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
        for (int i = 0; i < all.length; i++) {
            String text = all[i].strip();
            if (text.isEmpty() || text.startsWith("#")) {
                continue;
            }
            String[] fields = text.split("\\s*\\|\\s*", 5);
            if (fields.length != 5) {
                throw new IllegalArgumentException("Line " + (i + 1) + " needs 5 fields separated by |: " + text);
            }
            String[] operation = fields[1].split(" ", 2);
            List<String> expected = List.of(fields[4].strip().split("\\s+"));
            if (expected.size() != Caller.values().length) {
                throw new IllegalArgumentException(
                        "Line " + (i + 1) + " needs " + Caller.values().length + " answers: " + text);
            }
            lines.add(new Line(i + 1, fields[0], operation[0], operation[1], fields[2], fields[3], expected));
        }
        return lines;
    }

    private static String header() {
        StringBuilder columns = new StringBuilder();
        for (Caller caller : Caller.values()) {
            columns.append(caller.name()).append(' ');
        }
        return "# service | operation | request path | body | "
                + columns.toString().strip() + "\n";
    }

    private static String format(Line line, List<String> row) {
        return "%s | %s | %s | %s | %s%n"
                .formatted(line.service(), line.operation(), line.path(), line.body(), String.join(" ", row));
    }
}

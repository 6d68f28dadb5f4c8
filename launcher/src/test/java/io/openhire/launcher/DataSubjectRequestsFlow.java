package io.openhire.launcher;

import static io.openhire.platform.test.TestHttp.bearer;
import static io.openhire.platform.test.TestHttp.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.openhire.platform.test.TestHttp;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import tools.jackson.databind.JsonNode;

/**
 * A candidate's access and erasure requests answered by an admin through the gateway, on the whole platform: the
 * access export holds what the services keep of her (her resume as she sent it among it); after the erasure
 * nothing of her — name, email, phone — is left in any service's database, her original is gone from the object
 * store, and a colleague candidate of the same organisation is untouched.
 */
final class DataSubjectRequestsFlow {

    static final String NAME = "Dana Quillfeather";
    static final String EMAIL = "dana.quillfeather@forget.test";
    static final String PHONE = "+44 20 7946 0321";
    static final String PHONE_DIGITS = "2079460321";

    private final TestHttp gateway;
    private final AllInOne platform;
    private final Path dataDir;

    DataSubjectRequestsFlow(TestHttp gateway, AllInOne platform, Path dataDir) {
        this.gateway = gateway;
        this.platform = platform;
        this.dataDir = dataDir;
    }

    void run(String password) throws Exception {
        assertThat(gateway.post(
                                "/api/v1/users/register",
                                map(
                                        "organization",
                                        "Forgetters",
                                        "name",
                                        "Fay Forgetter",
                                        "email",
                                        "fay@forgetters.test",
                                        "password",
                                        password))
                        .status())
                .isEqualTo(202);
        String admin = gateway.post("/api/v1/users/login", map("email", "fay@forgetters.test", "password", password))
                .json()
                .get("access_token")
                .asString();
        String org = gateway.get("/api/v1/users/profile", bearer(admin))
                .json()
                .get("organization")
                .get("id")
                .asString();

        String dana = upload(
                admin,
                List.of(
                        NAME,
                        "Payroll Specialist",
                        "Leeds, United Kingdom | " + EMAIL + " | " + PHONE,
                        "EXPERIENCE",
                        "Payroll Specialist",
                        "Harrow & Finch Ltd - Leeds",
                        "2019 to Present",
                        "SKILLS",
                        "Excel, SAP, Payroll"));
        String lee = upload(
                admin,
                List.of(
                        "Lee Bystander",
                        "Accountant",
                        "York, United Kingdom | lee.bystander@forget.test | +44 20 7946 0999",
                        "EXPERIENCE",
                        "Accountant",
                        "Moor Accounts Ltd - York",
                        "2018 to Present",
                        "SKILLS",
                        "Excel, Sage"));
        // She is a candidate of the organisation and was written to.
        await().atMost(Duration.ofSeconds(60))
                .until(() ->
                        count("applications", "SELECT count(*) FROM candidate WHERE lower(email) = ?", EMAIL) == 1);
        assertThat(gateway.post(
                                "/api/v1/communications/send",
                                map(
                                        "channel",
                                        "EMAIL",
                                        "to",
                                        EMAIL,
                                        "subject",
                                        "Your application",
                                        "body",
                                        "Dear Dana, thank you for applying."),
                                bearer(admin))
                        .status())
                .isEqualTo(202);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> mentions("communication").size() > 0);

        // Access: one export from every service, with her resume as she sent it.
        String access = file(admin, "ACCESS");
        JsonNode answered = awaitCompleted(admin, access);
        assertThat(answered.get("exportReady").asBoolean()).isTrue();
        Map<String, byte[]> export =
                unzip(gateway.getBytes("/api/v1/privacy/requests/" + access + "/export", bearer(admin)));
        String data = new String(export.get("data.json"), StandardCharsets.UTF_8);
        assertThat(data).contains(EMAIL, "Payroll Specialist").doesNotContain("lee.bystander");
        assertThat(export.entrySet()).as("her resume as she sent it").anySatisfy(file -> {
            assertThat(file.getKey()).startsWith("files/");
            assertThat(new String(file.getValue(), 0, 4, StandardCharsets.ISO_8859_1))
                    .isEqualTo("%PDF");
        });

        // Erasure: every service answers with nothing left of her.
        Path originals = dataDir.resolve("objects").resolve(org).resolve("resumes");
        long filesBefore = files(originals);
        String erasure = file(admin, "ERASURE");
        JsonNode erased = awaitCompleted(admin, erasure);
        assertThat(erased.get("answers"))
                .allSatisfy(a ->
                        assertThat(a.get("remaining").asInt()).as(a.toString()).isZero());

        // The proof: searched for in every service's database, she is nowhere; her original is gone.
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            Map<String, List<String>> found = new HashMap<>();
            for (ServiceModule service : AllInOne.SERVICES) {
                if (service.database()) {
                    List<String> tables = mentions(service.name());
                    if (!tables.isEmpty()) {
                        found.put(service.name(), tables);
                    }
                }
            }
            assertThat(found).as("tables that still mention her, by service").isEmpty();
        });
        assertThat(gateway.get("/api/v1/resumes/" + dana, bearer(admin)).status())
                .isEqualTo(404);
        assertThat(files(originals)).isEqualTo(filesBefore - 1);
        assertThat(gateway.get("/api/v1/resumes/" + lee, bearer(admin)).status())
                .isEqualTo(200);
        assertThat(count(
                        "applications",
                        "SELECT count(*) FROM candidate WHERE lower(email) = ?",
                        "lee.bystander@forget.test"))
                .isEqualTo(1);
    }

    private String upload(String token, List<String> lines) {
        return ResumeUploads.uploadParsed(gateway, token, "cv.pdf", lines, Duration.ofSeconds(60));
    }

    private String file(String admin, String type) {
        TestHttp.Response filed = gateway.post(
                "/api/v1/privacy/requests",
                map("type", type, "email", EMAIL, "phone", PHONE, "name", NAME, "source", "EMAIL"),
                bearer(admin));
        assertThat(filed.status()).as(filed.body()).isEqualTo(201);
        assertThat(filed.json().get("answers").size()).isGreaterThanOrEqualTo(5);
        return filed.json().get("id").asString();
    }

    private JsonNode awaitCompleted(String admin, String id) {
        JsonNode[] last = new JsonNode[1];
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
            last[0] =
                    gateway.get("/api/v1/privacy/requests/" + id, bearer(admin)).json();
            assertThat(last[0].get("status").asString()).as(last[0].toString()).isEqualTo("COMPLETED");
        });
        return last[0];
    }

    /** The tables of a service's database with a row mentioning her name, email or phone (in any format). */
    private List<String> mentions(String service) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Connection db = connect(service)) {
            List<String> names = new ArrayList<>();
            try (ResultSet rs = db.getMetaData().getTables(null, "public", "%", new String[] {"TABLE"})) {
                while (rs.next()) {
                    names.add(rs.getString("TABLE_NAME"));
                }
            }
            for (String table : names) {
                if (table.equals("flyway_schema_history")) {
                    continue;
                }
                String sql = "SELECT count(*) FROM \"" + table + "\" t WHERE t::text ILIKE ? OR t::text ILIKE ?"
                        + " OR regexp_replace(t::text, '\\D', '', 'g') LIKE ?";
                try (PreparedStatement query = db.prepareStatement(sql)) {
                    query.setString(1, "%" + EMAIL + "%");
                    query.setString(2, "%quillfeather%");
                    query.setString(3, "%" + PHONE_DIGITS + "%");
                    try (ResultSet rs = query.executeQuery()) {
                        rs.next();
                        if (rs.getLong(1) > 0) {
                            tables.add(table + " (" + rs.getLong(1) + ")");
                        }
                    }
                }
            }
        }
        return tables;
    }

    private long count(String service, String sql, String value) throws SQLException {
        try (Connection db = connect(service);
                PreparedStatement query = db.prepareStatement(sql)) {
            query.setString(1, value);
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private Connection connect(String service) throws SQLException {
        return DriverManager.getConnection(platform.jdbcBase() + service.replace("-", "_"), "postgres", "");
    }

    private static long files(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).count();
        }
    }

    static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> entries = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                entries.put(entry.getName(), in.readAllBytes());
            }
        }
        return entries;
    }
}

package io.openhire.storage.backups;

import static io.openhire.platform.test.TestHttp.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.openhire.platform.security.PlatformRoles;
import io.openhire.platform.test.TestHttp;
import io.openhire.platform.test.TestKafka;
import io.openhire.platform.test.TestPostgres;
import io.openhire.platform.test.TestTokens;
import io.openhire.storage.StorageConfiguration;
import io.openhire.storage.objects.FileSystemObjectStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import javax.crypto.spec.SecretKeySpec;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * A backup as an operator takes and restores it: storage's documents and another service's rows, taken through the
 * API, then restored into empty databases and an empty object store, where every row, sequence and document byte is
 * found again — and nothing of it readable without the backup key.
 */
@SpringBootTest(
        classes = BackupsIT.App.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.application.name=storage")
class BackupsIT {

    static final TestTokens TOKENS = new TestTokens();
    static final byte[] BACKUP_KEY = new byte[32];
    static final String STORAGE_DB = TestPostgres.newDatabase("storage");
    static final String PLACEMENTS_DB = TestPostgres.newDatabase("placements");
    static Path root;
    static Path backups;
    static Path secrets;

    static {
        new java.security.SecureRandom().nextBytes(BACKUP_KEY);
        migrate(PLACEMENTS_DB, "backup-test", null);
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(StorageConfiguration.class)
    static class App {}

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws IOException {
        root = Files.createTempDirectory("openhire-objects");
        backups = Files.createTempDirectory("openhire-backups");
        secrets = Files.createTempDirectory("openhire-secrets");
        Files.writeString(secrets.resolve("storage-encryption.key"), "the storage key");
        registry.add("spring.datasource.url", () -> STORAGE_DB);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.kafka.bootstrap-servers", TestKafka::bootstrapServers);
        registry.add("openhire.security.issuer", () -> TestTokens.ISSUER);
        registry.add("openhire.security.jwk-set-uri", TOKENS::jwkSetUri);
        registry.add("openhire.storage.filesystem.root", root::toString);
        registry.add(
                "openhire.storage.encryption-key", () -> Base64.getEncoder().encodeToString(new byte[32]));
        registry.add("openhire.storage.backups.directory", backups::toString);
        registry.add("openhire.storage.backups.key", () -> Base64.getEncoder().encodeToString(BACKUP_KEY));
        registry.add("openhire.storage.backups.secrets-directory", secrets::toString);
        registry.add("openhire.storage.backups.databases.storage.url", () -> STORAGE_DB);
        registry.add("openhire.storage.backups.databases.storage.username", () -> "postgres");
        registry.add("openhire.storage.backups.databases.backup-test.url", () -> PLACEMENTS_DB);
        registry.add("openhire.storage.backups.databases.backup-test.username", () -> "postgres");
        registry.add("openhire.storage.backups.skip-tables", () -> "backup-test.scratch");
    }

    @AfterAll
    static void stop() {
        TOKENS.close();
    }

    @LocalServerPort
    int port;

    final UUID org = UUID.randomUUID();
    final String operator = TOKENS.token(UUID.randomUUID(), UUID.randomUUID(), "ADMIN", PlatformRoles.OPERATOR);

    TestHttp http() {
        return new TestHttp("http://localhost:" + port);
    }

    @Test
    void whatIsBackedUpIsFoundAgainInAnEmptyInstallation() throws Exception {
        byte[] resume = "%PDF-1.7 Ana Lopez, nurse".getBytes(StandardCharsets.UTF_8);
        String recruiter = TOKENS.token(UUID.randomUUID(), org, "RECRUITER");
        assertThat(http().putRaw("/api/v1/data/documents/ana.pdf", "application/pdf", resume, bearer(recruiter))
                        .status())
                .isEqualTo(201);
        assertThat(http().putRaw(
                                "/api/v1/data/documents/notes/ana.txt",
                                "text/plain",
                                "calm".getBytes(),
                                bearer(recruiter))
                        .status())
                .isEqualTo(201);
        JdbcClient placements = jdbc(PLACEMENTS_DB);
        long client = placements
                .sql("INSERT INTO client (name) VALUES ('Charité') RETURNING id")
                .query(Long.class)
                .single();
        for (int i = 0; i < 3; i++) {
            placements
                    .sql(
                            "INSERT INTO placement (client_id, candidate, fee, placed_on, notes)"
                                    + " VALUES (:c, :who, 12500.50, DATE '2026-11-30', CAST('{\"via\":\"referral\"}' AS jsonb))")
                    .param("c", client)
                    .param("who", "candidate " + i)
                    .update();
        }

        // 202, or 409 while another test's backup runs or was taken this very second
        placements
                .sql("INSERT INTO scratch (note) VALUES ('diagnostics, not data')")
                .update();

        TestHttp.Response started = await().atMost(Duration.ofSeconds(30))
                .until(() -> http().post("/api/v1/backups", Map.of(), bearer(operator)), r -> r.status() == 202);
        String name = started.json().path("name").asString();
        JsonNode done = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> find(
                                http().get("/api/v1/backups", bearer(operator)).json(), name),
                        b -> b != null && b.path("status").asString().equals("complete"));
        assertThat(done.path("databases").asInt()).isEqualTo(2);
        assertThat(done.path("objects").asLong()).isEqualTo(2);
        assertThat(done.path("rows").asLong()).isEqualTo(2 + 2 + 3); // stored objects, clients, placements

        // a fresh installation: empty databases, an empty object store
        String storageAgain = TestPostgres.newDatabase("storage_restored");
        String placementsAgain = TestPostgres.newDatabase("placements_restored");
        Path rootAgain = Files.createTempDirectory("openhire-objects-restored");
        Path secretsAgain =
                Files.createTempDirectory("openhire-secrets-restored").resolve("secrets");
        try (Restore restore = Restore.open(backups.resolve(name), new SecretKeySpec(BACKUP_KEY, "AES"))) {
            restore.database("storage", storageAgain, "postgres", null);
            restore.database("backup-test", placementsAgain, "postgres", null);
            try (FileSystemObjectStore store = new FileSystemObjectStore(rootAgain)) {
                assertThat(restore.objects(store)).isEqualTo(2);
            }
            assertThat(restore.secrets(secretsAgain)).containsExactly("storage-encryption.key");
        }

        assertThat(rows(jdbc(placementsAgain), "placement")).isEqualTo(rows(placements, "placement"));
        assertThat(rows(jdbc(placementsAgain), "client")).isEqualTo(rows(placements, "client"));
        assertThat(rows(jdbc(placementsAgain), "scratch"))
                .as("a table left out is restored empty")
                .isEmpty();
        assertThat(rows(jdbc(storageAgain), "stored_object")).isEqualTo(rows(jdbc(STORAGE_DB), "stored_object"));
        // the sequences go on where they were: a new row does not take a restored row's id
        long next = jdbc(placementsAgain)
                .sql("INSERT INTO client (name) VALUES ('next') RETURNING id")
                .query(Long.class)
                .single();
        assertThat(next).isGreaterThan(client);
        // every object's stored bytes, as they were
        assertThat(files(rootAgain)).isEqualTo(files(root));
        assertThat(Files.readString(secretsAgain.resolve("storage-encryption.key")))
                .isEqualTo("the storage key");
        // the backup itself: no document, row or key in the clear
        byte[] file = Files.readAllBytes(backups.resolve(name));
        assertThat(new String(file, StandardCharsets.ISO_8859_1))
                .doesNotContain("Ana Lopez", "Charité", "candidate 0", "the storage key");
    }

    @Test
    void aBackupIsReadOnlyWithItsKey() throws Exception {
        TestHttp.Response started = await().atMost(Duration.ofSeconds(30))
                .until(() -> http().post("/api/v1/backups", Map.of(), bearer(operator)), r -> r.status() == 202);
        String name = started.json().path("name").asString();
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(backups.resolve(name)));

        byte[] otherKey = new byte[32];
        otherKey[0] = 1;
        assertThatThrownBy(() -> Restore.open(backups.resolve(name), new SecretKeySpec(otherKey, "AES")))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("does not decrypt");
    }

    @Test
    void backupsAreForPlatformOperators() {
        String admin = TOKENS.token(UUID.randomUUID(), org, "ADMIN");
        assertThat(http().get("/api/v1/backups", bearer(admin)).status()).isEqualTo(403);
        assertThat(http().post("/api/v1/backups", Map.of(), bearer(admin)).status())
                .isEqualTo(403);
        assertThat(http().post("/api/v1/backups", Map.of(), bearer(TOKENS.serviceToken("matching", org)))
                        .status())
                .isEqualTo(403);
        assertThat(http().get("/api/v1/backups").status()).isEqualTo(401);
    }

    private static JsonNode find(JsonNode list, String name) {
        for (JsonNode backup : list) {
            if (backup.path("name").asString().equals(name)) {
                return backup;
            }
        }
        return null;
    }

    private static List<Map<String, Object>> rows(JdbcClient jdbc, String table) {
        return jdbc.sql("SELECT * FROM " + table + " ORDER BY 1, 2").query().listOfRows();
    }

    private static Map<String, String> files(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile)
                    .collect(java.util.stream.Collectors.toMap(
                            f -> root.relativize(f).toString(), f -> {
                                try {
                                    return Base64.getEncoder().encodeToString(Files.readAllBytes(f));
                                } catch (IOException e) {
                                    throw new java.io.UncheckedIOException(e);
                                }
                            }));
        }
    }

    private static JdbcClient jdbc(String url) {
        return JdbcClient.create(new SimpleDriverDataSource(new org.postgresql.Driver(), url, "postgres", ""));
    }

    private static void migrate(String url, String service, String target) {
        var flyway =
                Flyway.configure().dataSource(url, "postgres", null).locations("classpath:db/migration/" + service);
        if (target != null) {
            flyway.target(target);
        }
        flyway.load().migrate();
    }
}

package io.openhire.storage;

import static io.openhire.platform.test.TestHttp.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import io.openhire.platform.test.TestHttp;
import io.openhire.platform.test.TestInfrastructure;
import io.openhire.platform.test.TestTokens;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The document API on the filesystem backend, as a client (or another service) uses it. */
@SpringBootTest(
        classes = StorageIT.App.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.application.name=storage")
class StorageIT {

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(StorageConfiguration.class)
    static class App {}

    static final TestTokens TOKENS = new TestTokens();
    static Path root;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws IOException {
        root = Files.createTempDirectory("openhire-objects");
        TestInfrastructure.register(registry, "storage");
        registry.add("openhire.security.jwk-set-uri", TOKENS::jwkSetUri);
        registry.add("openhire.storage.filesystem.root", root::toString);
        registry.add(
                "openhire.storage.encryption-key", () -> Base64.getEncoder().encodeToString(new byte[32]));
        registry.add("openhire.storage.max-object-size", () -> "1MB");
        registry.add("openhire.web.max-request-size", () -> "2MB");
    }

    @AfterAll
    static void stop() {
        TOKENS.close();
    }

    @LocalServerPort
    int port;

    final UUID org = UUID.randomUUID();

    TestHttp http() {
        return new TestHttp("http://localhost:" + port);
    }

    String[] recruiter(UUID organization) {
        return bearer(TOKENS.token(UUID.randomUUID(), organization, "RECRUITER"));
    }

    TestHttp.Response put(String path, String contentType, byte[] body, UUID organization) {
        return http().putRaw(path, contentType, body, recruiter(organization));
    }

    @Test
    void storesAndReturnsADocumentWithItsHashSizeAndType() throws Exception {
        byte[] pdf = "%PDF-1.7 pretend resume".getBytes(StandardCharsets.UTF_8);

        TestHttp.Response stored = put("/api/v1/data/resumes/2026/ana-lopez.pdf", "application/pdf", pdf, org);

        assertThat(stored.status()).isEqualTo(201);
        assertThat(stored.header("Location")).isEqualTo("/api/v1/data/resumes/2026/ana-lopez.pdf");
        String sha =
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(pdf));
        assertThat(stored.json().get("sha256").asString()).isEqualTo(sha);
        assertThat(stored.json().get("size").asLong()).isEqualTo(pdf.length);
        assertThat(stored.json().get("mediaType").asString()).isEqualTo("application/pdf");

        TestHttp.Response read = http().get("/api/v1/data/resumes/2026/ana-lopez.pdf", recruiter(org));
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.contentType()).isEqualTo("application/pdf");
        assertThat(read.body()).isEqualTo("%PDF-1.7 pretend resume");
        assertThat(read.header("ETag")).isEqualTo("\"" + sha + "\"");
    }

    @Test
    void replacingADocumentAnswers200AndServesTheNewBytes() {
        put("/api/v1/data/jobs/ad.txt", "text/plain", "v1".getBytes(StandardCharsets.UTF_8), org);

        TestHttp.Response replaced =
                put("/api/v1/data/jobs/ad.txt", "text/plain", "v2".getBytes(StandardCharsets.UTF_8), org);

        assertThat(replaced.status()).isEqualTo(200);
        assertThat(http().get("/api/v1/data/jobs/ad.txt", recruiter(org)).body())
                .isEqualTo("v2");
    }

    @Test
    void filesAreEncryptedAtRest() throws IOException {
        String secret = "Ana Lopez, +34 600 123 456, ana@example.com";
        put("/api/v1/data/resumes/secret.txt", "text/plain", secret.getBytes(StandardCharsets.UTF_8), org);

        try (Stream<Path> files = Files.walk(root)) {
            Path file = files.filter(p -> p.endsWith("secret.txt")).findFirst().orElseThrow();
            byte[] onDisk = Files.readAllBytes(file);
            assertThat(new String(onDisk, StandardCharsets.ISO_8859_1))
                    .doesNotContain("Ana Lopez")
                    .doesNotContain("ana@");
            assertThat(onDisk.length).isGreaterThan(secret.length());
        }
    }

    @Test
    void anotherOrganisationCannotReadListOrDeleteADocument() {
        put("/api/v1/data/resumes/private.txt", "text/plain", "ours".getBytes(StandardCharsets.UTF_8), org);
        UUID other = UUID.randomUUID();

        assertThat(http().get("/api/v1/data/resumes/private.txt", recruiter(other))
                        .status())
                .isEqualTo(404);
        assertThat(http().get("/api/v1/data/resumes", recruiter(other))
                        .json()
                        .get("items")
                        .size())
                .isZero();
        assertThat(http().delete("/api/v1/data/resumes/private.txt", recruiter(other))
                        .status())
                .isEqualTo(404);
        assertThat(http().get("/api/v1/data/resumes/private.txt", recruiter(org))
                        .body())
                .isEqualTo("ours");
    }

    @Test
    void listsByPrefixAndDeletes() {
        UUID mine = UUID.randomUUID();
        put("/api/v1/data/models/text-embedding/1/model.onnx", "application/octet-stream", new byte[] {1}, mine);
        put("/api/v1/data/models/text-embedding/2/model.onnx", "application/octet-stream", new byte[] {2}, mine);
        put("/api/v1/data/models/ranker/1/model.onnx", "application/octet-stream", new byte[] {3}, mine);

        TestHttp.Response listed = http().get("/api/v1/data/models?prefix=text-embedding/", recruiter(mine));
        assertThat(listed.json().get("items").findValuesAsString("key"))
                .containsExactly("text-embedding/1/model.onnx", "text-embedding/2/model.onnx");

        assertThat(http().delete("/api/v1/data/models/ranker/1/model.onnx", recruiter(mine))
                        .status())
                .isEqualTo(204);
        assertThat(http().get("/api/v1/data/models/ranker/1/model.onnx", recruiter(mine))
                        .status())
                .isEqualTo(404);
        assertThat(http().delete("/api/v1/data/models/ranker/1/model.onnx", recruiter(mine))
                        .status())
                .isEqualTo(404);
    }

    @Test
    void badNamesTooLargeBodiesAndMissingTokensAreRefused() {
        TestHttp.Response badBucket = put("/api/v1/data/Resumes!/cv.pdf", "application/pdf", new byte[] {1}, org);
        assertThat(badBucket.status()).isEqualTo(400);
        assertThat(badBucket.json().get("errors").get(0).get("field").asString())
                .isEqualTo("bucket");

        TestHttp.Response traversal =
                put("/api/v1/data/resumes/a/%2E%2E/b.pdf", "application/pdf", new byte[] {1}, org);
        assertThat(traversal.status()).isEqualTo(400);

        TestHttp.Response tooLarge =
                put("/api/v1/data/resumes/big.bin", "application/octet-stream", new byte[1024 * 1024 + 1], org);
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(http().get("/api/v1/data/resumes/big.bin", recruiter(org)).status())
                .isEqualTo(404);

        assertThat(http().get("/api/v1/data/resumes/cv.pdf").status()).isEqualTo(401);
        TestHttp.Response candidate = http().putRaw(
                        "/api/v1/data/resumes/x.txt",
                        "text/plain",
                        new byte[] {1},
                        bearer(TOKENS.token(UUID.randomUUID(), org, "CANDIDATE")));
        assertThat(candidate.status()).isEqualTo(403);
    }
}

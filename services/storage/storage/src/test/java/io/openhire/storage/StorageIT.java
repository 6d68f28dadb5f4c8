package io.openhire.storage;

import static io.openhire.platform.test.TestHttp.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openhire.platform.test.TestHttp;
import io.openhire.platform.test.TestInfrastructure;
import io.openhire.platform.test.TestTokens;
import io.openhire.storage.client.ObjectListing;
import io.openhire.storage.client.ObjectMetadata;
import io.openhire.storage.client.StorageApi;
import io.openhire.storage.client.StorageBuckets;
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
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.support.RestClientAdapter;
import org.springframework.web.service.invoker.HttpServiceProxyFactory;

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

    /** As identity issues it to another service: subject {@code service:<name>}, kind service, role SERVICE. */
    static String[] service(String name, UUID organization) {
        return bearer(TOKENS.serviceToken(name, organization));
    }

    static String[] role(String role, UUID organization) {
        return bearer(TOKENS.token(UUID.randomUUID(), organization, role));
    }

    static void assertForbidden(TestHttp.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(403);
        assertThat(response.json().get("type").asString()).isEqualTo("https://openhire.io/problems/forbidden");
    }

    static java.util.List<Path> temporaryFiles() throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".tmp"))
                    .toList();
        }
    }

    @Test
    void storesAndReturnsADocumentWithItsHashSizeAndType() throws Exception {
        byte[] pdf = "%PDF-1.7 pretend resume".getBytes(StandardCharsets.UTF_8);

        TestHttp.Response stored = put("/api/v1/data/documents/2026/ana-lopez.pdf", "application/pdf", pdf, org);

        assertThat(stored.status()).isEqualTo(201);
        assertThat(stored.header("Location")).isEqualTo("/api/v1/data/documents/2026/ana-lopez.pdf");
        String sha =
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(pdf));
        assertThat(stored.json().get("sha256").asString()).isEqualTo(sha);
        assertThat(stored.json().get("size").asLong()).isEqualTo(pdf.length);
        assertThat(stored.json().get("mediaType").asString()).isEqualTo("application/pdf");

        TestHttp.Response read = http().get("/api/v1/data/documents/2026/ana-lopez.pdf", recruiter(org));
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
        put("/api/v1/data/documents/secret.txt", "text/plain", secret.getBytes(StandardCharsets.UTF_8), org);

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
        put("/api/v1/data/documents/private.txt", "text/plain", "ours".getBytes(StandardCharsets.UTF_8), org);
        UUID other = UUID.randomUUID();

        assertThat(http().get("/api/v1/data/documents/private.txt", recruiter(other))
                        .status())
                .isEqualTo(404);
        assertThat(http().get("/api/v1/data/documents", recruiter(other))
                        .json()
                        .get("items")
                        .size())
                .isZero();
        assertThat(http().delete("/api/v1/data/documents/private.txt", recruiter(other))
                        .status())
                .isEqualTo(404);
        assertThat(http().get("/api/v1/data/documents/private.txt", recruiter(org))
                        .body())
                .isEqualTo("ours");
    }

    @Test
    void listsByPrefixAndDeletes() {
        UUID mine = UUID.randomUUID();
        put("/api/v1/data/artifacts/text-embedding/1/model.onnx", "application/octet-stream", new byte[] {1}, mine);
        put("/api/v1/data/artifacts/text-embedding/2/model.onnx", "application/octet-stream", new byte[] {2}, mine);
        put("/api/v1/data/artifacts/ranker/1/model.onnx", "application/octet-stream", new byte[] {3}, mine);

        TestHttp.Response listed = http().get("/api/v1/data/artifacts?prefix=text-embedding/", recruiter(mine));
        assertThat(listed.json().get("items").findValuesAsString("key"))
                .containsExactly("text-embedding/1/model.onnx", "text-embedding/2/model.onnx");

        assertThat(http().delete("/api/v1/data/artifacts/ranker/1/model.onnx", recruiter(mine))
                        .status())
                .isEqualTo(204);
        assertThat(http().get("/api/v1/data/artifacts/ranker/1/model.onnx", recruiter(mine))
                        .status())
                .isEqualTo(404);
        assertThat(http().delete("/api/v1/data/artifacts/ranker/1/model.onnx", recruiter(mine))
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
                put("/api/v1/data/documents/a/%2E%2E/b.pdf", "application/pdf", new byte[] {1}, org);
        assertThat(traversal.status()).isEqualTo(400);

        TestHttp.Response tooLarge =
                put("/api/v1/data/documents/big.bin", "application/octet-stream", new byte[1024 * 1024 + 1], org);
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(http().get("/api/v1/data/documents/big.bin", recruiter(org)).status())
                .isEqualTo(404);

        assertThat(http().get("/api/v1/data/documents/cv.pdf").status()).isEqualTo(401);
        TestHttp.Response candidate = http().putRaw(
                        "/api/v1/data/documents/x.txt",
                        "text/plain",
                        new byte[] {1},
                        bearer(TOKENS.token(UUID.randomUUID(), org, "CANDIDATE")));
        assertThat(candidate.status()).isEqualTo(403);
    }

    @Test
    void candidatesClientsAndOperatorsCannotReadListWriteOrDeleteDocuments() {
        put("/api/v1/data/documents/contract.pdf", "application/pdf", "signed".getBytes(StandardCharsets.UTF_8), org);

        for (String role : new String[] {"CANDIDATE", "CLIENT", "PLATFORM_OPERATOR"}) {
            String[] token = role(role, org);
            assertForbidden(http().get("/api/v1/data/documents/contract.pdf", token));
            assertForbidden(http().get("/api/v1/data/documents", token));
            assertForbidden(http().putRaw("/api/v1/data/documents/mine.pdf", "application/pdf", new byte[] {1}, token));
            assertForbidden(http().delete("/api/v1/data/documents/contract.pdf", token));
        }

        assertThat(http().get("/api/v1/data/documents/contract.pdf", role("ADMIN", org))
                        .body())
                .isEqualTo("signed");
        assertThat(http().get("/api/v1/data/documents/mine.pdf", recruiter(org)).status())
                .isEqualTo(404);
    }

    @Test
    void theResumesBucketIsReachedOnlyByTheResumeServices() {
        byte[] resume = "Ana Lopez, Java".getBytes(StandardCharsets.UTF_8);

        TestHttp.Response byIngestion =
                http().putRaw("/api/v1/data/resumes/ana.txt", "text/plain", resume, service("resume-ingestion", org));
        assertThat(byIngestion.status()).as(byIngestion.body()).isEqualTo(201);
        assertThat(http().get("/api/v1/data/resumes/ana.txt", service("resume-processing", org))
                        .body())
                .isEqualTo("Ana Lopez, Java");

        // Not a person of the organisation, however senior; not another service; not a user token with role SERVICE.
        for (String[] token :
                java.util.List.of(recruiter(org), role("ADMIN", org), service("matching", org), role("SERVICE", org))) {
            TestHttp.Response read = http().get("/api/v1/data/resumes/ana.txt", token);
            assertForbidden(read);
            assertThat(read.json().get("detail").asString())
                    .contains("belongs to", "resume-ingestion")
                    .contains("through that service");
            assertForbidden(http().get("/api/v1/data/resumes", token));
            assertForbidden(http().putRaw("/api/v1/data/resumes/ana.txt", "text/plain", new byte[] {1}, token));
            assertForbidden(http().delete("/api/v1/data/resumes/ana.txt", token));
        }
        assertThat(http().get("/api/v1/data/resumes/ana.txt", service("resume-ingestion", org))
                        .body())
                .as("nothing was replaced or deleted")
                .isEqualTo("Ana Lopez, Java");
        assertThat(http().delete("/api/v1/data/resumes/ana.txt", service("resume-ingestion", org))
                        .status())
                .isEqualTo(204);

        // models belongs to model-registry alone; a recruiter's own bucket stays theirs.
        assertThat(http().putRaw(
                                "/api/v1/data/models/m.onnx",
                                "application/octet-stream",
                                new byte[] {1},
                                service("model-registry", org))
                        .status())
                .isEqualTo(201);
        assertForbidden(http().get("/api/v1/data/models/m.onnx", service("resume-ingestion", org)));
        assertThat(put("/api/v1/data/interview-notes/ana.txt", "text/plain", resume, org)
                        .status())
                .isEqualTo(201);
    }

    /** storage-client's interface, as another service's ServiceClients builds it, with that service's token. */
    StorageApi client(String[] authorization) {
        RestClient rest = RestClient.builder()
                .baseUrl("http://localhost:" + port)
                .defaultHeader(authorization[0], authorization[1])
                .build();
        return HttpServiceProxyFactory.builderFor(RestClientAdapter.create(rest))
                .build()
                .createClient(StorageApi.class);
    }

    @Test
    void anotherServiceReadsTheAnswersAsStorageClientRecords() throws Exception {
        StorageApi storage = client(service("resume-ingestion", org));
        byte[] resume = "Ana Lopez, Java, Kafka".getBytes(StandardCharsets.UTF_8);

        ObjectMetadata stored = storage.put(StorageBuckets.RESUMES, "ana-lopez.txt", "text/plain", resume);

        assertThat(stored.bucket()).isEqualTo("resumes");
        assertThat(stored.key()).isEqualTo("ana-lopez.txt");
        assertThat(stored.size()).isEqualTo(resume.length);
        assertThat(stored.mediaType()).isEqualTo("text/plain");
        assertThat(stored.sha256())
                .isEqualTo(HexFormat.of()
                        .formatHex(MessageDigest.getInstance("SHA-256").digest(resume)));
        assertThat(stored.createdAt()).isNotNull().isEqualTo(stored.updatedAt());
        assertThat(storage.get(StorageBuckets.RESUMES, "ana-lopez.txt")).isEqualTo(resume);
        ObjectListing listing = storage.list(StorageBuckets.RESUMES, "ana", 10);
        assertThat(listing.items()).containsExactly(stored);
        assertThat(listing.limit()).isEqualTo(10);

        storage.delete(StorageBuckets.RESUMES, "ana-lopez.txt");
        assertThatThrownBy(() -> storage.get(StorageBuckets.RESUMES, "ana-lopez.txt"))
                .isInstanceOf(HttpClientErrorException.NotFound.class);
    }

    @Test
    void aKeyCannotAlsoBeAFolderOfAnotherKey() throws IOException {
        UUID mine = UUID.randomUUID();
        assertThat(put("/api/v1/data/documents/a/b", "text/plain", "b".getBytes(StandardCharsets.UTF_8), mine)
                        .status())
                .isEqualTo(201);
        assertThat(put("/api/v1/data/documents/c", "text/plain", "c".getBytes(StandardCharsets.UTF_8), mine)
                        .status())
                .isEqualTo(201);

        TestHttp.Response fileOverFolder =
                put("/api/v1/data/documents/a", "text/plain", "a".getBytes(StandardCharsets.UTF_8), mine);
        assertThat(fileOverFolder.status()).as(fileOverFolder.body()).isEqualTo(409);
        assertThat(fileOverFolder.json().get("type").asString()).isEqualTo("https://openhire.io/problems/key-conflict");
        assertThat(fileOverFolder.json().get("existingKey").asString()).isEqualTo("a/b");
        assertThat(fileOverFolder.json().get("detail").asString()).contains("a/b");

        TestHttp.Response folderOverFile =
                put("/api/v1/data/documents/c/d/e", "text/plain", "e".getBytes(StandardCharsets.UTF_8), mine);
        assertThat(folderOverFile.status()).as(folderOverFile.body()).isEqualTo(409);
        assertThat(folderOverFile.json().get("existingKey").asString()).isEqualTo("c");

        assertThat(http().get("/api/v1/data/documents", recruiter(mine))
                        .json()
                        .get("items")
                        .findValuesAsString("key"))
                .containsExactly("a/b", "c");
        assertThat(http().get("/api/v1/data/documents/c", recruiter(mine)).body())
                .isEqualTo("c");
        assertThat(temporaryFiles()).isEmpty();

        // Once a/b is gone, a may be a document (its folder, now empty, gives way).
        assertThat(http().delete("/api/v1/data/documents/a/b", recruiter(mine)).status())
                .isEqualTo(204);
        assertThat(put("/api/v1/data/documents/a", "text/plain", "a".getBytes(StandardCharsets.UTF_8), mine)
                        .status())
                .isEqualTo(201);
        assertThat(http().get("/api/v1/data/documents/a", recruiter(mine)).body())
                .isEqualTo("a");
        // Another organisation has its own tree.
        assertThat(put("/api/v1/data/documents/a/b", "text/plain", new byte[] {1}, UUID.randomUUID())
                        .status())
                .isEqualTo(201);
    }

    @Test
    void documentsAreServedAsDownloadsThatABrowserWillNotRun() {
        String page = "<html><script>fetch('/api/v1/users')</script></html>";
        put("/api/v1/data/documents/page.html", "text/html", page.getBytes(StandardCharsets.UTF_8), org);

        TestHttp.Response read = http().get("/api/v1/data/documents/page.html", recruiter(org));

        assertThat(read.status()).isEqualTo(200);
        assertThat(read.contentType()).isEqualTo("application/octet-stream");
        assertThat(read.header("Content-Disposition")).isEqualTo("attachment; filename=\"page.html\"");
        assertThat(read.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(read.header("Content-Security-Policy")).contains("sandbox");
        assertThat(read.body()).isEqualTo(page);
        assertThat(http().get("/api/v1/data/documents?prefix=page", recruiter(org))
                        .json()
                        .get("items")
                        .get(0)
                        .get("mediaType")
                        .asString())
                .as("the metadata keeps the type as given")
                .isEqualTo("text/html");

        put("/api/v1/data/documents/cvs/curr%C3%ADculum.pdf", "application/pdf", new byte[] {1}, org);
        TestHttp.Response pdf = http().get("/api/v1/data/documents/cvs/curr%C3%ADculum.pdf", recruiter(org));
        assertThat(pdf.contentType()).isEqualTo("application/pdf");
        assertThat(pdf.header("Content-Disposition"))
                .isEqualTo("attachment; filename=\"curr_culum.pdf\"; filename*=UTF-8''curr%C3%ADculum.pdf");
    }
}

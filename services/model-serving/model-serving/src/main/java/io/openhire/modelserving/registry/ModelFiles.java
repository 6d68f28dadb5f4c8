package io.openhire.modelserving.registry;

import io.openhire.platform.crypto.Sha256;
import io.openhire.platform.http.ServiceAccount;
import io.openhire.platform.security.PlatformOrganization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

/**
 * A version's artifact and tokenizer on local disk, downloaded from the registry once and verified by
 * SHA-256 every time they are used: a file that does not hash to what the registry recorded is refused,
 * whether it was corrupted in storage, in transit or on this disk.
 */
public class ModelFiles {

    /** The artifact (or tokenizer) is not what the registry recorded. */
    public static final class Rejected extends RuntimeException {
        public Rejected(String message) {
            super(message);
        }
    }

    public record LocalFiles(Path model, Path tokenizer) {}

    private final Path root;
    private final String registryUrl;
    private final ServiceAccount serviceAccount;
    private final HttpClient http;

    public ModelFiles(Path root, String registryUrl, ServiceAccount serviceAccount) {
        this.root = root;
        this.registryUrl = registryUrl;
        this.serviceAccount = serviceAccount;
        this.http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    public LocalFiles fetch(String model, int version, String artifactSha256, String tokenizerSha256) {
        Path dir = root.resolve(model).resolve(version + "-" + artifactSha256.substring(0, 16));
        Path onnx = ensure(dir.resolve("model.onnx"), model, version, "artifact", artifactSha256);
        Path tokenizer = ensure(dir.resolve("tokenizer.json"), model, version, "tokenizer", tokenizerSha256);
        return new LocalFiles(onnx, tokenizer);
    }

    private Path ensure(Path file, String model, int version, String part, String expected) {
        try {
            if (Files.exists(file) && Sha256.hex(file).equals(expected)) {
                return file;
            }
            Files.createDirectories(file.getParent());
            Path download = Files.createTempFile(file.getParent(), part, ".download");
            try {
                HttpRequest request = HttpRequest.newBuilder(URI.create(
                                registryUrl + "/api/v1/models/" + model + "/versions/" + version + "/" + part))
                        .header("Authorization", "Bearer " + serviceAccount.tokenFor(PlatformOrganization.ID))
                        .timeout(Duration.ofMinutes(10))
                        .GET()
                        .build();
                HttpResponse<Path> response = http.send(request, HttpResponse.BodyHandlers.ofFile(download));
                if (response.statusCode() != 200) {
                    throw new IllegalStateException("the registry answered " + response.statusCode() + " for the "
                            + part + " of " + model + " version " + version);
                }
                String actual = Sha256.hex(download);
                if (!actual.equals(expected)) {
                    throw new Rejected("the " + part + " of " + model + " version " + version + " has SHA-256 " + actual
                            + " but the registry recorded " + expected + ": refused");
                }
                Files.move(download, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                return file;
            } finally {
                Files.deleteIfExists(download);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot download the " + part + " of " + model + " " + version, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}

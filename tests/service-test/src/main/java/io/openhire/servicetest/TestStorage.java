package io.openhire.servicetest;

import io.openhire.platform.test.TestServices;
import io.openhire.platform.test.TestTokens;
import io.openhire.storage.StorageConfiguration;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The real storage service, for testing a service that keeps files in it: on its own port and database,
 * objects in a fresh directory, encrypted with a test key, accepting the tokens of {@code tokens}.
 *
 * <pre>{@code
 * storage = TestStorage.start(TOKENS);
 * registry.add("openhire.clients.services.storage.url", storage::url);
 * }</pre>
 *
 * @param objects where the stored objects lie on disk (to check, say, that nothing is kept unencrypted)
 */
public record TestStorage(TestServices.Running service, Path objects) implements AutoCloseable {

    /** The all-zero test key: tests that read the files themselves may decrypt with it. */
    public static final String ENCRYPTION_KEY = Base64.getEncoder().encodeToString(new byte[32]);

    public static TestStorage start(TestTokens tokens) {
        return start(tokens, Map.of());
    }

    /** @param properties further {@code openhire.storage.*} settings (bucket limits, say) */
    public static TestStorage start(TestTokens tokens, Map<String, Object> properties) {
        Path objects;
        try {
            objects = Files.createTempDirectory("openhire-objects");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("openhire.storage.filesystem.root", objects.toString());
        all.put("openhire.storage.encryption-key", ENCRYPTION_KEY);
        all.putAll(properties);
        return new TestStorage(TestServices.start("storage", StorageConfiguration.class, tokens, all), objects);
    }

    public String url() {
        return service.url();
    }

    @Override
    public void close() {
        service.close();
    }
}

package io.openhire.modelregistry.artifacts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A temporary directory for one upload or import, under the registry's work directory; deleted on close. */
public final class WorkDirectory implements AutoCloseable {

    private final Path path;

    public WorkDirectory(Path workDir, String prefix) {
        try {
            Files.createDirectories(workDir);
            this.path = Files.createTempDirectory(workDir, prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path resolve(String name) {
        return path.resolve(name);
    }

    @Override
    public void close() {
        try (var files = Files.list(path)) {
            for (Path file : files.toList()) {
                Files.deleteIfExists(file);
            }
            Files.deleteIfExists(path);
        } catch (IOException ignored) {
            // a temporary directory: the OS cleans it eventually
        }
    }
}

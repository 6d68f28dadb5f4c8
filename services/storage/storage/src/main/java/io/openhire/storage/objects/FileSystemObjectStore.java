package io.openhire.storage.objects;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.UUID;

/**
 * Objects as files under a root directory. Writes go to a temporary file first and are moved into
 * place atomically, so a reader never sees half an object and a crash leaves the previous version.
 */
public class FileSystemObjectStore implements ObjectStore {

    private final Path root;

    public FileSystemObjectStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
        try {
            Files.createDirectories(this.root);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the object store directory " + this.root, e);
        }
    }

    @Override
    public void put(String path, byte[] bytes) {
        Path target = resolve(path);
        Path temporary = target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try {
            Files.createDirectories(target.getParent());
            Files.write(temporary, bytes);
            if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
                // A folder left behind by deleted objects below this path: if it is empty, it gives way
                // (if it is not, this fails and the caller's bookkeeping has gone wrong).
                Files.delete(target);
            }
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            deleteQuietly(temporary);
            throw new UncheckedIOException("Cannot write object", e);
        }
    }

    /** A failed write must not leave its temporary file behind. */
    private static void deleteQuietly(Path temporary) {
        try {
            Files.deleteIfExists(temporary);
        } catch (IOException e) {
            // The write failed already; that is the error worth reporting.
        }
    }

    @Override
    public Optional<byte[]> get(String path) {
        try {
            return Optional.of(Files.readAllBytes(resolve(path)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read object", e);
        }
    }

    @Override
    public void delete(String path) {
        try {
            Files.deleteIfExists(resolve(path));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete object", e);
        }
    }

    /** The service validates paths; this is the last line of defence against escaping the root. */
    private Path resolve(String path) {
        Path resolved = root.resolve(path).normalize();
        if (!resolved.startsWith(root) || resolved.equals(root)) {
            throw new IllegalArgumentException("Object path outside the store");
        }
        return resolved;
    }
}

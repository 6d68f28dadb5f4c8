package io.openhire.storage.objects;

import java.util.Optional;

/**
 * Where encrypted object bytes live. Paths are built by the service from validated parts
 * ({@code <organisation>/<bucket>/<key>}); implementations store bytes, nothing else.
 */
public interface ObjectStore extends AutoCloseable {

    void put(String path, byte[] bytes);

    Optional<byte[]> get(String path);

    /** Idempotent: deleting what is not there is not an error. */
    void delete(String path);

    @Override
    default void close() {}
}

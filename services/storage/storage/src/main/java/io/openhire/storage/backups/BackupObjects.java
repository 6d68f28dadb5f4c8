package io.openhire.storage.backups;

import io.openhire.storage.objects.ObjectStore;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The object store's part of a backup: every object storage's database lists, its bytes as stored (already
 * encrypted with storage's key, which the backup's secrets hold), whichever backend holds them.
 */
public class BackupObjects {

    /** Entries under this prefix are objects: {@code objects/<organisation>/<bucket>/<key>}. */
    public static final String PREFIX = "objects/";

    public record Copied(long objects, long bytes) {}

    private final ObjectStore store;
    private final JdbcClient jdbc;

    public BackupObjects(ObjectStore store, JdbcClient jdbc) {
        this.store = store;
        this.jdbc = jdbc;
    }

    Copied copyInto(BackupFile.Writer backup) throws IOException {
        long count = 0;
        long bytes = 0;
        for (String path : storedPaths()) {
            Optional<byte[]> stored = store.get(path);
            if (stored.isEmpty()) {
                continue; // deleted since it was listed
            }
            backup.entry(PREFIX + path, stored.get());
            count++;
            bytes += stored.get().length;
        }
        return new Copied(count, bytes);
    }

    /** Every stored object's path, from storage's own database. */
    private List<String> storedPaths() {
        return jdbc.sql("SELECT organization_id || '/' || bucket || '/' || object_key FROM stored_object ORDER BY 1")
                .query(String.class)
                .list();
    }

    /** Puts every object of a backup into {@code store} (a restore). */
    public static long restore(BackupFile.Reader backup, ObjectStore store) throws IOException {
        long count = 0;
        for (String name : backup.names(PREFIX)) {
            store.put(name.substring(PREFIX.length()), backup.read(name));
            count++;
        }
        return count;
    }
}

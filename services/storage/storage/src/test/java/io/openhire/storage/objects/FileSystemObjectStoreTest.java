package io.openhire.storage.objects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSystemObjectStoreTest {

    @TempDir
    Path root;

    @Test
    void aWriteThatCannotBeMovedIntoPlaceLeavesNoTemporaryFile() throws IOException {
        FileSystemObjectStore store = new FileSystemObjectStore(root);
        store.put("org/bucket/a/b", new byte[] {1});

        assertThatThrownBy(() -> store.put("org/bucket/a", new byte[] {2})).isInstanceOf(UncheckedIOException.class);

        try (Stream<Path> files = Files.walk(root)) {
            assertThat(files.map(p -> root.relativize(p).toString()).filter(p -> !p.isEmpty()))
                    .containsExactlyInAnyOrder("org", "org/bucket", "org/bucket/a", "org/bucket/a/b");
        }
        assertThat(store.get("org/bucket/a/b")).hasValue(new byte[] {1});
    }

    @Test
    void theEmptyFolderOfDeletedObjectsGivesWayToAnObject() {
        FileSystemObjectStore store = new FileSystemObjectStore(root);
        store.put("org/bucket/a/b", new byte[] {1});
        store.delete("org/bucket/a/b");

        store.put("org/bucket/a", new byte[] {2});

        assertThat(store.get("org/bucket/a")).hasValue(new byte[] {2});
    }
}

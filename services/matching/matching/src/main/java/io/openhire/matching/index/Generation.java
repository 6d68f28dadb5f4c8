package io.openhire.matching.index;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A complete set of organisation indexes whose vectors all come from one text-embedding version (0: no
 * vectors, while no model answers). A new champion means a new generation, built beside the current one
 * and switched to when complete.
 */
public final class Generation implements Closeable {

    private static final Logger log = LoggerFactory.getLogger(Generation.class);

    private final String id;
    private final int embeddingVersion;
    private final Path dir;
    private final Map<UUID, OrgIndex> orgs = new ConcurrentHashMap<>();

    public Generation(String id, int embeddingVersion, Path dir) {
        this.id = id;
        this.embeddingVersion = embeddingVersion;
        this.dir = dir;
    }

    public String id() {
        return id;
    }

    public int embeddingVersion() {
        return embeddingVersion;
    }

    /** The organisation's index, created empty if it has none yet. */
    public OrgIndex org(UUID organizationId) {
        return orgs.computeIfAbsent(organizationId, org -> new OrgIndex(dir.resolve(org.toString())));
    }

    public Optional<OrgIndex> existing(UUID organizationId) {
        return Optional.ofNullable(orgs.get(organizationId));
    }

    void refreshAll() {
        orgs.values().forEach(OrgIndex::refresh);
    }

    /** Closes every index and deletes the generation's files. */
    @Override
    public void close() throws IOException {
        for (OrgIndex index : orgs.values()) {
            index.close();
        }
        orgs.clear();
        deleteTree(dir);
    }

    /** Closes it, logging rather than throwing a failure (a replaced or given-up generation). */
    void closeQuietly() {
        try {
            close();
        } catch (IOException e) {
            log.warn("Closing index generation {}: {}", id, e.toString());
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}

package io.openhire.privacy.requests;

import io.openhire.privacy.PrivacyProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every completed erasure, written outside the database — next to the backups ({@code openhire.privacy.erasure-ledger})
 * — so that a restore does not bring an erased person back: a backup taken before the erasure still holds them, and
 * when privacy starts on the restored database it files every erasure of the ledger that the database does not know
 * again ({@link ErasureReplay}).
 *
 * <p>A line is JSON: the request, its organisation, when it completed, and the subject as the request kept it,
 * sealed with this service's key (the backups hold the key; the ledger holds no one in the clear). Lines older than
 * {@code erasure-ledger-retention} (longer than the oldest backup is kept) are dropped.
 */
@Component
public class ErasureLedger {

    /** One completed erasure. */
    public record Entry(UUID requestId, UUID organizationId, Instant completedAt, String subjectSealed) {

        byte[] sealed() {
            return Base64.getDecoder().decode(subjectSealed);
        }
    }

    private final Path file;
    private final PrivacyProperties properties;
    private final JsonMapper json;
    private final Clock clock;

    ErasureLedger(PrivacyProperties properties, JsonMapper json, Clock clock) {
        this.file = properties.erasureLedger() == null ? null : Path.of(properties.erasureLedger());
        this.properties = properties;
        this.json = json;
        this.clock = clock;
    }

    public boolean kept() {
        return file != null;
    }

    /**
     * Appends and forces it to disk before the erasure's transaction commits: a ledger line without a completed
     * request (the commit failed) only files the erasure once more, harmlessly; a completed erasure without its line
     * could come back with a restore.
     */
    synchronized void append(UUID requestId, UUID organizationId, byte[] subjectSealed) {
        if (file == null) {
            return;
        }
        Entry entry = new Entry(
                requestId, organizationId, clock.instant(), Base64.getEncoder().encodeToString(subjectSealed));
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            prune();
            try (FileChannel channel = FileChannel.open(
                    file, StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE)) {
                channel.write(java.nio.ByteBuffer.wrap(
                        (json.writeValueAsString(entry) + "\n").getBytes(StandardCharsets.UTF_8)));
                channel.force(true);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("The erasure ledger " + file + " cannot be written", e);
        }
    }

    /** Every entry, oldest first; an unreadable line (cut by a crash mid-write) is skipped. */
    public synchronized List<Entry> entries() {
        List<Entry> entries = new ArrayList<>();
        if (file == null || !Files.exists(file)) {
            return entries;
        }
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                try {
                    if (!line.isBlank()) {
                        entries.add(json.readValue(line, Entry.class));
                    }
                } catch (RuntimeException e) {
                    // half a line from a crash during an append: its erasure's transaction did not commit either
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("The erasure ledger " + file + " cannot be read", e);
        }
        return entries;
    }

    private void prune() throws IOException {
        if (!Files.exists(file)) {
            return;
        }
        Instant before = clock.instant().minus(properties.erasureLedgerRetention());
        List<Entry> all = entries();
        if (all.isEmpty() || !all.getFirst().completedAt().isBefore(before)) {
            return;
        }
        List<String> kept = all.stream()
                .filter(e -> !e.completedAt().isBefore(before))
                .map(json::writeValueAsString)
                .toList();
        Path rewritten = file.resolveSibling(file.getFileName() + ".tmp");
        Files.write(rewritten, kept, StandardCharsets.UTF_8);
        Files.move(rewritten, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * Whether this installation was just restored: {@code ./openhire restore} leaves {@code <ledger>.restored} beside
     * the ledger. Kafka's topics are not in a backup, so the services never heard of the requests still open in it.
     */
    public boolean restored() {
        return file != null && Files.exists(restoredMarker());
    }

    void restoreHandled() {
        try {
            Files.deleteIfExists(restoredMarker());
        } catch (IOException e) {
            throw new UncheckedIOException("The restore marker " + restoredMarker() + " cannot be removed", e);
        }
    }

    private Path restoredMarker() {
        return file.resolveSibling(file.getFileName() + ".restored");
    }
}

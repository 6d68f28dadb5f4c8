package io.openhire.storage.backups;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Seven days, then four weeks: what an operator finds in the backup directory after two months of nightly runs. */
class BackupRetentionTest {

    static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    @TempDir
    Path dir;

    @Test
    void keepsTheLastBackupOfEachOfSevenDaysThenOfEachOfFourWeeks() throws IOException {
        // every night at 02:30 for 60 days, and a second one (by hand) on the last day at 15:30
        LocalDateTime last = LocalDateTime.of(2026, 12, 6, 2, 30); // a Sunday
        for (int day = 0; day < 60; day++) {
            touch(last.minusDays(day));
        }
        touch(last.withHour(15));
        Files.writeString(dir.resolve("notes.txt"), "not a backup");

        BackupRetention.prune(dir, 7, 4);

        List<String> kept;
        try (var files = Files.list(dir)) {
            kept = files.map(f -> f.getFileName().toString()).sorted().toList();
        }
        assertThat(kept)
                .containsExactly(
                        "notes.txt",
                        // the four weeks before the kept days (ISO weeks 45 to 48), the last of each (its Sunday)
                        "openhire-20261108-023000.ohbackup",
                        "openhire-20261115-023000.ohbackup",
                        "openhire-20261122-023000.ohbackup",
                        "openhire-20261129-023000.ohbackup",
                        // Monday 30 November to Sunday 6 December: the day's last backup each
                        "openhire-20261130-023000.ohbackup",
                        "openhire-20261201-023000.ohbackup",
                        "openhire-20261202-023000.ohbackup",
                        "openhire-20261203-023000.ohbackup",
                        "openhire-20261204-023000.ohbackup",
                        "openhire-20261205-023000.ohbackup",
                        "openhire-20261206-153000.ohbackup");
    }

    private void touch(LocalDateTime at) throws IOException {
        Files.writeString(dir.resolve("openhire-" + NAME.format(at) + BackupFile.SUFFIX), "x");
    }
}

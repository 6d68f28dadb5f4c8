package io.openhire.storage.backups;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.IsoFields;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which backups are kept: the newest of each of the latest {@code keepDaily} days that have one, then the newest of
 * each of the {@code keepWeekly} ISO weeks before them. Everything else goes. Names carry the time
 * ({@code openhire-yyyyMMdd-HHmmss.ohbackup}), so no file has to be opened to decide.
 */
final class BackupRetention {

    private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private BackupRetention() {}

    /** @return the files deleted */
    static List<Path> prune(Path directory, int keepDaily, int keepWeekly) throws IOException {
        List<Path> backups;
        try (var files = Files.list(directory)) {
            backups = files.filter(f -> takenAt(f) != null)
                    .sorted(Comparator.comparing(BackupRetention::takenAt).reversed())
                    .toList();
        }
        Set<LocalDate> days = new HashSet<>();
        Set<String> weeks = new HashSet<>();
        Set<Path> keep = new HashSet<>();
        for (Path backup : backups) {
            LocalDate day = takenAt(backup).toLocalDate();
            if (days.size() < keepDaily || days.contains(day)) {
                if (days.add(day)) {
                    keep.add(backup);
                }
                continue;
            }
            String week = day.get(IsoFields.WEEK_BASED_YEAR) + "-" + day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
            boolean weekOfAKeptDay = days.stream()
                    .anyMatch(d -> (d.get(IsoFields.WEEK_BASED_YEAR) + "-" + d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR))
                            .equals(week));
            if (!weekOfAKeptDay && !weeks.contains(week) && weeks.size() < keepWeekly) {
                weeks.add(week);
                keep.add(backup);
            }
        }
        List<Path> deleted = backups.stream().filter(b -> !keep.contains(b)).toList();
        for (Path old : deleted) {
            Files.deleteIfExists(old);
        }
        return deleted;
    }

    static LocalDateTime takenAt(Path file) {
        String name = file.getFileName().toString();
        if (!name.startsWith("openhire-") || !name.endsWith(BackupFile.SUFFIX)) {
            return null;
        }
        try {
            return LocalDateTime.parse(
                    name.substring("openhire-".length(), name.length() - BackupFile.SUFFIX.length()), NAME);
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }
}

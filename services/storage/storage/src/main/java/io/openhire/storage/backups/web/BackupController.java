package io.openhire.storage.backups.web;

import io.openhire.storage.backups.BackupInfo;
import io.openhire.storage.backups.Backups;
import java.util.List;
import java.util.concurrent.ExecutorService;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/backups} (newest first, the running one on top) and {@code POST /api/v1/backups} (starts one
 * now: 202 with its name; 409 while one runs): platform operators only — a backup holds every organisation.
 */
@RestController
@RequestMapping("/api/v1/backups")
@PreAuthorize("hasRole('PLATFORM_OPERATOR')")
class BackupController {

    private final Backups backups;
    private final ExecutorService runner;

    BackupController(Backups backups, @Qualifier("backupRunner") ExecutorService runner) {
        this.backups = backups;
        this.runner = runner;
    }

    @GetMapping
    List<BackupInfo> list() {
        return backups.list();
    }

    @PostMapping
    ResponseEntity<BackupInfo> start() {
        String name = backups.claim();
        runner.submit(() -> backups.run(name));
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .body(new BackupInfo(name, "running", null, 0, 0, 0, 0, 0, null));
    }
}

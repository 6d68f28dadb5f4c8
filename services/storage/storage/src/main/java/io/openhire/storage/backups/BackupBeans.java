package io.openhire.storage.backups;

import io.openhire.storage.objects.ObjectStore;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import tools.jackson.databind.json.JsonMapper;

/** Backups' beans, and the daily run ({@code openhire.storage.backups.schedule}). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(BackupProperties.class)
@EnableScheduling
class BackupBeans {

    private static final Logger log = LoggerFactory.getLogger(BackupBeans.class);

    @Bean
    Backups backups(BackupProperties properties, ObjectStore store, JdbcClient jdbc, JsonMapper json) {
        String version = Backups.class.getPackage().getImplementationVersion();
        return new Backups(
                properties,
                new BackupObjects(store, jdbc),
                json,
                Clock.systemUTC(),
                version == null ? "development" : version);
    }

    /** Backups run here, one at a time, outside the request that asked for one. */
    @Bean(destroyMethod = "shutdown")
    ExecutorService backupRunner() {
        return Executors.newSingleThreadExecutor(
                Thread.ofVirtual().name("backup").factory());
    }

    @Bean
    DailyBackup dailyBackup(Backups backups) {
        return new DailyBackup(backups);
    }

    static class DailyBackup {
        private final Backups backups;

        DailyBackup(Backups backups) {
            this.backups = backups;
        }

        @Scheduled(cron = "${openhire.storage.backups.schedule:0 30 2 * * *}", zone = "UTC")
        void run() {
            if (!backups.configured()) {
                return;
            }
            try {
                backups.run(backups.claim());
            } catch (RuntimeException e) {
                log.error("The daily backup failed: {}", e.getMessage());
            }
        }
    }
}

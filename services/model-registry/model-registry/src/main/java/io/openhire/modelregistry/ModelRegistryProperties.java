package io.openhire.modelregistry;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * @param partSize artifacts are kept in storage in parts of this size (storage holds a document in memory)
 * @param seedBuiltInModels register the embedding models shipped in Maven artifacts on first start
 * @param seedRetry how long to wait before trying again while storage is not reachable
 * @param workDir where uploads and imports are spooled while they are checked and stored
 */
@ConfigurationProperties("openhire.model-registry")
public record ModelRegistryProperties(DataSize partSize, boolean seedBuiltInModels, Duration seedRetry, Path workDir) {

    public ModelRegistryProperties {
        partSize = partSize == null ? DataSize.ofMegabytes(16) : partSize;
        if (partSize.toBytes() < 1024
                || partSize.toBytes() > DataSize.ofMegabytes(64).toBytes()) {
            throw new IllegalArgumentException("openhire.model-registry.part-size must be 1KB to 64MB");
        }
        seedRetry = seedRetry == null ? Duration.ofSeconds(5) : seedRetry;
        workDir = workDir == null ? Path.of(System.getProperty("java.io.tmpdir"), "openhire-model-registry") : workDir;
    }
}

package io.openhire.storage;

import io.openhire.storage.objects.FileSystemObjectStore;
import io.openhire.storage.objects.ObjectStore;
import io.openhire.storage.objects.S3ObjectStore;
import java.nio.file.Path;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

/**
 * The storage service (Data Storage Service, document part): documents and artifacts of every
 * organisation, encrypted at rest, on the filesystem (all-in-one) or an S3-compatible store.
 */
@Configuration(proxyBeanMethods = false)
@ComponentScan(basePackageClasses = StorageConfiguration.class)
@EnableConfigurationProperties(StorageProperties.class)
public class StorageConfiguration {

    @Bean(destroyMethod = "close")
    ObjectStore objectStore(StorageProperties properties) {
        return switch (properties.backend()) {
            case "filesystem" ->
                new FileSystemObjectStore(Path.of(properties.filesystem().root()));
            case "s3" -> S3ObjectStore.create(properties.s3());
            default ->
                throw new IllegalStateException(
                        "openhire.storage.backend must be filesystem or s3, not " + properties.backend());
        };
    }
}

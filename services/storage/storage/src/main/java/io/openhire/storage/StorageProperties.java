package io.openhire.storage;

import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * @param backend {@code filesystem} (all-in-one) or {@code s3} (distributed mode)
 * @param maxObjectSize the largest document accepted
 * @param encryptionKey base64 of 32 random bytes: every object is encrypted with it (AES-256-GCM) before
 *     it reaches the backend. Required.
 * @param filesystem where the filesystem backend keeps objects
 * @param s3 the S3-compatible endpoint, region, bucket and credentials
 * @param serviceBuckets buckets that hold another service's documents, with the services that own them
 *     ({@code resumes -> [resume-ingestion, resume-processing]}): only those services' own tokens reach
 *     them; users go through the owning service, which checks their rights
 */
@ConfigurationProperties("openhire.storage")
public record StorageProperties(
        String backend,
        DataSize maxObjectSize,
        String encryptionKey,
        Filesystem filesystem,
        S3 s3,
        Map<String, List<String>> serviceBuckets) {

    public StorageProperties {
        serviceBuckets = serviceBuckets == null ? Map.of() : Map.copyOf(serviceBuckets);
    }

    public record Filesystem(String root) {}

    /**
     * @param endpoint an S3-compatible URL (MinIO, Ceph, ...); empty for AWS itself
     * @param pathStyle {@code true} for most S3-compatible servers
     */
    public record S3(
            String endpoint, String region, String bucket, String accessKey, String secretKey, boolean pathStyle) {}
}

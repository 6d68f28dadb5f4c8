package io.openhire.storage.documents;

import io.openhire.platform.errors.DomainException;
import io.openhire.platform.security.AuthenticatedUser;
import io.openhire.storage.StorageProperties;
import io.openhire.storage.objects.ObjectStore;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Documents of an organisation, addressed by bucket and key. The bytes are encrypted and written to
 * the object store under {@code <organisation>/<bucket>/<key>}; size, SHA-256 and media type are kept
 * in the database. Nothing addresses another organisation's objects: the organisation comes from the
 * caller's token, never from the request. Buckets that hold another service's documents are reached
 * only by that service ({@link ServiceBuckets}).
 *
 * <p>Keys form a tree, as they do on the filesystem backend: a key is never also a folder of another key
 * ({@code a} and {@code a/b} cannot both exist), whichever backend holds the bytes.
 */
@Service
public class DocumentService {

    /** Lower-case letters, digits and dashes, like S3 bucket names. */
    private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9-]{1,62}");
    /** Path segments of letters, digits and {@code . _ - ( ) space}; no empty, "." or ".." segments. */
    private static final Pattern KEY_SEGMENT = Pattern.compile("[\\p{L}\\p{N}._() -]{1,200}");

    public record Document(StoredObject metadata, byte[] bytes) {}

    public record Stored(StoredObject metadata, boolean created) {}

    private final StoredObjects objects;
    private final ObjectStore store;
    private final Encryption encryption;
    private final ServiceBuckets serviceBuckets;
    private final TransactionTemplate transactions;
    private final StorageProperties properties;

    DocumentService(
            StoredObjects objects,
            ObjectStore store,
            Encryption encryption,
            ServiceBuckets serviceBuckets,
            TransactionTemplate transactions,
            StorageProperties properties) {
        this.objects = objects;
        this.store = store;
        this.encryption = encryption;
        this.serviceBuckets = serviceBuckets;
        this.transactions = transactions;
        this.properties = properties;
    }

    public Stored put(AuthenticatedUser caller, String bucket, String key, String mediaType, byte[] bytes) {
        validate(bucket, key);
        serviceBuckets.checkAccess(caller, bucket);
        if (bytes.length > properties.maxObjectSize().toBytes()) {
            throw new DomainException(
                    DomainException.Category.TOO_LARGE,
                    "payload-too-large",
                    "Payload too large",
                    "Documents may be at most " + properties.maxObjectSize().toMegabytes() + " MB.");
        }
        String type = mediaType(mediaType);
        UUID org = caller.organizationId();
        String path = path(org, bucket, key);
        // Checked before anything is written, so that a clashing key leaves no bytes behind.
        refuseClash(org, bucket, key);
        // Bytes first, then the row: a crash in between leaves an unreferenced blob, never a row without bytes.
        store.put(path, encryption.seal(bytes, path));
        String sha256 = io.openhire.platform.crypto.Sha256.hex(bytes);
        boolean created = Boolean.TRUE.equals(transactions.execute(status -> {
            // Checked again under a lock for the organisation's bucket: two uploads racing with a and a/b
            // cannot both pass. The loser's bytes stay unreferenced, as after a crash.
            objects.lockBucket(org, bucket);
            refuseClash(org, bucket, key);
            return objects.upsert(org, bucket, key, bytes.length, sha256, type);
        }));
        return new Stored(objects.find(org, bucket, key).orElseThrow(), created);
    }

    private void refuseClash(UUID org, String bucket, String key) {
        objects.clashingKey(org, bucket, key).ifPresent(existing -> {
            throw DomainException.conflict(
                            "key-conflict",
                            "The key " + key + " clashes with the existing key " + existing
                                    + ": a key cannot also be a folder of another key.")
                    .with("existingKey", existing);
        });
    }

    public Document get(AuthenticatedUser caller, String bucket, String key) {
        validate(bucket, key);
        serviceBuckets.checkAccess(caller, bucket);
        StoredObject metadata =
                objects.find(caller.organizationId(), bucket, key).orElseThrow(() -> notFound(bucket, key));
        String path = path(caller.organizationId(), bucket, key);
        byte[] sealed = store.get(path).orElseThrow(() -> notFound(bucket, key));
        return new Document(metadata, encryption.open(sealed, path));
    }

    public List<StoredObject> list(AuthenticatedUser caller, String bucket, String prefix, int limit) {
        validateBucket(bucket);
        serviceBuckets.checkAccess(caller, bucket);
        return objects.list(caller.organizationId(), bucket, prefix == null ? "" : prefix, limit);
    }

    public void delete(AuthenticatedUser caller, String bucket, String key) {
        validate(bucket, key);
        serviceBuckets.checkAccess(caller, bucket);
        if (!objects.delete(caller.organizationId(), bucket, key)) {
            throw notFound(bucket, key);
        }
        store.delete(path(caller.organizationId(), bucket, key));
    }

    static String path(UUID organizationId, String bucket, String key) {
        return organizationId + "/" + bucket + "/" + key;
    }

    private static void validate(String bucket, String key) {
        validateBucket(bucket);
        if (key == null || key.isEmpty() || key.length() > 512) {
            throw DomainException.invalidField("key", "must be 1 to 512 characters");
        }
        for (String segment : key.split("/", -1)) {
            if (!KEY_SEGMENT.matcher(segment).matches() || segment.equals(".") || segment.equals("..")) {
                throw DomainException.invalidField(
                        "key", "must be path segments of letters, digits and . _ - ( ) or spaces, separated by /");
            }
        }
    }

    private static void validateBucket(String bucket) {
        if (bucket == null || !BUCKET.matcher(bucket).matches()) {
            throw DomainException.invalidField("bucket", "must be 2 to 63 lower-case letters, digits or dashes");
        }
    }

    private static String mediaType(String given) {
        if (given == null || given.isBlank()) {
            return MediaType.APPLICATION_OCTET_STREAM_VALUE;
        }
        try {
            return MediaType.parseMediaType(given).toString();
        } catch (IllegalArgumentException e) {
            throw DomainException.invalidField("Content-Type", "is not a valid media type");
        }
    }

    private static DomainException notFound(String bucket, String key) {
        return DomainException.notFound("Document " + bucket + "/" + key);
    }
}

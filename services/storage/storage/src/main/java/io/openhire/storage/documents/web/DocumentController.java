package io.openhire.storage.documents.web;

import io.openhire.platform.security.AuthenticatedUser;
import io.openhire.storage.client.ObjectListing;
import io.openhire.storage.client.ObjectMetadata;
import io.openhire.storage.documents.DocumentService;
import io.openhire.storage.documents.StoredObject;
import java.net.URI;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/data/{bucket}/{key}}: documents of the caller's organisation. The key may contain
 * slashes ({@code resumes/2026/cv.pdf}). Other services call it on behalf of a user, forwarding the
 * user's token, or with their own service token.
 *
 * <p>Only the roles that own an organisation's documents use it: candidates and clients see documents
 * through the services that decide what is theirs (a candidate their own resume), never here.
 */
@RestController
@RequestMapping("/api/v1/data")
@PreAuthorize("hasAnyRole('ADMIN', 'RECRUITER', 'SERVICE')")
class DocumentController {

    private final DocumentService documents;

    DocumentController(DocumentService documents) {
        this.documents = documents;
    }

    @PutMapping("/{bucket}/{*key}")
    ResponseEntity<ObjectMetadata> put(
            AuthenticatedUser caller,
            @PathVariable String bucket,
            @PathVariable String key,
            @RequestHeader(value = HttpHeaders.CONTENT_TYPE, required = false) String contentType,
            @RequestBody byte[] body) {
        String objectKey = strip(key);
        DocumentService.Stored stored = documents.put(caller, bucket, objectKey, contentType, body);
        ResponseEntity.BodyBuilder response = stored.created()
                ? ResponseEntity.created(URI.create("/api/v1/data/" + bucket + "/" + objectKey))
                : ResponseEntity.ok();
        return response.eTag(stored.metadata().sha256()).body(metadata(stored.metadata()));
    }

    /** Always a download ({@link SafeDownload}): an uploaded HTML page must not run as this origin. */
    @GetMapping("/{bucket}/{*key}")
    ResponseEntity<byte[]> get(AuthenticatedUser caller, @PathVariable String bucket, @PathVariable String key) {
        String objectKey = strip(key);
        DocumentService.Document document = documents.get(caller, bucket, objectKey);
        return ResponseEntity.ok()
                .contentType(SafeDownload.contentType(document.metadata().mediaType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, SafeDownload.contentDisposition(objectKey))
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", SafeDownload.CONTENT_SECURITY_POLICY)
                .contentLength(document.bytes().length)
                .eTag(document.metadata().sha256())
                .lastModified(document.metadata().updatedAt())
                .body(document.bytes());
    }

    @GetMapping("/{bucket}")
    ObjectListing list(
            AuthenticatedUser caller,
            @PathVariable String bucket,
            @RequestParam(defaultValue = "") String prefix,
            @RequestParam(defaultValue = "100") int limit) {
        int bounded = Math.max(1, Math.min(limit, 1000));
        return new ObjectListing(
                documents.list(caller, bucket, prefix, bounded).stream()
                        .map(DocumentController::metadata)
                        .toList(),
                bucket,
                prefix,
                bounded);
    }

    @DeleteMapping("/{bucket}/{*key}")
    ResponseEntity<Void> delete(AuthenticatedUser caller, @PathVariable String bucket, @PathVariable String key) {
        documents.delete(caller, bucket, strip(key));
        return ResponseEntity.noContent().build();
    }

    /** The answer's record, from storage-client: the callers read the same type. */
    static ObjectMetadata metadata(StoredObject o) {
        return new ObjectMetadata(
                o.bucket(), o.key(), o.size(), o.sha256(), o.mediaType(), o.createdAt(), o.updatedAt());
    }

    /** {@code {*key}} captures with the leading slash. */
    private static String strip(String key) {
        return key.startsWith("/") ? key.substring(1) : key;
    }
}

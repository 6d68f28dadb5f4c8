package io.openhire.storage.client;

import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.DeleteExchange;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.PutExchange;

/**
 * storage's document API ({@code /api/v1/data/{bucket}/{key}}), as an HTTP interface for {@code
 * ServiceClients}: {@code clients.create(StorageApi.class, "storage")}. Every call acts for the
 * organisation of the token it carries: call it inside {@code ServiceAccount.onBehalfOf(org, ...)} for a
 * service bucket ({@link StorageBuckets}), or with the user's forwarded token.
 *
 * <p>A key travels as one path segment: use keys without {@code /} (an encoded slash in a path is refused
 * by the servlet container). A missing document is a {@code HttpClientErrorException.NotFound} (404);
 * a refused bucket a {@code HttpClientErrorException.Forbidden} (403).
 */
public interface StorageApi {

    /** Stores or replaces the document; answers what storage now keeps. */
    @PutExchange("/api/v1/data/{bucket}/{key}")
    ObjectMetadata put(
            @PathVariable String bucket,
            @PathVariable String key,
            @RequestHeader(HttpHeaders.CONTENT_TYPE) String mediaType,
            @RequestBody byte[] bytes);

    /** The document's bytes. */
    @GetExchange("/api/v1/data/{bucket}/{key}")
    byte[] get(@PathVariable String bucket, @PathVariable String key);

    /** Metadata of the organisation's documents in the bucket whose keys start with {@code prefix}, by key. */
    @GetExchange("/api/v1/data/{bucket}")
    ObjectListing list(@PathVariable String bucket, @RequestParam String prefix, @RequestParam int limit);

    @DeleteExchange("/api/v1/data/{bucket}/{key}")
    void delete(@PathVariable String bucket, @PathVariable String key);
}

package io.openhire.storage.client;

import java.util.List;

/**
 * One page of a bucket's documents, by key order.
 *
 * @param limit the page size storage applied (1 to 1000, whatever was asked)
 */
public record ObjectListing(List<ObjectMetadata> items, String bucket, String prefix, int limit) {}

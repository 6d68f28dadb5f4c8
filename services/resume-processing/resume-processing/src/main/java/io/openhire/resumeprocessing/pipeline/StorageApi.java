package io.openhire.resumeprocessing.pipeline;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.service.annotation.GetExchange;

/** Reads originals from storage. */
public interface StorageApi {

    @GetExchange("/api/v1/data/{bucket}/{key}")
    byte[] get(@PathVariable String bucket, @PathVariable String key);
}

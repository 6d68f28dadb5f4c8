package io.openhire.modelregistry.artifacts;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.PutExchange;

/** The parts of storage's document API the registry uses: the "models" bucket of the platform organisation. */
public interface ModelStorageApi {

    @PutExchange("/api/v1/data/models/{key}")
    void put(@PathVariable String key, @RequestHeader("Content-Type") String mediaType, @RequestBody byte[] bytes);

    @GetExchange("/api/v1/data/models/{key}")
    byte[] get(@PathVariable String key);
}

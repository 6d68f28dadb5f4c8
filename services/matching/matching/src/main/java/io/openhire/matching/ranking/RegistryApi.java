package io.openhire.matching.ranking;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.service.annotation.GetExchange;
import tools.jackson.databind.JsonNode;

/** The model registry, for the {@code match-ranker} versions. */
public interface RegistryApi {

    @GetExchange("/api/v1/models/{name}")
    JsonNode model(@PathVariable String name);

    @GetExchange("/api/v1/models/{name}/versions/{version}/artifact")
    byte[] artifact(@PathVariable String name, @PathVariable int version);
}

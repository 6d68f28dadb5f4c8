package io.openhire.modelserving.registry;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.service.annotation.GetExchange;
import tools.jackson.databind.JsonNode;

/** The model registry's read API: a model with its versions and aliases. */
public interface RegistryApi {

    @GetExchange("/api/v1/models/{name}")
    JsonNode model(@PathVariable String name);
}

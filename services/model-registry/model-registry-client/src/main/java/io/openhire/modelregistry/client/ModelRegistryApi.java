package io.openhire.modelregistry.client;

import java.util.List;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.PostExchange;

/**
 * model-registry's API for other services, as an HTTP interface for {@code ServiceClients}:
 *
 * <pre>{@code
 * ModelRegistryApi registry = serviceClients.create(ModelRegistryApi.class, "model-registry");
 * ModelView model = registry.model("text-embedding");
 * Integer champion = model.aliasVersion(ModelView.CHAMPION);
 * }</pre>
 *
 * Models are platform-wide: every organisation's users and services read them; only a platform operator
 * promotes or rolls back, and only an operator or a service downloads artifacts.
 */
public interface ModelRegistryApi {

    /** Every registered model, with its aliases and latest version. */
    @GetExchange("/api/v1/models/registered")
    List<ModelSummary> models();

    /** One model with its promotion gates, aliases and every version (newest first); 404 if unknown. */
    @GetExchange("/api/v1/models/{name}")
    ModelView model(@PathVariable String name);

    /** The model's alias moves, newest first, at most {@code limit} (1 to 1000). */
    @GetExchange("/api/v1/models/{name}/history")
    AliasHistory history(@PathVariable String name, @RequestParam int limit);

    /**
     * A READY version's artifact (an ONNX model, or a ranker's JSON weights); 409 {@code version-not-ready}
     * otherwise. Check its SHA-256 against {@link VersionView#artifact()} before use.
     */
    @GetExchange("/api/v1/models/{name}/versions/{version}/artifact")
    byte[] artifact(@PathVariable String name, @PathVariable int version);

    /**
     * Moves an alias: {@link UpdateRequest#promote} or {@link UpdateRequest#rollback} (platform operators
     * only). A promotion a gate refuses is a 422 {@code promotion-gate-failed}.
     */
    @PostExchange("/api/v1/models/update")
    AliasChange moveAlias(@RequestBody UpdateRequest request);
}

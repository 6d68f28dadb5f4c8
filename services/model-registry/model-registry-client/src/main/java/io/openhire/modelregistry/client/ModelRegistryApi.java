package io.openhire.modelregistry.client;

import java.util.List;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
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
 * promotes or rolls back, and only an operator or a service registers versions and downloads artifacts.
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
     * A READY version's artifact (an ONNX model, a ranker's JSON weights, or a CRF tagger for
     * {@code CrfModel.read}); 409 {@code version-not-ready} otherwise. Check its SHA-256 against
     * {@link VersionView#artifact()} before use.
     */
    @GetExchange("/api/v1/models/{name}/versions/{version}/artifact")
    byte[] artifact(@PathVariable String name, @PathVariable int version);

    /**
     * Moves an alias: {@link UpdateRequest#promote} or {@link UpdateRequest#rollback} (platform operators
     * only). A promotion a gate refuses is a 422 {@code promotion-gate-failed}.
     */
    @PostExchange("/api/v1/models/update")
    AliasChange moveAlias(@RequestBody UpdateRequest request);

    /**
     * Registers a new version (platform operators and services, e.g. training): the answer is the READY
     * version (201). The artifact is checked before anything is stored: one that is not a loadable model of
     * the task is a 422 {@code invalid-artifact}, a wrong {@code artifactSha256} a 422
     * {@code checksum-mismatch}, invalid metadata (say a token-classification version without
     * {@code features}) a 400. Text-embedding versions also need a tokenizer, which this method does not send:
     * register those with a multipart request of their own.
     *
     * <pre>{@code
     * VersionView v = registry.register(
     *         new RegisterVersion("skill-extraction", RegisterVersion.TOKEN_CLASSIFICATION, "retrained",
     *                 "skill-words-v1", Map.of("f1", 0.64), Map.of(), "training:run-7", "run-7", datasetSha256,
     *                 1, modelSha256),
     *         new FileSystemResource(modelFile));
     * }</pre>
     *
     * @param artifact the model file; a resource with a file name (a {@code FileSystemResource}) is sent as a
     *     file part, which is what the registry expects of large artifacts (one without is accepted too)
     */
    @PostExchange(url = "/api/v1/models/update", contentType = MediaType.MULTIPART_FORM_DATA_VALUE)
    VersionView register(@RequestPart("metadata") RegisterVersion metadata, @RequestPart("artifact") Resource artifact);
}

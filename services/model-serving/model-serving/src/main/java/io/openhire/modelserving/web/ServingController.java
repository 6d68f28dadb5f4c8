package io.openhire.modelserving.web;

import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import io.openhire.modelserving.cache.EmbeddingCache;
import io.openhire.modelserving.client.PredictRequest;
import io.openhire.modelserving.client.Prediction;
import io.openhire.modelserving.runtime.LoadedModel;
import io.openhire.modelserving.runtime.ModelManager;
import io.openhire.modelserving.runtime.ModelSpec;
import io.openhire.modelserving.runtime.Predictions;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The Model API: predictions, what is loaded, preloading, and the result cache. What is loaded and cached
 * serves every organisation, so only a platform operator changes it (an organisation's ADMIN is anyone who
 * signed up); the cache's numbers are the platform's too.
 */
@RestController
@RequestMapping("/api/v1")
class ServingController {

    private final Predictions predictions;
    private final ModelManager models;
    private final EmbeddingCache cache;

    ServingController(Predictions predictions, ModelManager models, EmbeddingCache cache) {
        this.predictions = predictions;
        this.models = models;
        this.cache = cache;
    }

    /**
     * @param version the version answering now (null: none, the fallback answers)
     * @param latencyMs p50 and p99 of predictions by that version, cache hits included
     * @param problem why a newer version was refused, or why nothing is loaded
     */
    record Served(
            String route,
            String model,
            String alias,
            Integer version,
            ModelManager.State status,
            boolean fallback,
            String problem,
            String sha256,
            Integer dimensions,
            String pooling,
            Integer maxTokens,
            Instant loadedAt,
            Long loadMs,
            Long predictions,
            Map<String, Double> latencyMs,
            Integer queued,
            Instant checkedAt) {}

    record PreloadRequest(String model) {}

    @PostMapping("/predict")
    @PreAuthorize("hasAnyRole('ADMIN', 'RECRUITER', 'CLIENT', 'SERVICE')")
    Prediction predict(@RequestBody PredictRequest request) {
        return predictions.predict(request);
    }

    @GetMapping("/models")
    @PreAuthorize("hasAnyRole('ADMIN', 'RECRUITER', 'CLIENT', 'SERVICE', 'PLATFORM_OPERATOR')")
    List<Served> models() {
        return models.routes().stream().map(this::served).toList();
    }

    /** Loads {@code model} ({@code name}, {@code name@alias} or {@code name:version}) and waits until it serves. */
    @PostMapping("/preload")
    @PreAuthorize("hasRole('PLATFORM_OPERATOR')")
    Served preload(@RequestBody PreloadRequest request) {
        ModelManager.Route route = models.preload(ModelSpec.parse(request.model()));
        return served(route);
    }

    /**
     * Stops serving {@code model} ({@code name@alias} or {@code name:version}), e.g. a preload that failed;
     * 409 for the routes this service serves by default.
     */
    @DeleteMapping("/preload/{model}")
    @PreAuthorize("hasRole('PLATFORM_OPERATOR')")
    ResponseEntity<Void> unload(@PathVariable String model) {
        models.remove(ModelSpec.parse(model));
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/cache")
    @PreAuthorize("hasAnyRole('PLATFORM_OPERATOR', 'SERVICE')")
    EmbeddingCache.Stats cache() {
        return cache.stats();
    }

    /** Empties this instance's cache; {@code shared=true} also empties the Redis level all instances share. */
    @DeleteMapping("/cache")
    @PreAuthorize("hasRole('PLATFORM_OPERATOR')")
    Map<String, Object> clear(@RequestParam(defaultValue = "false") boolean shared) {
        return Map.of("removed", cache.clear(shared), "stats", cache.stats());
    }

    private Served served(ModelManager.Route route) {
        LoadedModel model = route.current();
        ModelSpec spec = route.spec();
        if (model == null) {
            return new Served(
                    spec.key(),
                    spec.model(),
                    spec.alias(),
                    null,
                    route.state(),
                    true,
                    route.problem(),
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    route.checkedAt());
        }
        var snapshot = predictions.timer(model).takeSnapshot();
        Map<String, Double> latency = new java.util.LinkedHashMap<>();
        for (ValueAtPercentile p : snapshot.percentileValues()) {
            latency.put(p.percentile() == 0.5 ? "p50" : "p99", p.value(TimeUnit.MILLISECONDS));
        }
        return new Served(
                spec.key(),
                spec.model(),
                spec.alias(),
                model.version(),
                route.state(),
                false,
                route.problem(),
                model.sha256(),
                model.config().dimensions(),
                model.config().pooling(),
                model.config().maxTokens(),
                model.loadedAt(),
                model.loadTime().toMillis(),
                snapshot.count(),
                latency,
                model.queued(),
                route.checkedAt());
    }
}

package io.openhire.modelserving.runtime;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.openhire.modelserving.ModelServingProperties;
import io.openhire.modelserving.cache.EmbeddingCache;
import io.openhire.modelserving.client.PredictRequest;
import io.openhire.modelserving.client.Prediction;
import io.openhire.platform.errors.DomainException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * {@code POST /api/v1/predict}: validates the request, finds the model version for it, answers what it
 * can from the cache, runs the rest through the model's micro-batcher, and says which version answered.
 * When no model can answer, the lexical fallback does, and the answer says so.
 */
@Service
public class Predictions {

    private static final Logger log = LoggerFactory.getLogger(Predictions.class);

    private final ModelManager models;
    private final EmbeddingCache cache;
    private final ModelServingProperties properties;
    private final MeterRegistry meters;

    Predictions(ModelManager models, EmbeddingCache cache, ModelServingProperties properties, MeterRegistry meters) {
        this.models = models;
        this.cache = cache;
        this.properties = properties;
        this.meters = meters;
    }

    public Prediction predict(PredictRequest request) {
        ModelSpec spec = ModelSpec.parse(request.model() == null ? "text-embedding" : request.model());
        List<String> inputs = validate(request.inputs());
        ModelManager.Resolved resolved = models.resolve(spec);
        if (resolved.notFound()) {
            throw DomainException.notFound(resolved.route().missing());
        }
        for (int attempt = 0; attempt < 2 && resolved.model() != null; attempt++) {
            try {
                return embed(spec, resolved.model(), inputs);
            } catch (LoadedModel.Unloaded e) {
                resolved = models.resolve(spec); // swapped while we looked: use the new version
            } catch (RuntimeException e) {
                log.warn(
                        "Model {} version {} failed to embed: {}",
                        spec.model(),
                        resolved.model().version(),
                        e.toString());
                models.inferenceFailed(resolved.route(), e);
                return fallback(spec, resolved, inputs, "the model failed: " + ModelManager.rootMessage(e));
            }
        }
        String problem = resolved.route().problem();
        return fallback(spec, resolved, inputs, problem == null ? "the model is still loading" : problem);
    }

    /** Latency of predictions by a model version, for {@code GET /api/v1/models}. */
    public Timer timer(LoadedModel model) {
        return Timer.builder("openhire.model.predict")
                .description("Predictions answered by a model version (cache hits included)")
                .tag("model", model.name())
                .tag("version", Integer.toString(model.version()))
                .publishPercentiles(0.5, 0.99)
                .register(meters);
    }

    private Prediction embed(ModelSpec spec, LoadedModel model, List<String> inputs) {
        long start = System.nanoTime();
        List<String> keys = inputs.stream()
                .map(text -> EmbeddingCache.key(model.name(), model.version(), text))
                .toList();
        Map<Integer, EmbeddingCache.Entry> entries = new HashMap<>(cache.getAll(keys));
        int cached = entries.size();
        List<Integer> missing = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            if (!entries.containsKey(i)) {
                missing.add(i);
            }
        }
        if (!missing.isEmpty()) {
            LoadedModel.Embedded embedded =
                    model.embed(missing.stream().map(inputs::get).toList());
            Map<String, EmbeddingCache.Entry> fresh = new HashMap<>();
            for (int j = 0; j < missing.size(); j++) {
                EmbeddingCache.Entry entry = new EmbeddingCache.Entry(embedded.vectors()[j], embedded.truncated()[j]);
                entries.put(missing.get(j), entry);
                fresh.put(keys.get(missing.get(j)), entry);
            }
            cache.putAll(fresh);
        }
        List<float[]> vectors = new ArrayList<>(inputs.size());
        List<Integer> truncated = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            EmbeddingCache.Entry entry = entries.get(i);
            vectors.add(entry.vector());
            if (entry.truncated()) {
                truncated.add(i);
            }
        }
        List<String> warnings = truncated.isEmpty()
                ? List.of()
                : List.of(truncated.size() + " input(s) exceeded "
                        + model.config().maxTokens()
                        + " tokens; only their beginning was embedded (see truncated). Split long texts into"
                        + " passages to embed all of them.");
        timer(model).record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        return new Prediction(
                spec.model(),
                spec.alias(),
                model.version(),
                model.config().dimensions(),
                model.config().pooling(),
                false,
                null,
                vectors,
                truncated,
                warnings,
                cached);
    }

    private Prediction fallback(ModelSpec spec, ModelManager.Resolved resolved, List<String> inputs, String reason) {
        int dimensions = properties.fallbackDimensions();
        List<float[]> vectors = inputs.stream()
                .map(text -> LexicalFallback.embed(text, dimensions))
                .toList();
        meters.counter("openhire.model.fallback", "model", spec.model()).increment(inputs.size());
        return new Prediction(
                spec.model(),
                spec.alias(),
                null,
                dimensions,
                "LEXICAL",
                true,
                reason,
                vectors,
                List.of(),
                List.of("Answered by the lexical fallback: " + reason),
                0);
    }

    private List<String> validate(List<String> inputs) {
        if (inputs == null || inputs.isEmpty()) {
            throw DomainException.invalidField("inputs", "one or more texts");
        }
        if (inputs.size() > properties.maxInputs()) {
            throw DomainException.invalidField(
                    "inputs", "at most " + properties.maxInputs() + " texts per request (got " + inputs.size() + ")");
        }
        for (int i = 0; i < inputs.size(); i++) {
            String text = inputs.get(i);
            if (text == null) {
                throw DomainException.invalidField("inputs[" + i + "]", "must be a string");
            }
            if (text.length() > properties.maxInputChars()) {
                throw DomainException.invalidField(
                        "inputs[" + i + "]", "at most " + properties.maxInputChars() + " characters");
            }
        }
        return inputs;
    }
}

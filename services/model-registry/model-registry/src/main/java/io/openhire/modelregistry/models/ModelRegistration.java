package io.openhire.modelregistry.models;

import io.openhire.modelregistry.ModelRegistryProperties;
import io.openhire.modelregistry.artifacts.ArtifactStore;
import io.openhire.modelregistry.artifacts.CrfInspector;
import io.openhire.modelregistry.artifacts.OnnxInspector;
import io.openhire.modelregistry.client.EmbeddingConfig;
import io.openhire.modelregistry.client.RegisterVersion;
import io.openhire.modelregistry.client.Signature;
import io.openhire.modelregistry.client.TaggerConfig;
import io.openhire.modelregistry.events.ModelVersionRegistered;
import io.openhire.platform.crypto.Sha256;
import io.openhire.platform.errors.DomainException;
import io.openhire.platform.events.Outbox;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Registers a new model version: checks the metadata, the artifact's checksum and that it is a model of its
 * task (ONNX Runtime loads it and gives its real signature; a token-classification version's CRF is read
 * with {@code CrfModel.read}, which gives its labels), stores the artifact in storage, and announces
 * {@code model.version-registered.v1}. A version is PENDING while stored, READY after, FAILED if storing failed.
 */
@Service
public class ModelRegistration {

    private static final Logger log = LoggerFactory.getLogger(ModelRegistration.class);

    public static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{1,62}");
    /** Path words of the registry's API, so never model names. */
    static final Set<String> RESERVED = Set.of("registered", "update");

    static final String TEXT_EMBEDDING = RegisterVersion.TEXT_EMBEDDING;
    static final String RANKING = RegisterVersion.RANKING;
    static final String TOKEN_CLASSIFICATION = RegisterVersion.TOKEN_CLASSIFICATION;
    private static final Set<String> TASKS = Set.of(TEXT_EMBEDDING, RANKING, TOKEN_CLASSIFICATION);
    /** The word features a tagger was trained on: a name such as {@code skill-words-v1}. */
    private static final Pattern FEATURES = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private static final Pattern METRIC = Pattern.compile("[A-Za-z0-9@._-]{1,64}");
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private final Models models;
    private final ArtifactStore artifacts;
    private final OnnxInspector inspector;
    private final CrfInspector crfInspector;
    private final Outbox outbox;
    private final TransactionTemplate transactions;
    private final JsonMapper json;
    private final Clock clock;
    private final ModelRegistryProperties properties;

    ModelRegistration(
            Models models,
            ArtifactStore artifacts,
            OnnxInspector inspector,
            CrfInspector crfInspector,
            Outbox outbox,
            TransactionTemplate transactions,
            JsonMapper json,
            Clock clock,
            ModelRegistryProperties properties) {
        this.models = models;
        this.artifacts = artifacts;
        this.inspector = inspector;
        this.crfInspector = crfInspector;
        this.outbox = outbox;
        this.transactions = transactions;
        this.json = json;
        this.clock = clock;
        this.properties = properties;
    }

    /**
     * @param artifact the ONNX file (or, for {@code ranking}, a JSON weights file; for
     *     {@code token-classification}, a CRF model)
     * @param tokenizer the tokenizer.json, required for text embeddings, refused for token classification
     * @param actor who registers: {@code user:<id>}, {@code service:<name>}, {@code system}
     */
    public ModelVersion register(RegisterVersion request, Path artifact, Path tokenizer, String actor) {
        return register(request, artifact, tokenizer, actor, false);
    }

    /**
     * As {@link #register(RegisterVersion, Path, Path, String)}; with {@code onceFromSource}, an existing version
     * of the same source and artifact is returned instead (built-in models, registered by every instance).
     */
    ModelVersion register(
            RegisterVersion request, Path artifact, Path tokenizer, String actor, boolean onceFromSource) {
        String task = validate(request);
        String artifactSha = Sha256.hex(artifact);
        long artifactSize = size(artifact);
        checkDeclared("artifact", request.artifactSha256(), artifactSha);
        String format;
        Signature signature;
        EmbeddingConfig config = EmbeddingConfig.NONE;
        TaggerConfig tagger = null;
        String tokenizerSha = null;
        Long tokenizerSize = null;
        if (task.equals(TOKEN_CLASSIFICATION)) {
            if (tokenizer != null) {
                throw DomainException.invalidField(
                        "tokenizer", "a token-classification model computes its own word features: no tokenizer");
            }
            format = "crf";
            signature = Signature.NONE;
            tagger = crfInspector.inspect(artifact, request.features());
        } else if (isJson(artifact)) {
            if (!task.equals(RANKING)) {
                throw OnnxInspector.invalid("artifact", "must be an ONNX model for " + task);
            }
            format = "json";
            signature = Signature.NONE;
        } else {
            format = "onnx";
            signature = inspector.inspect(artifact);
            if (task.equals(TEXT_EMBEDDING)) {
                config = embeddingConfig(request, signature);
            }
        }
        if (task.equals(TEXT_EMBEDDING)) {
            if (tokenizer == null) {
                throw DomainException.invalidField("tokenizer", "a text-embedding model needs its tokenizer.json");
            }
            tokenizerSha = Sha256.hex(tokenizer);
            tokenizerSize = size(tokenizer);
            checkDeclared("tokenizer", request.tokenizerSha256(), tokenizerSha);
            inspector.checkTokenizer(tokenizer);
        } else if (tokenizer != null) {
            tokenizerSha = Sha256.hex(tokenizer);
            tokenizerSize = size(tokenizer);
            inspector.checkTokenizer(tokenizer);
        }

        int partSize = (int) properties.partSize().toBytes();
        ModelVersion draft = new ModelVersion(
                request.name(),
                0,
                ModelVersion.Status.PENDING,
                null,
                format,
                artifactSha,
                artifactSize,
                partSize,
                tokenizerSha,
                tokenizerSize,
                signature,
                config,
                tagger,
                request.metrics() == null ? Map.of() : Map.copyOf(request.metrics()),
                request.tags() == null ? Map.of() : Map.copyOf(request.tags()),
                request.description(),
                new ModelVersion.Lineage(
                        request.source(), request.trainingRun(), request.datasetSha256(), request.parentVersion()),
                actor,
                clock.instant());
        record Claim(ModelVersion version, boolean existing) {}
        Claim claim = transactions.execute(status -> {
            RegisteredModel model = models.createAndLock(request.name(), task, request.description(), clock.instant());
            if (!model.task().equals(task)) {
                throw DomainException.conflict(
                        "task-mismatch",
                        "Model " + model.name() + " is a " + model.task() + " model; a " + task
                                + " version cannot join it.");
            }
            if (onceFromSource && request.source() != null) {
                Optional<ModelVersion> existing = models.fromSource(request.name(), request.source(), artifactSha);
                if (existing.isPresent() && existing.get().status() != ModelVersion.Status.FAILED) {
                    return new Claim(existing.get(), true);
                }
                if (existing.isPresent()) {
                    // Storing it failed before (storage was down): try again under the same version number.
                    ModelVersion retry = existing.get();
                    models.setStatus(retry.name(), retry.version(), ModelVersion.Status.PENDING, null);
                    return new Claim(retry, false);
                }
            }
            if (request.parentVersion() != null
                    && models.version(request.name(), request.parentVersion()).isEmpty()) {
                throw DomainException.invalidField("parentVersion", "is not a version of " + request.name());
            }
            ModelVersion pending = withVersion(draft, models.nextVersion(request.name()));
            models.insertVersion(pending);
            return new Claim(pending, false);
        });
        if (claim.existing()) {
            return claim.version();
        }
        ModelVersion pending = claim.version();
        try {
            artifacts.store(pending.name(), pending.version(), artifact, tokenizer, pending.partSize());
        } catch (RuntimeException e) {
            String reason = "storing the artifact failed: "
                    + (e instanceof DomainException p
                            ? p.getMessage()
                            : e.getClass().getSimpleName());
            transactions.executeWithoutResult(
                    status -> models.setStatus(pending.name(), pending.version(), ModelVersion.Status.FAILED, reason));
            log.warn("Model {} version {}: {}", pending.name(), pending.version(), reason);
            throw e;
        }
        transactions.executeWithoutResult(status -> {
            models.setStatus(pending.name(), pending.version(), ModelVersion.Status.READY, null);
            outbox.publish(
                    ModelVersionRegistered.TOPIC,
                    pending.name(),
                    new ModelVersionRegistered(
                            pending.name(),
                            pending.version(),
                            task,
                            artifactSha,
                            artifactSize,
                            request.parentVersion(),
                            actor,
                            clock.instant()),
                    null);
        });
        log.info(
                "Registered model {} version {} ({} bytes, sha256 {})",
                pending.name(),
                pending.version(),
                artifactSize,
                artifactSha);
        return models.version(pending.name(), pending.version()).orElseThrow();
    }

    private String validate(RegisterVersion request) {
        if (request.name() == null || !NAME.matcher(request.name()).matches() || RESERVED.contains(request.name())) {
            throw DomainException.invalidField(
                    "name", "must be 2 to 63 lower-case letters, digits or dashes, starting with a letter");
        }
        String task = request.task() == null ? TEXT_EMBEDDING : request.task();
        if (!TASKS.contains(task)) {
            throw DomainException.invalidField(
                    "task", "must be one of " + TASKS.stream().sorted().toList());
        }
        if (task.equals(TOKEN_CLASSIFICATION)) {
            if (request.features() == null
                    || request.features().length() > 64
                    || !FEATURES.matcher(request.features()).matches()) {
                throw DomainException.invalidField(
                        "features",
                        "required for token-classification: the name of the word features the tagger was trained"
                                + " on, 1 to 64 lower-case letters, digits and dashes (e.g. skill-words-v1)");
            }
        } else if (request.features() != null) {
            throw DomainException.invalidField("features", "only token-classification models have word features");
        }
        if (request.description() != null && request.description().length() > 2000) {
            throw DomainException.invalidField("description", "at most 2000 characters");
        }
        if (request.metrics() != null) {
            if (request.metrics().size() > 100) {
                throw DomainException.invalidField("metrics", "at most 100 metrics");
            }
            request.metrics().forEach((metric, value) -> {
                if (!METRIC.matcher(metric).matches() || value == null || !Double.isFinite(value)) {
                    throw DomainException.invalidField(
                            "metrics." + metric, "names are letters, digits and @._-; values are finite numbers");
                }
            });
        }
        if (request.tags() != null) {
            if (request.tags().size() > 50) {
                throw DomainException.invalidField("tags", "at most 50 tags");
            }
            request.tags().forEach((tag, value) -> {
                if (!METRIC.matcher(tag).matches() || value == null || value.length() > 500) {
                    throw DomainException.invalidField("tags." + tag, "names are letters, digits and @._-");
                }
            });
        }
        checkLength("source", request.source());
        checkLength("trainingRun", request.trainingRun());
        checkSha256("artifactSha256", request.artifactSha256());
        checkSha256("tokenizerSha256", request.tokenizerSha256());
        checkSha256("datasetSha256", request.datasetSha256());
        if (request.parentVersion() != null && request.parentVersion() < 1) {
            throw DomainException.invalidField("parentVersion", "must be a version number (1 or more)");
        }
        return task;
    }

    private static void checkLength(String field, String value) {
        if (value != null && value.length() > 500) {
            throw DomainException.invalidField(field, "at most 500 characters");
        }
    }

    private static void checkSha256(String field, String value) {
        if (value != null && !value.isEmpty() && !SHA256.matcher(value).matches()) {
            throw DomainException.invalidField(field, "must be 64 lower-case hex digits");
        }
    }

    /** Pooling and length from the request; the vector size from the model's output shape when it fixes it. */
    private static EmbeddingConfig embeddingConfig(RegisterVersion request, Signature signature) {
        if (!signature.hasInput("input_ids") || !signature.hasInput("attention_mask")) {
            throw OnnxInspector.invalid(
                    "artifact",
                    "takes "
                            + signature.inputs().stream()
                                    .map(Signature.Tensor::name)
                                    .toList() + "; a text-embedding model takes input_ids and attention_mask");
        }
        Signature.Tensor output = signature.outputs().stream()
                .filter(t -> t.type().equals("FLOAT")
                        && (t.shape().size() == 3 || t.shape().size() == 2))
                .findFirst()
                .orElseThrow(() -> OnnxInspector.invalid(
                        "artifact", "has no float output of token states [batch, tokens, dimensions]"));
        String pooling = request.pooling() == null ? null : request.pooling().toUpperCase(Locale.ROOT);
        if (pooling == null || !List.of("MEAN", "CLS").contains(pooling)) {
            throw DomainException.invalidField("pooling", "MEAN or CLS: how the model was trained to pool");
        }
        if (request.maxTokens() == null || request.maxTokens() < 8 || request.maxTokens() > 8192) {
            throw DomainException.invalidField("maxTokens", "8 to 8192: longer inputs are truncated to it");
        }
        long fromShape = output.shape().getLast();
        Integer dimensions = fromShape > 0 ? Integer.valueOf((int) fromShape) : request.dimensions();
        if (dimensions == null || dimensions < 1 || dimensions > 16384) {
            throw DomainException.invalidField("dimensions", "the model's output does not fix its size: give it");
        }
        if (request.dimensions() != null && !request.dimensions().equals(dimensions)) {
            throw DomainException.invalidField(
                    "dimensions", "the model's output has " + dimensions + ", not " + request.dimensions());
        }
        return new EmbeddingConfig(pooling, request.maxTokens(), dimensions, output.name(), true);
    }

    private static void checkDeclared(String part, String declared, String actual) {
        if (declared != null && !declared.isEmpty() && !declared.equals(actual)) {
            throw new DomainException(
                            DomainException.Category.UNPROCESSABLE,
                            "checksum-mismatch",
                            "Checksum mismatch",
                            "The " + part + " received has SHA-256 " + actual + ", not the " + declared
                                    + " declared: it was corrupted or is not the file meant.")
                    .with("part", part);
        }
    }

    private static ModelVersion withVersion(ModelVersion v, int version) {
        return new ModelVersion(
                v.name(),
                version,
                v.status(),
                v.statusReason(),
                v.format(),
                v.artifactSha256(),
                v.artifactSize(),
                v.partSize(),
                v.tokenizerSha256(),
                v.tokenizerSize(),
                v.signature(),
                v.config(),
                v.tagger(),
                v.metrics(),
                v.tags(),
                v.description(),
                v.lineage(),
                v.createdBy(),
                v.createdAt());
    }

    private boolean isJson(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(64);
            String start = new String(head, java.nio.charset.StandardCharsets.UTF_8).stripLeading();
            if (!start.startsWith("{")) {
                return false;
            }
            if (size(file) > 10_000_000) {
                throw OnnxInspector.invalid("artifact", "JSON weights may be at most 10 MB");
            }
            try {
                return json.readTree(file.toFile()).isObject();
            } catch (RuntimeException e) {
                throw OnnxInspector.invalid("artifact", "starts like JSON but is not valid JSON");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

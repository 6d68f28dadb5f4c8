package io.openhire.modelserving.runtime;

import io.openhire.modelregistry.client.EmbeddingConfig;
import io.openhire.modelregistry.client.ModelRegistryApi;
import io.openhire.modelregistry.client.ModelView;
import io.openhire.modelregistry.client.VersionView;
import io.openhire.modelserving.ModelServingProperties;
import io.openhire.modelserving.registry.ModelFiles;
import io.openhire.platform.errors.DomainException;
import io.openhire.platform.http.ServiceAccount;
import io.openhire.platform.security.PlatformOrganization;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.web.client.HttpClientErrorException;

/**
 * Keeps the served models in step with the registry. Each route ({@code model@alias} or
 * {@code model:version}) points at one loaded version; when the registry moves an alias
 * ({@code model.promoted.v1}, or the periodic check), the new version is downloaded, verified and loaded
 * <em>beside</em> the old one, the route is switched in one step, and the old version is unloaded once
 * its in-flight requests are done. A version that fails to download, verify or load is refused and the
 * route keeps what it had; a route that never loaded answers with the lexical fallback.
 *
 * <p>All loading happens on one thread, so that two versions are never loaded at once by accident.
 */
@Service
public class ModelManager {

    private static final Logger log = LoggerFactory.getLogger(ModelManager.class);
    private static final int MAX_ROUTES = 32;

    public enum State {
        LOADING,
        READY,
        FAILED
    }

    /** A route's state; {@code current} is what answers now. */
    public static final class Route {
        final ModelSpec spec;
        final boolean configured;
        volatile LoadedModel current;
        volatile State state = State.LOADING;
        volatile String problem;
        volatile Instant checkedAt;
        volatile boolean unknownModel;
        /** The model is registered, but not the pinned version, or the alias points at no version. */
        volatile boolean unknownVersion;

        Route(ModelSpec spec, boolean configured) {
            this.spec = spec;
            this.configured = configured;
        }

        public ModelSpec spec() {
            return spec;
        }

        public LoadedModel current() {
            return current;
        }

        public State state() {
            return state;
        }

        public String problem() {
            return problem;
        }

        public Instant checkedAt() {
            return checkedAt;
        }

        public boolean configured() {
            return configured;
        }

        /** What the registry lacks for this route, said in a 404. */
        String missing() {
            if (unknownModel) {
                return "Model " + spec.model();
            }
            return spec.version() != null
                    ? "Version " + spec.version() + " of model " + spec.model()
                    : "Alias " + spec.alias() + " of model " + spec.model();
        }
    }

    /**
     * What a request gets: the route, and the model to run (null: use the fallback, see the route's problem).
     *
     * @param notFound the registry does not know the model, or (for a route nobody configured) the version or
     *     alias asked for: answer 404, not the fallback
     */
    public record Resolved(Route route, LoadedModel model, boolean notFound) {}

    private final Map<String, Route> routes = new ConcurrentHashMap<>();
    private volatile long lastFullCheck = System.nanoTime();
    private final Map<String, LoadedModel> loaded = new ConcurrentHashMap<>();
    private final ExecutorService loader = Executors.newSingleThreadExecutor(
            r -> Thread.ofPlatform().name("model-loader").daemon(true).unstarted(r));
    private final ModelRegistryApi registry;
    private final ServiceAccount serviceAccount;
    private final ModelFiles files;
    private final ModelServingProperties properties;
    private final Clock clock;

    ModelManager(
            ModelRegistryApi registry,
            ServiceAccount serviceAccount,
            ModelFiles files,
            ModelServingProperties properties,
            Clock clock) {
        this.registry = registry;
        this.serviceAccount = serviceAccount;
        this.files = files;
        this.properties = properties;
        this.clock = clock;
        for (String served : properties.serve()) {
            ModelSpec spec = ModelSpec.parse(served);
            routes.put(spec.key(), new Route(spec, true));
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        reconcileAll();
    }

    /**
     * Every reconcile interval, and every 5 s while a served model has nothing loaded (the registry or
     * storage was away at start, an alias was not set yet): a missed event delays a swap, never loses it.
     */
    @Scheduled(fixedDelay = 5, initialDelay = 5, timeUnit = TimeUnit.SECONDS)
    void periodicCheck() {
        if (degraded()
                || System.nanoTime() - lastFullCheck
                        >= properties.reconcileInterval().toNanos()) {
            reconcileAll();
        }
    }

    void reconcileAll() {
        lastFullCheck = System.nanoTime();
        routes.values().stream().map(r -> r.spec.model()).distinct().forEach(this::reconcileAsync);
    }

    public Future<?> reconcileAsync(String model) {
        return loader.submit(() -> reconcile(model));
    }

    /** The model for a spec; a spec not served yet is added and waited for up to {@code load-wait}. */
    public Resolved resolve(ModelSpec spec) {
        Route route = routes.get(spec.key());
        if (route == null) {
            route = add(spec);
            await(reconcileAsync(spec.model()), properties.loadWait());
        } else if (route.current == null && route.state == State.LOADING) {
            long deadline = System.nanoTime() + properties.loadWait().toNanos();
            while (route.current == null && route.state == State.LOADING && System.nanoTime() < deadline) {
                sleep(Duration.ofMillis(50));
            }
        }
        boolean notFound = dropIfUnknown(route);
        LoadedModel current = route.current;
        return new Resolved(route, current, current == null && (route.unknownModel || notFound));
    }

    /**
     * Loads a spec now (if needed) and waits for it, up to {@code load-wait}. A model, version or alias the
     * registry does not know is refused (404) and leaves no route behind.
     */
    public Route preload(ModelSpec spec) {
        Route route = routes.containsKey(spec.key()) ? routes.get(spec.key()) : add(spec);
        await(reconcileAsync(spec.model()), properties.loadWait());
        if (dropIfUnknown(route) || (route.unknownModel && route.current == null)) {
            throw DomainException.notFound(route.missing());
        }
        return route;
    }

    /**
     * Stops serving a route that was added by a request or a preload (one that failed, or is no longer
     * wanted); its version is unloaded unless another route serves it. The routes of {@code serve} stay.
     */
    public void remove(ModelSpec spec) {
        Route route = routes.get(spec.key());
        if (route == null) {
            throw DomainException.notFound("Route " + spec.key());
        }
        if (route.configured) {
            throw DomainException.conflict(
                    "served-route",
                    spec.key() + " is served by default (openhire.model-serving.serve) and cannot be removed.");
        }
        drop(route);
    }

    public List<Route> routes() {
        return routes.values().stream()
                .sorted(Comparator.comparing(r -> r.spec.key()))
                .toList();
    }

    /**
     * A route nobody configured, for something the registry does not have, is dropped at once: requests
     * must not fill the table every organisation sees (and its {@value #MAX_ROUTES} places) with dead routes.
     */
    private boolean dropIfUnknown(Route route) {
        if (!route.configured && (route.unknownModel || route.unknownVersion)) {
            drop(route);
            return true;
        }
        return false;
    }

    /** Stops serving the route; its version is unloaded unless another route serves it. */
    private void drop(Route route) {
        if (routes.remove(route.spec.key(), route)) {
            // On the loader thread, after any reconcile already under way: that may still give the route a version.
            loader.submit(() -> unloadIfUnused(route.current));
        }
    }

    /** True when a configured route has no model to run: its requests get the lexical fallback. */
    public boolean degraded() {
        return routes.values().stream().anyMatch(r -> r.configured && r.current == null);
    }

    /** Inference failed on a loaded model: say so on the route (the request is answered by the fallback). */
    public void inferenceFailed(Route route, RuntimeException e) {
        route.problem = "inference failed: " + rootMessage(e);
    }

    private Route add(ModelSpec spec) {
        if (routes.size() >= MAX_ROUTES) {
            throw new DomainException(
                    DomainException.Category.TOO_MANY_REQUESTS,
                    "too-many-models",
                    "Too many models",
                    "At most " + MAX_ROUTES + " models, aliases or versions are served at once.");
        }
        return routes.computeIfAbsent(spec.key(), k -> new Route(spec, false));
    }

    /** Brings every route of {@code model} to the version the registry names. Runs on the loader thread. */
    void reconcile(String model) {
        List<Route> mine = routes.values().stream()
                .filter(r -> r.spec.model().equals(model))
                .toList();
        if (mine.isEmpty()) {
            return;
        }
        ModelView registered;
        try {
            registered = serviceAccount.onBehalfOf(PlatformOrganization.ID, () -> registry.model(model));
        } catch (HttpClientErrorException.NotFound e) {
            for (Route route : mine) {
                route.unknownModel = true;
                route.problem = "model " + model + " is not registered";
                route.state = route.current == null ? State.FAILED : State.READY;
                route.checkedAt = clock.instant();
            }
            return;
        } catch (RuntimeException e) {
            for (Route route : mine) {
                route.problem = "the model registry could not be asked: " + rootMessage(e);
                route.state = route.current == null ? State.FAILED : State.READY;
                route.checkedAt = clock.instant();
            }
            log.warn("Model {}: the registry could not be asked ({})", model, rootMessage(e));
            return;
        }
        for (Route route : mine) {
            route.unknownModel = false;
            route.checkedAt = clock.instant();
            Integer target =
                    route.spec.version() != null ? route.spec.version() : registered.aliasVersion(route.spec.alias());
            if (target == null) {
                route.unknownVersion = true;
                refuse(route, "alias " + route.spec.alias() + " of " + model + " is not set");
                continue;
            }
            VersionView version = registered.version(target).orElse(null);
            route.unknownVersion = version == null;
            if (version == null) {
                refuse(route, "version " + target + " of " + model + " is not registered");
                continue;
            }
            if (version.status() != VersionView.Status.READY) {
                refuse(route, "version " + target + " of " + model + " is not READY in the registry");
                continue;
            }
            LoadedModel current = route.current;
            if (current != null && current.version() == target) {
                route.state = State.READY;
                route.problem = null;
                continue;
            }
            try {
                LoadedModel next = load(registered, version);
                route.current = next;
                route.state = State.READY;
                route.problem = null;
                log.info("Model {}: {} now served by version {}", model, route.spec, target);
                unloadIfUnused(current);
            } catch (RuntimeException e) {
                refuse(route, "version " + target + " refused: " + rootMessage(e));
                log.warn("Model {}: version {} refused: {}", model, target, rootMessage(e));
            }
        }
    }

    private void refuse(Route route, String problem) {
        route.problem = problem;
        route.state = route.current == null ? State.FAILED : State.READY;
    }

    private LoadedModel load(ModelView model, VersionView version) {
        String name = model.name();
        int number = version.version();
        String key = name + ":" + number;
        LoadedModel existing = loaded.get(key);
        if (existing != null) {
            return existing;
        }
        if (!"text-embedding".equals(model.task()) || !"onnx".equals(version.format())) {
            throw new IllegalStateException("only ONNX text-embedding models are served");
        }
        long start = System.nanoTime();
        EmbeddingConfig config = version.config();
        if (config == null
                || config.pooling() == null
                || config.maxTokens() == null
                || config.dimensions() == null
                || config.output() == null) {
            throw new IllegalStateException("the registry has no embedding configuration for it");
        }
        if (version.tokenizer() == null) {
            throw new IllegalStateException("the registry has no tokenizer for it");
        }
        OnnxEmbedder.Config embedding =
                new OnnxEmbedder.Config(config.pooling(), config.maxTokens(), config.dimensions(), config.output());
        String sha256 = version.artifact().sha256();
        ModelFiles.LocalFiles local =
                files.fetch(name, number, sha256, version.tokenizer().sha256());
        OnnxEmbedder embedder = OnnxEmbedder.load(local.model(), local.tokenizer(), embedding, 1);
        MicroBatcher batcher =
                new MicroBatcher(key, embedder, properties.workers(), properties.maxBatch(), properties.maxWait());
        LoadedModel loadedModel = new LoadedModel(
                name, number, sha256, embedder, batcher, clock.instant(), Duration.ofNanos(System.nanoTime() - start));
        loaded.put(key, loadedModel);
        log.info(
                "Model {} version {} loaded in {} ms",
                name,
                number,
                loadedModel.loadTime().toMillis());
        return loadedModel;
    }

    private void unloadIfUnused(LoadedModel model) {
        if (model == null || routes.values().stream().anyMatch(r -> r.current == model)) {
            return;
        }
        loaded.remove(model.name() + ":" + model.version(), model);
        // Off the loader thread: unloading waits for the requests still running on it.
        Thread.ofVirtual().name("model-unload").start(() -> {
            model.unload();
            log.info("Model {} version {} unloaded", model.name(), model.version());
        });
    }

    private static void await(Future<?> future, Duration timeout) {
        try {
            future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            // still loading: the caller answers with what there is
        } catch (ExecutionException e) {
            log.warn("Model loading failed: {}", rootMessage(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message =
                e.getMessage() != null && root != e && root.getMessage() == null ? e.getMessage() : root.getMessage();
        return message == null
                ? root.getClass().getSimpleName()
                : message.lines().findFirst().orElse(message);
    }

    @PreDestroy
    void stop() {
        loader.shutdownNow();
        // A model being opened (ONNX Runtime's createSession, native code) does not see the interrupt: wait
        // for it, else the JVM can exit while ONNX Runtime still runs in that thread and crash at exit.
        try {
            if (!loader.awaitTermination(10, TimeUnit.SECONDS)) {
                log.warn("A model was still loading after 10 s of the stop; stopping without it");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        new ArrayList<>(loaded.values()).forEach(LoadedModel::unload);
        loaded.clear();
    }
}

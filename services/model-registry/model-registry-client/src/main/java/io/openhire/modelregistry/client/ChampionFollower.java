package io.openhire.modelregistry.client;

import io.openhire.platform.crypto.Sha256;
import io.openhire.platform.http.ServiceAccount;
import io.openhire.platform.security.PlatformOrganization;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.client.HttpClientErrorException;

/**
 * A model a service runs itself (a CRF tagger), kept at the registry's {@code champion}: {@link #reconcile}
 * asks the registry and, when the champion moved, downloads it (SHA-256 checked), loads it and swaps it in;
 * {@link #get} is what to read with now. It starts with the model the service ships (the registry's version 1 of
 * it, which it recognises by SHA-256 and never downloads), keeps the last one it loaded while the registry is
 * away, and refuses a version trained on other features than the service computes (a model is only read by the
 * features it learned). The service calls {@code reconcile} a few seconds after start, on
 * {@code model.promoted.v1} of the model, and now and then in case a promotion was missed.
 *
 * @param <T> the loaded model, ready to use
 */
public final class ChampionFollower<T> implements Supplier<T> {

    private static final Logger log = LoggerFactory.getLogger(ChampionFollower.class);

    private final ModelRegistryApi registry;
    private final ServiceAccount serviceAccount;
    private final String model;
    private final String features;
    private final T shipped;
    private final String shippedSha256;
    private final Function<byte[], T> loader;
    /** What is read with now: one field, so a reader never pairs a model with another one's version. */
    private volatile Loaded<T> current;

    /**
     * A model and the registry version it is (null: the shipped model, before the registry was asked).
     *
     * @param sha256 its file's SHA-256: two versions with the same file read alike
     */
    public record Loaded<T>(T model, Integer version, String sha256) {}

    /**
     * @param model the registry model, e.g. {@code skill-extraction}
     * @param features the features this service computes (a version's {@link TaggerConfig#features()} must match)
     * @param shipped the model the service ships, and the SHA-256 of its file
     * @param loader reads a downloaded artifact into a model (throws on a file that is not one)
     */
    public ChampionFollower(
            ModelRegistryApi registry,
            ServiceAccount serviceAccount,
            String model,
            String features,
            T shipped,
            String shippedSha256,
            Function<byte[], T> loader) {
        this.registry = registry;
        this.serviceAccount = serviceAccount;
        this.model = model;
        this.features = features;
        this.shipped = shipped;
        this.shippedSha256 = shippedSha256;
        this.loader = loader;
        this.current = new Loaded<>(shipped, null, shippedSha256);
    }

    @Override
    public T get() {
        return current.model();
    }

    /** The model to read with now and its version, taken together (for a service that records which read what). */
    public Loaded<T> loaded() {
        return current;
    }

    public String model() {
        return model;
    }

    /** The registry version {@link #get} is, or null for the shipped model before the registry was asked. */
    public Integer version() {
        return current.version();
    }

    /**
     * Brings {@link #get} to the registry's champion; a failure is logged and changes nothing.
     *
     * @return whether what is read with changed: another file than before (a promotion or rollback to another
     *     model, not the registry confirming the shipped one), so that work read by the old one can be redone
     */
    public synchronized boolean reconcile() {
        String before = current.sha256();
        try {
            serviceAccount.onBehalfOf(PlatformOrganization.ID, this::follow);
        } catch (HttpClientErrorException.NotFound e) {
            // the model is not registered (yet): the shipped one
        } catch (RuntimeException e) {
            // the registry or identity away, a damaged or unreadable artifact: keep what we have
            log.warn(
                    "{}: the registry's champion could not be loaded ({}); still {}",
                    model,
                    e.getClass().getSimpleName(),
                    describe(current.version()));
        }
        return !before.equals(current.sha256());
    }

    private void follow() {
        Integer version = current.version();
        ModelView view = registry.model(model);
        Integer champion = view.aliasVersion(ModelView.CHAMPION);
        if (champion == null || champion.equals(version)) {
            return;
        }
        VersionView candidate = view.version(champion).orElse(null);
        if (candidate == null || candidate.status() != VersionView.Status.READY) {
            return;
        }
        if (candidate.tagger() == null || !features.equals(candidate.tagger().features())) {
            log.warn(
                    "{}: champion version {} was trained on features {}, this service computes {}: still {}",
                    model,
                    champion,
                    candidate.tagger() == null ? "none" : candidate.tagger().features(),
                    features,
                    describe(version));
            return;
        }
        String sha256 = candidate.artifact().sha256();
        T next;
        if (sha256.equals(shippedSha256)) {
            next = shipped;
        } else if (sha256.equals(current.sha256())) {
            next = current.model(); // another version of the same file
        } else {
            byte[] artifact = registry.artifact(model, champion);
            if (!Sha256.hex(artifact).equals(sha256)) {
                throw new IllegalStateException("version " + champion + " arrived damaged");
            }
            next = loader.apply(artifact);
        }
        current = new Loaded<>(next, champion, sha256);
        log.info("{}: now version {} (was {})", model, champion, describe(version));
    }

    private static String describe(Integer version) {
        return version == null ? "the shipped model" : "version " + version;
    }
}

package io.openhire.jobprocessing.models;

import io.openhire.modelregistry.client.ModelRegistryApi;
import io.openhire.modelregistry.client.ModelView;
import io.openhire.modelregistry.client.VersionView;
import io.openhire.platform.crypto.Sha256;
import io.openhire.platform.http.ServiceAccount;
import io.openhire.platform.security.PlatformOrganization;
import io.openhire.skills.SkillTagger;
import io.openhire.skills.SkillsTaxonomy;
import io.openhire.tagging.CrfModel;
import io.openhire.tagging.WordFeatures;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;

/**
 * The skill tagger job ads are read with: the version model-registry names {@code champion} of
 * {@code skill-extraction}, so that a version the training service registered and an operator promoted (or
 * a rollback) is what the next ad is read with, without a restart. It starts with the tagger this service
 * ships (the registry's version 1) and keeps the last one it loaded while the registry is away; a version
 * trained on other features than this service computes is refused, never misread.
 */
@Component
public class ChampionSkillTagger implements Supplier<SkillTagger> {

    public static final String MODEL = "skill-extraction";

    private static final Logger log = LoggerFactory.getLogger(ChampionSkillTagger.class);

    private final ModelRegistryApi registry;
    private final ServiceAccount serviceAccount;
    private final WordFeatures features;
    private final SkillTagger shipped;
    private final String shippedSha256;
    private volatile SkillTagger current;
    /** The registry version {@link #current} is; null while it is the shipped tagger, not yet confirmed. */
    private volatile Integer version;

    ChampionSkillTagger(ModelRegistryApi registry, ServiceAccount serviceAccount, SkillsTaxonomy taxonomy) {
        this.registry = registry;
        this.serviceAccount = serviceAccount;
        this.features = SkillTagger.features(taxonomy);
        this.shipped = SkillTagger.load(taxonomy);
        this.shippedSha256 = Sha256.hex(shipped.model().toBytes());
        this.current = shipped;
    }

    @Override
    public SkillTagger get() {
        return current;
    }

    /** The registry version ads are read with, or null for the shipped tagger before the registry was asked. */
    public Integer version() {
        return version;
    }

    /** Asks the registry for the champion (a few seconds after start, then every interval, and on a promotion). */
    @Scheduled(
            initialDelayString = "${openhire.job-processing.model-check-delay:PT5S}",
            fixedDelayString = "${openhire.job-processing.model-check:PT10M}")
    public synchronized void reconcile() {
        try {
            serviceAccount.onBehalfOf(PlatformOrganization.ID, this::loadChampion);
        } catch (HttpClientErrorException.NotFound e) {
            // no skill-extraction model registered (yet): the shipped tagger
        } catch (RuntimeException e) {
            // the registry or identity away, a damaged or unreadable artifact: keep reading ads with what we have
            log.warn(
                    "skill tagger: the registry's champion could not be loaded ({}); ads are read with {}",
                    e.getClass().getSimpleName(),
                    version == null ? "the shipped tagger" : "version " + version);
        }
    }

    private void loadChampion() {
        ModelView model = registry.model(MODEL);
        Integer champion = model.aliasVersion(ModelView.CHAMPION);
        if (champion == null || champion.equals(version)) {
            return;
        }
        VersionView candidate = model.version(champion).orElse(null);
        if (candidate == null || candidate.status() != VersionView.Status.READY) {
            return;
        }
        if (candidate.tagger() == null
                || !SkillTagger.FEATURES.equals(candidate.tagger().features())) {
            log.warn(
                    "skill tagger: champion version {} was trained on features {}, this service computes {}:"
                            + " ads are still read with {}",
                    champion,
                    candidate.tagger() == null ? "none" : candidate.tagger().features(),
                    SkillTagger.FEATURES,
                    version == null ? "the shipped tagger" : "version " + version);
            return;
        }
        SkillTagger next;
        if (candidate.artifact().sha256().equals(shippedSha256)) {
            next = shipped;
        } else {
            byte[] artifact = registry.artifact(MODEL, champion);
            if (!Sha256.hex(artifact).equals(candidate.artifact().sha256())) {
                throw new IllegalStateException("version " + champion + " arrived damaged");
            }
            next = new SkillTagger(CrfModel.fromBytes(artifact), features);
        }
        current = next;
        Integer previous = version;
        version = champion;
        log.info(
                "skill tagger: ads are read with version {} of {} (was {})",
                champion,
                MODEL,
                previous == null ? "the shipped tagger" : "version " + previous);
    }
}

package io.openhire.jobprocessing.models;

import io.openhire.modelregistry.client.ChampionFollower;
import io.openhire.modelregistry.client.ModelRegistryApi;
import io.openhire.platform.crypto.Sha256;
import io.openhire.platform.http.ServiceAccount;
import io.openhire.skills.SkillTagger;
import io.openhire.skills.SkillsTaxonomy;
import io.openhire.tagging.CrfModel;
import io.openhire.tagging.WordFeatures;
import java.util.function.Supplier;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The skill tagger job ads are read with: the version model-registry names {@code champion} of
 * {@code skill-extraction} (see {@link ChampionFollower}), so that a version the training service registered and
 * an operator promoted (or a rollback) is what the next ad is read with, without a restart.
 */
@Component
public class ChampionSkillTagger implements Supplier<SkillTagger> {

    public static final String MODEL = "skill-extraction";

    /** The skill tagger now read with is another model (a promotion or rollback), registry version {@code version}. */
    public record Changed(int version) {}

    private final ChampionFollower<SkillTagger> champion;
    private final ApplicationEventPublisher events;

    ChampionSkillTagger(
            ModelRegistryApi registry,
            ServiceAccount serviceAccount,
            SkillsTaxonomy taxonomy,
            ApplicationEventPublisher events) {
        this.events = events;
        WordFeatures features = SkillTagger.features(taxonomy);
        SkillTagger shipped = SkillTagger.load(taxonomy);
        this.champion = new ChampionFollower<>(
                registry,
                serviceAccount,
                MODEL,
                SkillTagger.FEATURES,
                shipped,
                Sha256.hexOfResource(SkillTagger.class.getClassLoader(), SkillTagger.RESOURCE),
                artifact -> new SkillTagger(CrfModel.fromBytes(artifact), features));
    }

    @Override
    public SkillTagger get() {
        return champion.get();
    }

    /** The registry version ads are read with, or null for the shipped tagger before the registry was asked. */
    public Integer version() {
        return champion.version();
    }

    /** Asks the registry for the champion (a few seconds after start, then every interval, and on a promotion). */
    @Scheduled(
            initialDelayString = "${openhire.job-processing.model-check-delay:PT5S}",
            fixedDelayString = "${openhire.job-processing.model-check:PT10M}")
    public void reconcile() {
        if (champion.reconcile() && champion.version() != null) {
            events.publishEvent(new Changed(champion.version()));
        }
    }
}

package io.openhire.resumeprocessing.models;

import io.openhire.modelregistry.client.ChampionFollower;
import io.openhire.modelregistry.client.ModelRegistryApi;
import io.openhire.platform.crypto.Sha256;
import io.openhire.platform.http.ServiceAccount;
import io.openhire.resumetagger.ResumeTagger;
import io.openhire.skills.SkillsTaxonomy;
import io.openhire.tagging.CrfModel;
import io.openhire.tagging.WordFeatures;
import java.util.function.Supplier;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The resume tagger resumes are read with: the version model-registry names {@code champion} of
 * {@code resume-fields} (see {@link ChampionFollower}), so that a version the training service registered and
 * an operator promoted (or a rollback) reads the next resume, without a restart. When the model read with changes,
 * it says so ({@link Changed}): resumes read by another one are then parsed again.
 */
@Component
public class ChampionResumeTagger implements Supplier<ResumeTagger> {

    public static final String MODEL = "resume-fields";

    /** The resume tagger now read with is another model (a promotion or rollback), registry version {@code version}. */
    public record Changed(int version) {}

    private final ChampionFollower<ResumeTagger> champion;
    private final ApplicationEventPublisher events;

    ChampionResumeTagger(
            ModelRegistryApi registry,
            ServiceAccount serviceAccount,
            SkillsTaxonomy taxonomy,
            ApplicationEventPublisher events) {
        this.events = events;
        WordFeatures features = ResumeTagger.features(taxonomy);
        ResumeTagger shipped = ResumeTagger.load(taxonomy);
        this.champion = new ChampionFollower<>(
                registry,
                serviceAccount,
                MODEL,
                ResumeTagger.FEATURES,
                shipped,
                Sha256.hexOfResource(ResumeTagger.class.getClassLoader(), ResumeTagger.RESOURCE),
                artifact -> new ResumeTagger(CrfModel.fromBytes(artifact), features));
    }

    @Override
    public ResumeTagger get() {
        return champion.get();
    }

    /** The registry version resumes are read with, or null for the shipped tagger before the registry was asked. */
    public Integer version() {
        return champion.version();
    }

    /** The tagger to read one resume with, and its version (recorded with the profile), taken together. */
    public ChampionFollower.Loaded<ResumeTagger> loaded() {
        return champion.loaded();
    }

    /** Asks the registry for the champion (a few seconds after start, then every interval, and on a promotion). */
    @Scheduled(
            initialDelayString = "${openhire.resume-processing.model-check-delay:PT5S}",
            fixedDelayString = "${openhire.resume-processing.model-check:PT10M}")
    public void reconcile() {
        if (champion.reconcile() && champion.version() != null) {
            events.publishEvent(new Changed(champion.version()));
        }
    }
}

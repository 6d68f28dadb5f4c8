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
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The resume tagger resumes are read with: the version model-registry names {@code champion} of
 * {@code resume-fields} (see {@link ChampionFollower}), so that a version the training service registered and
 * an operator promoted (or a rollback) reads the next resume, without a restart. Resumes parsed before keep
 * their profile until they are parsed again ({@code POST /api/v1/resumes/{id}/reparse}).
 */
@Component
public class ChampionResumeTagger implements Supplier<ResumeTagger> {

    public static final String MODEL = "resume-fields";

    private final ChampionFollower<ResumeTagger> champion;

    ChampionResumeTagger(ModelRegistryApi registry, ServiceAccount serviceAccount, SkillsTaxonomy taxonomy) {
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

    /** Asks the registry for the champion (a few seconds after start, then every interval, and on a promotion). */
    @Scheduled(
            initialDelayString = "${openhire.resume-processing.model-check-delay:PT5S}",
            fixedDelayString = "${openhire.resume-processing.model-check:PT10M}")
    public void reconcile() {
        champion.reconcile();
    }
}

package io.openhire.resumeprocessing.models;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import io.openhire.modelregistry.events.ModelPromoted;
import io.openhire.platform.test.GoldenEvents;
import org.junit.jupiter.api.Test;

/**
 * model-registry's golden {@code model.promoted.v1} ({@code model-registry-events} test-jar), fed to this
 * service's listener as Kafka delivers it: it is read, and a promotion of another model than the resume tagger
 * (the sample promotes text-embedding) leaves the tagger alone.
 */
class ModelRegistryGoldenEventsConsumedTest {

    @Test
    void aPromotionOfAnotherModelIsReadAndLeavesTheResumeTaggerAlone() {
        ChampionResumeTagger tagger = mock(ChampionResumeTagger.class);

        new PromotionListener(tagger, GoldenEvents.JSON).promoted(GoldenEvents.record(ModelPromoted.TOPIC));

        verify(tagger, never()).reconcile();
    }
}

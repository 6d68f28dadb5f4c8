package io.openhire.matching.ranking;

import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import io.openhire.matching.index.MatchIndex;
import io.openhire.modelregistry.events.ModelPromoted;
import io.openhire.platform.test.GoldenEvents;
import org.junit.jupiter.api.Test;

/**
 * model-registry's golden {@code model.promoted.v1} ({@code model-registry-events} test-jar), fed to the
 * promotion listener as Kafka delivers it: a new text-embedding champion makes the index check its vectors.
 */
class ModelRegistryGoldenEventsConsumedTest {

    @Test
    void aNewEmbeddingChampionMakesTheIndexCheckItsModel() {
        RankerModels rankers = mock(RankerModels.class);
        MatchIndex index = mock(MatchIndex.class);

        new RankerModels.PromotionListener(rankers, index, GoldenEvents.JSON)
                .promoted(GoldenEvents.record(ModelPromoted.TOPIC));

        verify(index).checkModelSoon();
        verify(rankers)
                .promoted(argThat(
                        e -> e.model().equals("text-embedding") && e.alias().equals("champion")));
    }
}

package io.openhire.modelserving;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import io.openhire.modelregistry.events.ModelPromoted;
import io.openhire.modelserving.runtime.ModelManager;
import io.openhire.platform.test.GoldenEvents;
import org.junit.jupiter.api.Test;

/**
 * model-registry's golden {@code model.promoted.v1} ({@code model-registry-events} test-jar), fed to this
 * service's listener as Kafka delivers it: the promoted model's routes are brought to what the registry says.
 */
class ModelRegistryGoldenEventsConsumedTest {

    @Test
    void aPromotionReconcilesThePromotedModel() {
        ModelManager models = mock(ModelManager.class);

        new PromotionListener(models, GoldenEvents.JSON).promoted(GoldenEvents.record(ModelPromoted.TOPIC));

        verify(models).reconcileAsync("text-embedding");
    }
}

package io.openhire.matching.matches;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import io.openhire.applications.events.ApplicationStageChanged;
import io.openhire.applications.events.StageCategory;
import io.openhire.matching.client.Outcome;
import io.openhire.matching.profiles.CandidateStore;
import io.openhire.platform.events.ProcessedEvents;
import io.openhire.platform.test.GoldenEvents;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * applications' golden {@code application.stage-changed.v1}, as Kafka delivers it, becomes matching's feedback:
 * a change of the event that would teach the ranker the wrong outcome fails this test.
 */
class PipelineOutcomesGoldenEventsConsumedTest {

    private static final UUID ORG = UUID.fromString("6f1c1b9e-2f0a-4a57-9a53-7f1f3f3c2a10");
    private static final UUID CANDIDATE = UUID.fromString("c0ffee00-1234-4abc-9def-0123456789ab");
    private static final UUID JOB = UUID.fromString("9b8a7c6d-5e4f-4321-8abc-def012345678");

    private final Feedback feedback = mock(Feedback.class);
    private final CandidateStore candidates = mock(CandidateStore.class);
    private final PipelineOutcomes outcomes = new PipelineOutcomes(firstDelivery(), feedback, candidates);

    @Test
    void aMoveToRejectedIsARejectionWithItsReason() {
        when(candidates.find(any(), any())).thenReturn(Optional.empty());

        outcomes.stageChanged(GoldenEvents.record(ApplicationStageChanged.TOPIC));

        verify(feedback)
                .record(
                        ORG,
                        JOB,
                        CANDIDATE,
                        Outcome.REJECTED,
                        "Not enough experience",
                        "user:0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d");
    }

    @Test
    void everyCategoryButTheFirstStageIsAnOutcome() {
        assertThat(PipelineOutcomes.outcome(StageCategory.APPLIED)).isEmpty();
        assertThat(PipelineOutcomes.outcome(StageCategory.SCREENING)).contains(Outcome.SHORTLISTED);
        assertThat(PipelineOutcomes.outcome(StageCategory.INTERVIEW)).contains(Outcome.INTERVIEWED);
        assertThat(PipelineOutcomes.outcome(StageCategory.OFFER)).contains(Outcome.INTERVIEWED);
        assertThat(PipelineOutcomes.outcome(StageCategory.HIRED)).contains(Outcome.HIRED);
        assertThat(PipelineOutcomes.outcome(StageCategory.WITHDRAWN)).contains(Outcome.WITHDRAWN);
        verifyNoInteractions(feedback);
    }

    private static ProcessedEvents firstDelivery() {
        return new ProcessedEvents(null, null, GoldenEvents.JSON) {
            @Override
            public boolean handleOnce(String consumer, ConsumerRecord<String, String> record, Runnable handler) {
                handler.run();
                return true;
            }
        };
    }
}

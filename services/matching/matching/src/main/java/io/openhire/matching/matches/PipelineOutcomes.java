package io.openhire.matching.matches;

import io.openhire.applications.events.ApplicationStageChanged;
import io.openhire.applications.events.StageCategory;
import io.openhire.matching.client.Outcome;
import io.openhire.matching.profiles.CandidateStore;
import io.openhire.platform.errors.DomainException;
import io.openhire.platform.events.ProcessedEvents;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * The hiring pipeline's moves are the outcomes the ranker learns from: a move in applications
 * ({@code application.stage-changed.v1}) becomes a feedback row, joined to the last list that showed the pair as
 * feedback given here is. A move back to the first stage (an undo of a shortlist, say) records nothing: it is no
 * outcome.
 */
@Component
class PipelineOutcomes {

    private static final Logger log = LoggerFactory.getLogger(PipelineOutcomes.class);

    private final ProcessedEvents processed;
    private final Feedback feedback;
    private final CandidateStore candidates;

    PipelineOutcomes(ProcessedEvents processed, Feedback feedback, CandidateStore candidates) {
        this.processed = processed;
        this.feedback = feedback;
        this.candidates = candidates;
    }

    /** The outcome a move to a stage of this category is; empty for the first stage. */
    static Optional<Outcome> outcome(StageCategory category) {
        return Optional.ofNullable(
                switch (category) {
                    case APPLIED -> null;
                    case SCREENING -> Outcome.SHORTLISTED;
                    case INTERVIEW, OFFER -> Outcome.INTERVIEWED;
                    case HIRED -> Outcome.HIRED;
                    case REJECTED -> Outcome.REJECTED;
                    case WITHDRAWN -> Outcome.WITHDRAWN;
                });
    }

    @KafkaListener(topics = ApplicationStageChanged.TOPIC, groupId = "matching")
    void stageChanged(ConsumerRecord<String, String> record) {
        processed.handleOnce("feedback-stage-changed", record, ApplicationStageChanged.class, move -> {
            Optional<Outcome> outcome = outcome(move.toCategory());
            if (outcome.isEmpty()) {
                return;
            }
            // The person as matching files them: by the application's resume when matching has it (a merge in
            // applications may have joined records matching keeps apart), else by the candidate id.
            UUID candidateId = Optional.ofNullable(move.resumeId())
                    .flatMap(resume -> candidates.find(move.organizationId(), resume))
                    .map(c -> c.facts().candidateId())
                    .orElse(move.candidateId());
            try {
                feedback.record(
                        move.organizationId(), move.jobId(), candidateId, outcome.get(), move.reason(), move.actor());
            } catch (DomainException e) {
                if (e.category() != DomainException.Category.NOT_FOUND) {
                    throw e;
                }
                // A job or a person matching has not indexed (or no longer has): nothing to learn from.
                log.info("A pipeline move for a job or candidate matching does not know was not recorded as feedback");
            }
        });
    }
}

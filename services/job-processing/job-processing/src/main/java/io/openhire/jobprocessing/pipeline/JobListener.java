package io.openhire.jobprocessing.pipeline;

import io.openhire.jobingestion.events.JobIngested;
import io.openhire.platform.events.ProcessedEvents;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * {@code job.ingested.v1}, each handled once: the job, its report, the processed-event row and
 * {@code job.optimized.v1} commit together, the Kafka offset only after.
 */
@Component
class JobListener {

    private final ProcessedEvents processed;
    private final JobOptimisation optimisation;

    JobListener(ProcessedEvents processed, JobOptimisation optimisation) {
        this.processed = processed;
        this.optimisation = optimisation;
    }

    @KafkaListener(topics = JobIngested.TOPIC)
    void ingested(ConsumerRecord<String, String> record) {
        processed.handleOnce("optimise-ingested", record, JobIngested.class, optimisation::process);
    }
}

package io.openhire.jobprocessing.pipeline;

import io.openhire.jobingestion.events.JobIngested;
import io.openhire.platform.events.ProcessedEvents;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code job.ingested.v1}, each handled once: the job, its report, the processed-event row and
 * {@code job.optimized.v1} commit together, the Kafka offset only after.
 */
@Component
class JobListener {

    private final ProcessedEvents processed;
    private final JobOptimisation optimisation;
    private final JsonMapper json;

    JobListener(ProcessedEvents processed, JobOptimisation optimisation, JsonMapper json) {
        this.processed = processed;
        this.optimisation = optimisation;
        this.json = json;
    }

    @KafkaListener(topics = JobIngested.TOPIC)
    void ingested(ConsumerRecord<String, String> record) {
        JobIngested job = json.readValue(record.value(), JobIngested.class);
        processed.handleOnce("optimise-ingested", record, () -> optimisation.process(job));
    }
}

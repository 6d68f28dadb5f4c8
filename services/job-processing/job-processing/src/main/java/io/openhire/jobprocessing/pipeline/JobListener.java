package io.openhire.jobprocessing.pipeline;

import io.openhire.jobingestion.events.JobIngested;
import io.openhire.platform.events.ProcessedEvents;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * {@code job.ingested.v1} and job-processing's own reviews to run again, each handled once: the job, its report,
 * the processed-event row and {@code job.optimized.v1} commit together, the Kafka offset only after.
 */
@Component
class JobListener {

    private final ProcessedEvents processed;
    private final JobOptimisation optimisation;

    private final JobReports reports;

    JobListener(ProcessedEvents processed, JobOptimisation optimisation, JobReports reports) {
        this.processed = processed;
        this.optimisation = optimisation;
        this.reports = reports;
    }

    @KafkaListener(topics = JobIngested.TOPIC)
    void ingested(ConsumerRecord<String, String> record) {
        processed.handleOnce("optimise-ingested", record, JobIngested.class, optimisation::process);
    }

    @KafkaListener(topics = ReviewRequested.TOPIC)
    void reviewAgain(ConsumerRecord<String, String> record) {
        processed.handleOnce(
                "review-again",
                record,
                ReviewRequested.class,
                request ->
                        reports.job(request.organizationId(), request.jobId()).ifPresent(optimisation::review));
    }
}

package io.openhire.jobprocessing.pipeline;

import java.util.UUID;

/**
 * job-processing's own queue of reviews to run again (topic {@value #TOPIC}): going through Kafka makes the
 * review of every job after a promotion survive restarts and spread over instances.
 */
record ReviewRequested(UUID jobId, UUID organizationId) {

    static final String TOPIC = "job-processing.review.v1";
}

package io.openhire.resumeprocessing.pipeline;

import java.util.UUID;

/**
 * resume-processing's own queue of re-parses (topic {@value #TOPIC}): going through Kafka makes a bulk
 * re-parse of thousands of resumes survive restarts and spread over instances.
 */
record ReparseRequested(UUID resumeId, UUID organizationId) {

    static final String TOPIC = "resume-processing.reparse.v1";
}

package io.openhire.resumeprocessing.client;

import java.util.UUID;

/**
 * What to score a resume against.
 *
 * @param resumeId the resume (required)
 * @param jobId the job's id, kept with the report as a link; the job's text must still be sent
 * @param jobText the job description, 30 to 50,000 characters (required)
 * @param jobTitle at most 200 characters; optional
 */
public record OptimizeRequest(UUID resumeId, UUID jobId, String jobText, String jobTitle) {}

package io.openhire.applications.client;

import java.util.List;
import java.util.UUID;

/**
 * What a job's interviewers rate on each scorecard (1–10 criteria, 1–60 characters each).
 *
 * @param own false while the job rates OpenHire's defaults
 */
public record JobCriteria(UUID jobId, List<String> criteria, boolean own) {}

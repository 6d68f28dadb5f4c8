package io.openhire.applications.client;

import java.util.UUID;

/** A job run for the client, as its users see it: the number of candidates shared with them. */
public record ClientJob(UUID jobId, String title, String location, String status, long shared) {}

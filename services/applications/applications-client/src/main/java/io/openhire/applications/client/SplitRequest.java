package io.openhire.applications.client;

import java.util.UUID;

/** Takes a resume out of a candidate's record into a record of its own (it was another person). */
public record SplitRequest(UUID resumeId) {}

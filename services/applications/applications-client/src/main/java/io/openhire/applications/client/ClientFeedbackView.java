package io.openhire.applications.client;

import java.time.Instant;
import java.util.UUID;

/** What a client user said about a shared candidate. */
public record ClientFeedbackView(
        UUID id, String authorName, String verdict, String comment, boolean interviewRequested, Instant at) {}

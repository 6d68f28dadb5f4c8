package io.openhire.communication.client;

import java.util.Map;
import java.util.UUID;

/** Renders a template as a real recipient would get it, without sending anything. */
public record PreviewRequest(UUID candidateId, UUID jobId, Map<String, String> variables) {}

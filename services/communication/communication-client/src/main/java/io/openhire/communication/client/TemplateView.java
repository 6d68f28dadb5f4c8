package io.openhire.communication.client;

import io.openhire.communication.events.Channel;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A template at its latest version.
 *
 * @param variables the variables it uses, as written in it
 */
public record TemplateView(
        UUID id,
        int version,
        String name,
        Channel channel,
        String language,
        MessageKind kind,
        String subject,
        String body,
        List<String> variables,
        String updatedBy,
        Instant updatedAt) {}

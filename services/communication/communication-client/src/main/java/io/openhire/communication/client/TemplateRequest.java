package io.openhire.communication.client;

import io.openhire.communication.events.Channel;

/**
 * A message template of the organisation; saving it again makes a new version. {@code subject} (email only)
 * and {@code body} may use {@code {{candidate.name}}}, {@code {{candidate.firstName}}}, {@code {{job.title}}},
 * {@code {{job.employer}}}, {@code {{recruiter.name}}}, {@code {{organization.name}}} and variables a sender
 * passes; an unknown variable is refused when the message is written, never sent as braces.
 *
 * @param language BCP 47 tag of the template's language ("en", "de"), shown to pick the right one
 */
public record TemplateRequest(
        String name, Channel channel, String language, MessageKind kind, String subject, String body) {}

package io.openhire.communication.client;

import io.openhire.communication.events.Channel;
import java.util.Map;
import java.util.UUID;

/**
 * One message: to a candidate ({@code candidateId}, their address from matching) or to an address
 * ({@code to}); from a template ({@code templateId}, its latest version) or written here ({@code subject} and
 * {@code body}, which may use the same {@code {{variables}}}).
 *
 * @param jobId the job it is about: fills {@code {{job.title}}} and files the message under the job
 * @param variables values for variables the platform does not know (e.g. {@code recruiter.phone}); they
 *     override the platform's
 * @param kind {@code TRANSACTIONAL} unless said (a template's kind wins)
 */
public record SendRequest(
        Channel channel,
        UUID candidateId,
        String to,
        UUID templateId,
        String subject,
        String body,
        UUID jobId,
        Map<String, String> variables,
        MessageKind kind) {}

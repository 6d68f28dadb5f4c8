package io.openhire.applications.client;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A candidate shared with the client. Blind unless the recruiter revealed them: a label instead of the name, and
 * never contact details, links, address or photo.
 *
 * @param label "Candidate 1", "Candidate 2"… in the order they were shared
 * @param name null unless revealed
 */
public record ShortlistEntry(
        UUID applicationId,
        String label,
        String name,
        boolean revealed,
        String headline,
        String currentTitle,
        List<String> skills,
        String stageName,
        Instant sharedAt,
        List<ClientFeedbackView> feedback) {}

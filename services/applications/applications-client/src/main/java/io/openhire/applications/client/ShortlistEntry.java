package io.openhire.applications.client;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A candidate shared with the client. Blind unless the recruiter revealed them: a label instead of the name, skills
 * and stage only (a parsed headline or title can name an employer and a city), never contact details, links,
 * address or photo.
 *
 * @param label "Candidate 7F3A": stable for the application (not its place in the list)
 * @param name null unless revealed
 * @param headline null unless revealed
 * @param currentTitle null unless revealed
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

package io.openhire.privacy.client;

import java.time.Instant;
import java.util.UUID;

/**
 * One run of an organisation's retention rule: who it reached and what it did.
 *
 * @param trigger SCHEDULE (the daily run) or ADMIN (run now)
 * @param cutoff candidates inactive since before this were reached
 * @param candidates how many candidates the rule reached
 * @param requestsFiled erasure requests filed for them
 * @param alreadyOpen reached candidates with an erasure request still open (not filed twice)
 * @param problem why the run stopped short (applications unreachable, say); null when it finished
 */
public record RetentionRun(
        UUID id,
        String trigger,
        Instant cutoff,
        Instant startedAt,
        Instant finishedAt,
        int candidates,
        int requestsFiled,
        int alreadyOpen,
        String problem) {}

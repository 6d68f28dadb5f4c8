package io.openhire.audit.client;

import java.time.Instant;
import java.util.UUID;

/**
 * An alert a rule raised: who crossed it, with how many entries, and the newest of them (its position in the chain).
 */
public record RaisedAlert(
        UUID id,
        UUID ruleId,
        String ruleName,
        String actor,
        String action,
        int entries,
        long lastPosition,
        Instant raisedAt) {}

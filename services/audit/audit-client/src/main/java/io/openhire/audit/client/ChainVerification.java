package io.openhire.audit.client;

import java.time.Instant;

/**
 * The result of checking an organisation's audit chain from its first entry: every entry's hash recomputed from
 * its fields, every link to the entry before, the positions without a gap, and the last entry against the chain's
 * head (which catches entries removed from the end).
 *
 * @param intact whether every check held
 * @param entries how many entries were checked
 * @param lastHash the hash of the last entry checked (keep it: a later check that does not reach it, or reaches
 *     another, shows the log was rewritten)
 * @param brokenAt the position of the first entry that failed a check, or null
 * @param problem what failed there, or null
 */
public record ChainVerification(
        boolean intact, long entries, String lastHash, Long brokenAt, String problem, Instant checkedAt) {}

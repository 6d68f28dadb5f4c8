package io.openhire.applications.client;

import java.time.Instant;

/**
 * Someone of the organisation looked at a candidate's file, as the candidate is told: when, what, and by whom only
 * as "a member of Acme's team" (a staff member's name or id is theirs, not the candidate's).
 *
 * @param what "opened your profile", "opened your resume", "downloaded your resume" or "revealed your identity in a
 *     blind review"
 */
public record PortalFileView(Instant occurredAt, String what, String by) {}

package io.openhire.resumeingestion.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A resume was deleted (a recruiter removed it, or a candidate exercised their right to erasure):
 * every service that keeps anything derived from it deletes that too, and ignores later events about it.
 *
 * @param resumeId the resume (also the Kafka key)
 * @param organizationId the owning organisation
 * @param occurredAt when it was deleted
 */
public record ResumeDeleted(UUID resumeId, UUID organizationId, Instant occurredAt) {

    public static final String TOPIC = "resume.deleted.v1";
}

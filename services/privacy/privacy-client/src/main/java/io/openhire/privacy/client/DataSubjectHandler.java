package io.openhire.privacy.client;

import java.util.UUID;

/**
 * What a service that holds people's data implements to answer data-subject requests; privacy-client's
 * {@link DataSubjectRequestListener} calls it (see its javadoc for the wiring). Find the person by
 * {@link DataSubject#hasEmail} and {@link DataSubject#hasPhone} (or an SQL equivalent), never by name.
 */
public interface DataSubjectHandler {

    /** Everything the service holds of the person in {@code organizationId}, and their files. */
    SubjectAnswer access(UUID organizationId, DataSubject subject);

    /**
     * Erases the person's records in {@code organizationId} (deletes them, or what of them is personal data, and
     * announces deletions other services act on as it does for any deletion). Runs in a transaction; must be
     * safe to run again (a redelivered request finds nothing left).
     *
     * @return how many records it erased
     */
    int erase(UUID organizationId, DataSubject subject);

    /** How many of the person's records the service still holds: 0 after an erasure. */
    int count(UUID organizationId, DataSubject subject);
}

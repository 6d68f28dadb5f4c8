package io.openhire.applications.client;

import tools.jackson.databind.JsonNode;

/**
 * One open job on the career site: the posting, its schema.org JobPosting (job-processing's, for Google for
 * Jobs; null while job-processing has not analysed the job or is away) and the notice an applicant consents
 * to.
 */
public record CareerPosting(
        CareerJob job,
        String description,
        JsonNode jsonLd,
        PrivacyNotice privacyNotice,
        java.util.List<JobQuestion> questions) {}

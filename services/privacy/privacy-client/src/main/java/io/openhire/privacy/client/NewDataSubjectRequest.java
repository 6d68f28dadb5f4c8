package io.openhire.privacy.client;

/**
 * {@code POST /api/v1/privacy/requests}: a person's request to the organisation.
 *
 * @param type ACCESS, ERASURE, RECTIFICATION or RESTRICTION
 * @param email the person's email address (required: it is how the services find them)
 * @param phone their phone number, international form preferred (optional: also used to find them)
 * @param name how they signed (optional; shown to the admin, never used to find records)
 * @param details what they asked, in their words (optional, up to 2,000 characters; for rectification: what is
 *     wrong)
 * @param source how the request came: DASHBOARD (default), EMAIL, LETTER, PHONE, PORTAL
 */
public record NewDataSubjectRequest(
        String type, String email, String phone, String name, String details, String source) {}

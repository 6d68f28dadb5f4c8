package io.openhire.applications.client;

/**
 * {@code POST /api/v1/portal/privacy-requests}: a signed-in candidate asks the organisation about their data. Who
 * they are (email, phone, name) is never part of it: applications takes it from their verified account and record.
 *
 * @param type ACCESS (a copy), ERASURE (deletion), RECTIFICATION (correction) or RESTRICTION (stop using it)
 * @param details in their words, up to 2,000 characters; required for a rectification (what is wrong)
 */
public record PortalPrivacyRequestForm(String type, String details) {}

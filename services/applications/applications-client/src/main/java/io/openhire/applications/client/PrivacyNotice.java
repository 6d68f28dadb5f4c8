package io.openhire.applications.client;

import java.time.Instant;

/**
 * What an applicant consents to: the organisation's privacy notice for applicants, versioned (a consent names
 * the version it was given to). Version 0 is OpenHire's default text, until the organisation writes its own.
 */
public record PrivacyNotice(int version, String text, Instant createdAt) {}

package io.openhire.applications.client;

/** A new version of the organisation's privacy notice for applicants (20–20,000 characters). */
public record PrivacyNoticeUpdate(String text) {}

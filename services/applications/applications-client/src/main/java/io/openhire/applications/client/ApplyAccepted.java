package io.openhire.applications.client;

/** An application through the career site was received; the applicant gets a confirmation by email. */
public record ApplyAccepted(String message) {}

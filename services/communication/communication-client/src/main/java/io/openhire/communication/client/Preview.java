package io.openhire.communication.client;

/** A rendered template: exactly what would be sent. */
public record Preview(String subject, String body) {}

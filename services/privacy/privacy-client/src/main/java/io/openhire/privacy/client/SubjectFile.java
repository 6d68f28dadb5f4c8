package io.openhire.privacy.client;

/** A file a service holds of the person (a resume's original), for an access request's export. */
public record SubjectFile(String name, String contentType, byte[] content) {}

package io.openhire.privacy.client;

/** The text with each of the organisation's pseudonyms in it replaced by its value, and how many were. */
public record DeanonymizeResult(String text, int reversed) {}

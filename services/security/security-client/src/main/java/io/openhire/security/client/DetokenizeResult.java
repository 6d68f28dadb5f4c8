package io.openhire.security.client;

/** The field and value a token stands for. */
public record DetokenizeResult(String field, String value) {}

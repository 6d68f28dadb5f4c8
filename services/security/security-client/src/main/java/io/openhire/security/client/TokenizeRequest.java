package io.openhire.security.client;

/**
 * {@code POST /api/v1/security/tokenize}: a field name (lower-case letters, digits, {@code _} or {@code -}, starting
 * with a letter, at most 40) and its value (at most 4,096 characters, taken exactly as given: normalise first if
 * "Jane@Example.com" and "jane@example.com" should be one token).
 */
public record TokenizeRequest(String field, String value) {}

package io.openhire.security.client;

/** {@code POST /api/v1/security/detokenize}: a token of the caller's organisation. */
public record DetokenizeRequest(String token) {}

package io.openhire.security.client;

/**
 * {@code POST /api/v1/security/decrypt} and {@code /rewrap}: a ciphertext from {@code /encrypt} and the context it
 * was made with (none if none was given).
 */
public record DecryptRequest(String ciphertext, String context) {}

package io.openhire.security.client;

/**
 * {@code POST /api/v1/security/kek/rotate}: the key-encryption key every data key is now wrapped with, how many were
 * re-wrapped, and how many could not be (their key-encryption key is no longer configured; the log names them).
 */
public record KekRotationResult(String kekId, int rewrapped, int failed) {}

package io.openhire.security.client;

/**
 * {@code tok_<field>_<32 base32 characters>}: the same for the same (organisation, field, value), so tokens can be
 * joined and compared, and different in another organisation.
 */
public record TokenizeResult(String token) {}

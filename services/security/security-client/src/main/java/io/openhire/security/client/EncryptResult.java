package io.openhire.security.client;

/**
 * A ciphertext ({@code ohe1:<keyVersion>:<base64url>}) and the version of the organisation's data key it was made
 * with. Store the string as it is; every version keeps decrypting after a rotation.
 */
public record EncryptResult(String ciphertext, int keyVersion) {}

package io.openhire.security.client;

import java.util.Base64;

/** The decrypted bytes, standard base64, and the key version that had encrypted them. */
public record DecryptResult(String plaintext, int keyVersion) {

    public byte[] bytes() {
        return Base64.getDecoder().decode(plaintext);
    }
}

package io.openhire.platform.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class AesGcmTest {

    private final AesGcm aes =
            AesGcm.fromBase64Key("test.key", Base64.getEncoder().encodeToString(new byte[32]));
    private final byte[] plain = "Ana Lopez, ana@example.com".getBytes(StandardCharsets.UTF_8);

    @Test
    void sealsAndOpensWithTheSameAssociatedData() {
        byte[] sealed = aes.seal(plain, "org-1/resumes/cv.pdf");

        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("Ana");
        assertThat(aes.open(sealed, "org-1/resumes/cv.pdf")).isEqualTo(plain);
        assertThat(aes.seal(plain, "org-1/resumes/cv.pdf")).isNotEqualTo(sealed); // fresh IV each time
    }

    @Test
    void refusesMovedTamperedOrForeignCiphertexts() {
        byte[] sealed = aes.seal(plain, "org-1/resumes/cv.pdf");
        byte[] tampered = sealed.clone();
        tampered[tampered.length - 1] ^= 1;
        AesGcm other = AesGcm.fromBase64Key("test.key", Base64.getEncoder().encodeToString(new byte[] {
            1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29,
            30, 31, 32
        }));

        assertThatThrownBy(() -> aes.open(sealed, "org-2/resumes/cv.pdf")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> aes.open(tampered, "org-1/resumes/cv.pdf")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> other.open(sealed, "org-1/resumes/cv.pdf")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void explainsAMissingOrWrongKeyByItsProperty() {
        assertThatThrownBy(() -> AesGcm.fromBase64Key("openhire.storage.encryption-key", null))
                .hasMessageContaining("openhire.storage.encryption-key is not set");
        assertThatThrownBy(() -> AesGcm.fromBase64Key("k", "c2hvcnQ=")).hasMessageContaining("32 bytes");
    }
}

package io.openhire.security.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openhire.platform.errors.DomainException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.UUID;
import javax.crypto.AEADBadTagException;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class CiphertextTest {

    final SecretKey key = key();

    static SecretKey key() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return new SecretKeySpec(bytes, "AES");
    }

    @Test
    void formatsAndParsesBack() throws Exception {
        UUID org = UUID.randomUUID();
        byte[] aad = Envelope.associated(org, 7, "mailbox-password");
        byte[] sealed = DataCipher.seal(key, "s3cret".getBytes(StandardCharsets.UTF_8), aad);
        String text = new Ciphertext(7, sealed).format();

        assertThat(text).startsWith("ohe1:7:").doesNotContain("=", "+", "/");
        Ciphertext parsed = Ciphertext.parse(text);
        assertThat(parsed.keyVersion()).isEqualTo(7);
        assertThat(new String(DataCipher.open(key, parsed.sealed(), aad), StandardCharsets.UTF_8))
                .isEqualTo("s3cret");
    }

    @Test
    void anotherOrganisationVersionContextOrKeyDoesNotOpenIt() {
        UUID org = UUID.randomUUID();
        byte[] sealed = DataCipher.seal(key, new byte[] {1, 2, 3}, Envelope.associated(org, 1, "a"));
        assertThatThrownBy(() -> DataCipher.open(key, sealed, Envelope.associated(UUID.randomUUID(), 1, "a")))
                .isInstanceOf(AEADBadTagException.class);
        assertThatThrownBy(() -> DataCipher.open(key, sealed, Envelope.associated(org, 2, "a")))
                .isInstanceOf(AEADBadTagException.class);
        assertThatThrownBy(() -> DataCipher.open(key, sealed, Envelope.associated(org, 1, "b")))
                .isInstanceOf(AEADBadTagException.class);
        assertThatThrownBy(() -> DataCipher.open(key, sealed, Envelope.associated(org, 1, null)))
                .isInstanceOf(AEADBadTagException.class);
        assertThatThrownBy(() -> DataCipher.open(key(), sealed, Envelope.associated(org, 1, "a")))
                .isInstanceOf(AEADBadTagException.class);
        byte[] altered = sealed.clone();
        altered[20] ^= 1;
        assertThatThrownBy(() -> DataCipher.open(key, altered, Envelope.associated(org, 1, "a")))
                .isInstanceOf(AEADBadTagException.class);
    }

    @Test
    void textThatIsNotACiphertextIsRefusedNamingTheField() {
        for (String text : new String[] {
            null,
            "",
            "hello",
            "ohe1:1",
            "ohe1:0:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
            "ohe1:x:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
            "ohe2:1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
            "ohe1:1:AAAA",
            "ohe1:1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
            "ohe1:1:A",
            "ohe1:1234567890:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
            "ohe1:1:" + "A".repeat(Ciphertext.MAX_LENGTH)
        }) {
            assertThatThrownBy(() -> Ciphertext.parse(text))
                    .as(String.valueOf(text).length() > 60 ? "a very long text" : text)
                    .isInstanceOf(DomainException.class)
                    .satisfies(
                            e -> assertThat(((DomainException) e).properties().get("errors"))
                                    .asString()
                                    .contains("ciphertext"));
        }
    }
}

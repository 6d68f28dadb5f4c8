package io.openhire.security.tokens;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TokenizerTest {

    @Test
    void base32IsRfc4648() {
        // RFC 4648, section 10
        assertThat(Tokenizer.base32("fooba".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo("MZXW6YTB");
        assertThat(Tokenizer.base32(new byte[20])).isEqualTo("A".repeat(32));
        byte[] ones = new byte[5];
        java.util.Arrays.fill(ones, (byte) 0xFF);
        assertThat(Tokenizer.base32(ones)).isEqualTo("77777777");
    }
}

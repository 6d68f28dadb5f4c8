package io.openhire.security.tokens;

import io.openhire.platform.errors.DomainException;
import io.openhire.security.keys.DataKeys;
import io.openhire.security.keys.Envelope;
import io.openhire.security.keys.Hmac;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Tokens for field values: {@code tok_email_<32 base32 characters>} stands for one value of one field in one
 * organisation, always the same one, so that records can be joined on the token without the value. The token is an
 * HMAC of field and value under a key derived from the organisation's first data key (the same after rotations, and
 * different in every organisation); the value is kept sealed under the organisation's active data key, bound to the
 * token, for {@code detokenize} ({@code security_token}).
 */
@Component
public class Tokenizer {

    private static final String KEY_PURPOSE = "tokens";
    private static final int DIGEST_BYTES = 20; // 160 bits: 32 base32 characters
    private static final char[] BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();

    private final DataKeys dataKeys;
    private final Envelope envelope;
    private final JdbcClient jdbc;
    private final Clock clock;

    Tokenizer(DataKeys dataKeys, Envelope envelope, JdbcClient jdbc, Clock clock) {
        this.dataKeys = dataKeys;
        this.envelope = envelope;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A field and the value its token stands for. */
    public record Detokenized(String field, String value) {}

    /** The value's token, kept for {@link #detokenize} the first time. Two requests for one new value get one token. */
    public String tokenize(UUID organizationId, String field, String value) {
        byte[] key = dataKeys.derivedKey(organizationId, KEY_PURPOSE);
        String token;
        try {
            // the NUL keeps ("ab", "c") and ("a", "bc") apart; a field name cannot contain one
            token = "tok_" + field + "_"
                    + base32(Arrays.copyOf(Hmac.sha256(key, field + '\u0000' + value), DIGEST_BYTES));
        } finally {
            Arrays.fill(key, (byte) 0);
        }
        if (find(organizationId, token).isPresent()) {
            return token;
        }
        String sealed = envelope.encrypt(organizationId, value.getBytes(StandardCharsets.UTF_8), context(token))
                .ciphertext();
        jdbc.sql("""
                        INSERT INTO security_token (organization_id, token, field, sealed_value, created_at)
                        VALUES (:org, :token, :field, :sealed, :now)
                        ON CONFLICT DO NOTHING
                        """)
                .param("org", organizationId)
                .param("token", token)
                .param("field", field)
                .param("sealed", sealed)
                .param("now", Timestamp.from(clock.instant()))
                .update();
        return token;
    }

    /** The field and value of one of the organisation's tokens; empty for any other token. */
    public Optional<Detokenized> detokenize(UUID organizationId, String token) {
        return find(organizationId, token).map(row -> {
            try {
                Envelope.Opened opened = envelope.decrypt(organizationId, row.sealed(), context(token));
                return new Detokenized(row.field(), new String(opened.plaintext(), StandardCharsets.UTF_8));
            } catch (DomainException e) {
                // the service sealed it itself: a value that does not open is damage to the table, not the caller's
                throw new IllegalStateException("The value of a stored token does not decrypt", e);
            }
        });
    }

    private record Row(String field, String sealed) {}

    private Optional<Row> find(UUID organizationId, String token) {
        return jdbc.sql(
                        "SELECT field, sealed_value FROM security_token WHERE organization_id = :org AND token = :token")
                .param("org", organizationId)
                .param("token", token)
                .query((rs, n) -> new Row(rs.getString("field"), rs.getString("sealed_value")))
                .optional();
    }

    private static String context(String token) {
        return "security-token:" + token;
    }

    /** RFC 4648 base32, for a multiple of 5 bytes (no padding). */
    static String base32(byte[] bytes) {
        StringBuilder out = new StringBuilder(bytes.length * 8 / 5);
        for (int i = 0; i < bytes.length; i += 5) {
            long block = 0;
            for (int j = 0; j < 5; j++) {
                block = (block << 8) | (bytes[i + j] & 0xFF);
            }
            for (int shift = 35; shift >= 0; shift -= 5) {
                out.append(BASE32[(int) ((block >>> shift) & 31)]);
            }
        }
        return out.toString();
    }
}

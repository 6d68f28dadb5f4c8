package io.openhire.platform.logging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RedactorTest {

    @Test
    void masksPasswordsAndSecretsInKeyValueAndJsonForm() {
        assertThat(Redactor.redact("login password=hunter2hunter2 ok")).isEqualTo("login password=*** ok");
        assertThat(Redactor.redact("{\"email\":\"x\",\"password\":\"s3cr3t pass\"}"))
                .doesNotContain("s3cr3t")
                .contains("\"password\":***");
        assertThat(Redactor.redact("refresh_token: ohr_abcdefghijklmnop")).doesNotContain("ohr_abcdefghijklmnop");
        assertThat(Redactor.redact("client_secret='abc123'")).isEqualTo("client_secret=***");
    }

    @Test
    void masksBearerTokensJwtsAndApiKeys() {
        String jwt = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxMjM0NTYifQ.c2lnbmF0dXJlLXZhbHVl";
        assertThat(Redactor.redact("Authorization: Bearer " + jwt))
                .doesNotContain(jwt)
                .startsWith("Authorization: ***");
        assertThat(Redactor.redact("sent Bearer " + jwt)).isEqualTo("sent Bearer ***");
        assertThat(Redactor.redact("token in text " + jwt + " end")).isEqualTo("token in text *** end");
        assertThat(Redactor.redact("used key ohk_Zm9vYmFyYmF6cXV4cXV1eA")).isEqualTo("used key ohk_***");
    }

    @Test
    void masksEmailAddressesAndPhoneNumbers() {
        assertThat(Redactor.redact("invited jane.doe+jobs@example.co.uk today")).isEqualTo("invited ***@*** today");
        assertThat(Redactor.redact("call +44 20 7946 0958 now")).isEqualTo("call *** now");
        assertThat(Redactor.redact("mobile (415) 555-2671.")).doesNotContain("555-2671");
        assertThat(Redactor.redact("tel 0612345678")).isEqualTo("tel ***");
    }

    @Test
    void keepsWhatIsNotPersonalData() {
        String line = "request 6f1c1b9e-2f0a-4a57-9a53-7f1f3f3c2a10 took 1234 ms at 2026-11-21 10:15:30 on port 8101";
        assertThat(Redactor.redact(line)).isEqualTo(line);
        assertThat(Redactor.redact("processed 42 of 100 events, batch 7"))
                .isEqualTo("processed 42 of 100 events, batch 7");
        assertThat(Redactor.redact(null)).isNull();
    }
}

package io.openhire.communication.mailaccounts;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openhire.communication.client.MailAccountRequest;
import io.openhire.platform.errors.DomainException;
import java.time.Clock;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** An admin's mail server must be on the internet: this machine and private networks are refused, unasked. */
class MailAccountsTest {

    private final MailAccounts accounts = new MailAccounts(null, null, false, Clock.systemUTC());

    @Test
    void aLocalOrPrivateHostIsRefusedBeforeAnythingIsTried() {
        for (String host : new String[] {"127.0.0.1", "localhost", "10.0.0.5", "192.168.1.20", "169.254.169.254"}) {
            assertThatThrownBy(() -> accounts.save(UUID.randomUUID(), request(host), "user:test"))
                    .isInstanceOfSatisfying(
                            DomainException.class,
                            e -> org.assertj.core.api.Assertions.assertThat(e.kind())
                                    .as(host)
                                    .isEqualTo("mail-host-not-allowed"));
        }
    }

    private static MailAccountRequest request(String host) {
        return new MailAccountRequest(
                host, 587, "u", "p", "Jobs <jobs@acme.example>", null, null, null, null, null, true);
    }
}

package io.openhire.identity.operators;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.openhire.identity.IdentityProperties;
import io.openhire.identity.account.AccountService;
import io.openhire.identity.account.Accounts;
import io.openhire.identity.account.Role;
import io.openhire.identity.account.User;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.password.PasswordEncoder;

/** An address that already has an account: who owns it decides whether it becomes the operator. */
class OperatorBootstrapTest {

    static final String EMAIL = "admin@demo.openhire.dev";
    static final String PASSWORD = "the configured bootstrap password";

    final Accounts accounts = mock(Accounts.class);
    final PasswordEncoder passwords = mock(PasswordEncoder.class);
    final User existing = new User(
            UUID.randomUUID(),
            UUID.randomUUID(),
            "Demo",
            EMAIL,
            "Demo Admin",
            Role.ADMIN,
            User.Status.ACTIVE,
            "hash",
            null,
            null,
            null,
            null,
            0,
            null,
            Instant.now(),
            Instant.now(),
            false);

    OperatorBootstrap bootstrap() {
        IdentityProperties properties = new IdentityProperties(
                null,
                null,
                null,
                null,
                null,
                Map.of(),
                List.of(),
                new IdentityProperties.BootstrapOperator(EMAIL, PASSWORD, "Demo Admin", "Demo"));
        when(accounts.findByEmail(EMAIL)).thenReturn(Optional.of(existing));
        return new OperatorBootstrap(properties, mock(AccountService.class), accounts, passwords);
    }

    @Test
    void anAccountWithTheConfiguredPasswordIsTheBootstrapOperatorsOwn() {
        when(passwords.matches(PASSWORD, "hash")).thenReturn(true);

        bootstrap().afterSingletonsInstantiated();

        verify(accounts).setPlatformOperator(existing.id(), true);
    }

    @Test
    void anAccountSomeoneElseSignedUpWithIsLeftAlone() {
        when(passwords.matches(PASSWORD, "hash")).thenReturn(false);

        bootstrap().afterSingletonsInstantiated();

        verify(accounts, never()).setPlatformOperator(any(), anyBoolean());
    }
}

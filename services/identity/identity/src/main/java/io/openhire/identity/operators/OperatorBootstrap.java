package io.openhire.identity.operators;

import io.openhire.identity.IdentityProperties;
import io.openhire.identity.account.AccountService;
import io.openhire.identity.account.Accounts;
import io.openhire.identity.account.User;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Creates the first platform operator of a new installation ({@code openhire.identity.bootstrap-operator}),
 * once, before identity's port opens: nobody can sign up with the address first and take the role.
 * An account with that address that identity did not create this way is left alone, and said so, unless
 * its password is the configured one: then whoever configured the bootstrap owns it (an all-in-one data
 * directory from before operators existed, whose demo admin was signed up through the API).
 */
@Component
class OperatorBootstrap implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(OperatorBootstrap.class);

    private final IdentityProperties properties;
    private final AccountService accountService;
    private final Accounts accounts;
    private final PasswordEncoder passwords;

    OperatorBootstrap(
            IdentityProperties properties,
            AccountService accountService,
            Accounts accounts,
            PasswordEncoder passwords) {
        this.properties = properties;
        this.accountService = accountService;
        this.accounts = accounts;
        this.passwords = passwords;
    }

    @Override
    public void afterSingletonsInstantiated() {
        IdentityProperties.BootstrapOperator bootstrap = properties.bootstrapOperator();
        if (!bootstrap.isSet()) {
            return;
        }
        Optional<User> existing = accounts.findByEmail(bootstrap.email());
        if (existing.isPresent()) {
            User user = existing.get();
            boolean owned = user.passwordHash() != null
                    && bootstrap.password() != null
                    && passwords.matches(bootstrap.password(), user.passwordHash());
            if (!user.platformOperator() && owned) {
                accounts.setPlatformOperator(user.id(), true);
                log.info("The bootstrap operator's existing account, user {}, is now a platform operator", user.id());
            } else if (!user.platformOperator()) {
                log.warn("The bootstrap operator's address already has an account that is not an operator;"
                        + " not granting the role (grant it by user id in openhire.identity.platform-operators)");
            }
            return;
        }
        String organization =
                bootstrap.organization() == null || bootstrap.organization().isBlank()
                        ? "Platform operators"
                        : bootstrap.organization();
        User created = accountService
                .register(
                        organization,
                        bootstrap.name() == null || bootstrap.name().isBlank() ? "Platform Operator" : bootstrap.name(),
                        bootstrap.email().strip(),
                        bootstrap.password())
                .orElseThrow();
        accounts.setPlatformOperator(created.id(), true);
        log.info("Created the bootstrap platform operator, user {}", created.id());
    }
}

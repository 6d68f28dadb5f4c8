package io.openhire.identity.operators;

import io.openhire.identity.IdentityProperties;
import io.openhire.identity.account.AccountService;
import io.openhire.identity.account.Accounts;
import io.openhire.identity.account.User;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Creates the first platform operator of a new installation ({@code openhire.identity.bootstrap-operator}),
 * once, before identity's port opens: nobody can sign up with the address first and take the role.
 * An account with that address that identity did not create this way is left alone, and said so.
 */
@Component
class OperatorBootstrap implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(OperatorBootstrap.class);

    private final IdentityProperties properties;
    private final AccountService accountService;
    private final Accounts accounts;

    OperatorBootstrap(IdentityProperties properties, AccountService accountService, Accounts accounts) {
        this.properties = properties;
        this.accountService = accountService;
        this.accounts = accounts;
    }

    @Override
    public void afterSingletonsInstantiated() {
        IdentityProperties.BootstrapOperator bootstrap = properties.bootstrapOperator();
        if (!bootstrap.isSet()) {
            return;
        }
        Optional<User> existing = accounts.findByEmail(bootstrap.email());
        if (existing.isPresent()) {
            if (!existing.get().platformOperator()) {
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

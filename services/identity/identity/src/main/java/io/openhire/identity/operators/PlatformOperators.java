package io.openhire.identity.operators;

import io.openhire.identity.IdentityProperties;
import io.openhire.identity.account.Accounts;
import io.openhire.identity.account.User;
import io.openhire.identity.revocation.Revocations;
import io.openhire.platform.errors.DomainException;
import io.openhire.platform.security.AuthenticatedUser;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who runs the platform. An operator is a user of some organisation who may also change what every
 * organisation shares; the grant comes from configuration ({@code openhire.identity.platform-operators})
 * or from another operator, never from sign-up or an organisation's admin.
 */
@Service
public class PlatformOperators {

    private static final Logger log = LoggerFactory.getLogger(PlatformOperators.class);

    /** @param grantedBy {@code configuration} or {@code operator} */
    public record Operator(User user, String grantedBy) {}

    private final Accounts accounts;
    private final IdentityProperties properties;
    private final Revocations revocations;

    PlatformOperators(Accounts accounts, IdentityProperties properties, Revocations revocations) {
        this.accounts = accounts;
        this.properties = properties;
        this.revocations = revocations;
    }

    public List<Operator> list() {
        List<Operator> operators = new ArrayList<>();
        for (UUID userId : properties.platformOperators()) {
            accounts.findAuthenticated(userId).ifPresent(u -> operators.add(new Operator(u, "configuration")));
        }
        for (User user : accounts.platformOperators()) {
            if (!properties.isConfiguredOperator(user.id())) {
                operators.add(new Operator(user, "operator"));
            }
        }
        operators.sort(Comparator.comparing(o -> o.user().email()));
        return operators;
    }

    /** Takes effect at the user's next sign-in or token renewal. */
    @Transactional
    public Operator grant(AuthenticatedUser operator, String email) {
        User user = accounts.findByEmail(email).orElseThrow(() -> DomainException.notFound("A user with this email"));
        if (user.status() != User.Status.ACTIVE) {
            throw DomainException.conflict("user-not-active", "Only an active user can become a platform operator.");
        }
        accounts.setPlatformOperator(user.id(), true);
        log.info("Platform operator granted to user {} by {}", user.id(), operator.actor());
        return new Operator(accounts.findAuthenticated(user.id()).orElseThrow(), "operator");
    }

    /** At once: the user's tokens issued before now stop working, a renewal gets one without the role. */
    @Transactional
    public void withdraw(AuthenticatedUser operator, UUID userId) {
        User user = accounts.findAuthenticated(userId)
                .filter(u -> u.platformOperator() || properties.isConfiguredOperator(u.id()))
                .orElseThrow(() -> DomainException.notFound("Platform operator " + userId));
        if (properties.isConfiguredOperator(user.id())) {
            throw DomainException.conflict(
                    "configured-operator",
                    "This operator is granted by configuration (openhire.identity.platform-operators, by user id); change it there.");
        }
        accounts.setPlatformOperator(userId, false);
        revocations.revoke(userId.toString());
        log.info("Platform operator withdrawn from user {} by {}", userId, operator.actor());
    }
}

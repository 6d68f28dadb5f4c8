package io.openhire.identity.login;

import io.openhire.identity.account.AccountService;
import io.openhire.identity.account.Accounts;
import io.openhire.identity.account.Role;
import io.openhire.identity.account.Secrets;
import io.openhire.identity.account.User;
import io.openhire.platform.errors.DomainException;
import io.openhire.platform.security.AuthenticatedUser;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One-time sign-in links for candidates: the service that knows a person is a candidate of the organisation
 * (applications) asks for a link and mails it; the person follows it and is signed in, once, within
 * {@link #LIFETIME}. Their account is made the first time (role CANDIDATE, no password). Only the link's SHA-256
 * is kept.
 */
@Service
public class SignInLinks {

    /** Long enough to reach a mailbox and click, short enough that an old email is no key. */
    public static final Duration LIFETIME = Duration.ofMinutes(30);

    private final JdbcClient jdbc;
    private final Accounts accounts;
    private final AccountService accountService;
    private final LoginService logins;
    private final Clock clock;

    SignInLinks(JdbcClient jdbc, Accounts accounts, AccountService accountService, LoginService logins, Clock clock) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.accountService = accountService;
        this.logins = logins;
        this.clock = clock;
    }

    /** A new link and whose account it opens. */
    public record Link(UUID userId, String token, Instant expiresAt) {}

    /**
     * A link for the candidate of the caller's organisation with this address (their account made if new).
     * Refused for an address that is a staff or client login of this organisation: they sign in with it.
     */
    @Transactional
    public Link issue(AuthenticatedUser service, String email, String name) {
        UUID org = service.organizationId();
        User user = accounts.findCandidate(org, email).orElseGet(() -> {
            Optional<User> staff = accounts.findByEmail(email).filter(u -> u.role() != Role.CANDIDATE);
            if (staff.isPresent() && staff.get().organizationId().equals(org)) {
                throw DomainException.conflict(
                        "staff-address", "This address belongs to a member of the organisation, who signs in with it.");
            }
            return accountService.addCandidate(org, email, name == null || name.isBlank() ? email : name.strip());
        });
        if (user.status() == User.Status.DISABLED) {
            throw new DomainException(
                    DomainException.Category.NOT_PERMITTED,
                    "account-disabled",
                    "Account disabled",
                    "This candidate's account is disabled by the organisation.");
        }
        String token = "ohl_" + Secrets.randomToken();
        Instant now = clock.instant();
        jdbc.sql("""
                        INSERT INTO sign_in_link (token_hash, user_id, organization_id, created_at, expires_at)
                        VALUES (:hash, :user, :org, :now, :expires)
                        """)
                .param("hash", Secrets.sha256(token))
                .param("user", user.id())
                .param("org", org)
                .param("now", Timestamp.from(now))
                .param("expires", Timestamp.from(now.plus(LIFETIME)))
                .update();
        return new Link(user.id(), token, now.plus(LIFETIME));
    }

    /** Signs in with a link: once, before it expires, for an account still active. */
    @Transactional
    public LoginService.Tokens redeem(String token) {
        Instant now = clock.instant();
        UUID userId = jdbc.sql("""
                        UPDATE sign_in_link SET used_at = :now
                        WHERE token_hash = :hash AND used_at IS NULL AND expires_at > :now
                        RETURNING user_id
                        """)
                .param("hash", Secrets.sha256(token))
                .param("now", Timestamp.from(now))
                .query(UUID.class)
                .optional()
                .orElseThrow(SignInLinks::invalidLink);
        User user = accounts.findAuthenticated(userId)
                .filter(u -> u.status() != User.Status.DISABLED)
                .orElseThrow(SignInLinks::invalidLink);
        if (user.status() == User.Status.INVITED) {
            // The link proves the address: an invited candidate is now a candidate who has signed in.
            accounts.activate(user.id());
        }
        return logins.signIn(user);
    }

    @Scheduled(initialDelay = 60_000, fixedDelay = 3_600_000)
    void purgeExpired() {
        jdbc.sql("DELETE FROM sign_in_link WHERE expires_at < :cutoff")
                .param("cutoff", Timestamp.from(clock.instant().minus(Duration.ofDays(1))))
                .update();
    }

    private static DomainException invalidLink() {
        return new DomainException(
                DomainException.Category.UNAUTHENTICATED,
                "invalid-sign-in-link",
                "Sign-in link not valid",
                "This sign-in link is unknown, already used or expired. Ask for a new one.");
    }
}

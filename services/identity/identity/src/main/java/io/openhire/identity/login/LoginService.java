package io.openhire.identity.login;

import io.openhire.identity.IdentityProperties;
import io.openhire.identity.account.Accounts;
import io.openhire.identity.account.Secrets;
import io.openhire.identity.account.User;
import io.openhire.identity.keys.AccessTokens;
import io.openhire.platform.audit.AuditRecorded;
import io.openhire.platform.audit.AuditTrail;
import io.openhire.platform.errors.DomainException;
import io.openhire.platform.security.AuthenticatedUser;
import io.openhire.platform.security.PlatformRoles;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Password login, refresh and logout.
 *
 * <p>Failed logins lock the account with exponential back-off ({@code openhire.identity.lockout.*});
 * the gateway's per-IP rate limit bounds guessing across accounts. Unknown emails cost the same Argon2
 * work as known ones, so response times do not reveal which emails have accounts.
 */
@Service
public class LoginService {

    private static final Logger log = LoggerFactory.getLogger(LoginService.class);

    private final Accounts accounts;
    private final RefreshTokens refreshTokens;
    private final PasswordEncoder passwords;
    private final AccessTokens.Issuer issuer;
    private final IdentityProperties properties;
    private final Clock clock;
    private final String timingEqualizerHash;

    private final AuditTrail audit;

    LoginService(
            Accounts accounts,
            RefreshTokens refreshTokens,
            PasswordEncoder passwords,
            AccessTokens.Issuer issuer,
            IdentityProperties properties,
            Clock clock,
            AuditTrail audit) {
        this.audit = audit;
        this.accounts = accounts;
        this.refreshTokens = refreshTokens;
        this.passwords = passwords;
        this.issuer = issuer;
        this.properties = properties;
        this.clock = clock;
        this.timingEqualizerHash = passwords.encode(Secrets.randomToken());
    }

    public record Tokens(String accessToken, String refreshToken, long expiresInSeconds) {}

    // noRollbackFor: a failed login must still record the failure (that is what locks the account).
    @Transactional(noRollbackFor = DomainException.class)
    public Tokens login(String email, String password) {
        Instant now = clock.instant();
        Optional<User> found = accounts.findByEmail(email);
        if (found.isEmpty()) {
            // An address without an account answers exactly like one: the same Argon2 work, the same
            // failures counted, the same lock-out. Nothing tells which addresses have accounts.
            String emailHash = Secrets.sha256(email.strip().toLowerCase(java.util.Locale.ROOT));
            Accounts.Attempts attempts = accounts.unknownEmailAttempts(emailHash);
            if (attempts.isLockedAt(now)) {
                throw locked(Duration.between(now, attempts.lockedUntil()));
            }
            passwords.matches(password, timingEqualizerHash);
            accounts.recordUnknownEmailFailure(emailHash, lockUntil(attempts.failedLogins() + 1, now));
            throw invalidCredentials();
        }
        User user = found.get();
        if (user.isLockedAt(now)) {
            signIn(user, AuditRecorded.Result.DENIED);
            throw locked(Duration.between(now, user.lockedUntil()));
        }
        if (user.passwordHash() == null || !passwords.matches(password, user.passwordHash())) {
            int failures = user.failedLogins() + 1;
            Instant lockedUntil = lockUntil(failures, now);
            accounts.recordFailedLogin(user.id(), lockedUntil);
            signIn(user, AuditRecorded.Result.FAILED);
            if (lockedUntil != null) {
                log.info("User {} locked for {} after {} failed logins", user.id(), lockDuration(failures), failures);
            }
            throw invalidCredentials();
        }
        if (user.status() != User.Status.ACTIVE) {
            signIn(user, AuditRecorded.Result.DENIED);
            throw new DomainException(
                    DomainException.Category.NOT_PERMITTED,
                    "account-disabled",
                    "Account disabled",
                    "This account is not active.");
        }
        accounts.recordSuccessfulLogin(user.id());
        signIn(user, AuditRecorded.Result.SUCCESS);
        return issue(user, UUID.randomUUID());
    }

    /**
     * A sign-in with a password to the organisation's audit log (with the failure or refusal that locks an account,
     * in the same transaction): the actor is the account tried. Attempts on addresses without an account have no
     * organisation to be written to.
     */
    private void signIn(User user, AuditRecorded.Result result) {
        audit.record(
                new AuthenticatedUser(
                        user.id().toString(),
                        user.organizationId(),
                        Set.of(user.role().name()),
                        AuthenticatedUser.Kind.USER),
                "user.signed-in",
                "user",
                user.id(),
                result);
    }

    /** Exchanges a refresh token for new tokens; the old refresh token stops working. */
    @Transactional(noRollbackFor = DomainException.class)
    public Tokens refresh(String refreshToken) {
        RefreshTokens.Stored stored = refreshTokens
                .findForUpdate(Secrets.sha256(refreshToken))
                .orElseThrow(LoginService::invalidRefreshToken);
        if (stored.revoked()) {
            // A rotated token used again means it was copied: end the whole session.
            refreshTokens.revokeFamily(stored.familyId());
            log.warn("Reuse of a revoked refresh token; session family {} revoked", stored.familyId());
            throw invalidRefreshToken();
        }
        if (stored.expiresAt().isBefore(clock.instant())) {
            throw invalidRefreshToken();
        }
        User user = accounts.findAuthenticated(stored.userId()).orElseThrow(LoginService::invalidRefreshToken);
        if (user.status() != User.Status.ACTIVE) {
            refreshTokens.revokeFamily(stored.familyId());
            throw invalidRefreshToken();
        }
        refreshTokens.revoke(stored.id());
        return issue(user, stored.familyId());
    }

    /** Ends the session the refresh token belongs to. Unknown tokens are ignored: logout is idempotent. */
    @Transactional
    public void logout(String refreshToken) {
        refreshTokens
                .findForUpdate(Secrets.sha256(refreshToken))
                .ifPresent(t -> refreshTokens.revokeFamily(t.familyId()));
    }

    /**
     * Ends every sign-in session of a user (their refresh tokens stop working), except {@code keep} when
     * given: a password change keeps the session that made it.
     */
    @Transactional
    public int endSessions(UUID userId, UUID keep) {
        return refreshTokens.revokeUser(userId, keep);
    }

    @Scheduled(initialDelay = 60_000, fixedDelay = 3_600_000)
    void purgeExpiredRefreshTokens() {
        refreshTokens.purgeExpired();
        accounts.purgeUnknownEmailAttempts();
    }

    /** A new sign-in session for a user whose identity another credential proved (a sign-in link). */
    @Transactional
    public Tokens signIn(User user) {
        accounts.recordSuccessfulLogin(user.id());
        return issue(user, UUID.randomUUID());
    }

    private Tokens issue(User user, UUID familyId) {
        List<String> roles = user.platformOperator() || properties.isConfiguredOperator(user.id())
                ? List.of(user.role().name(), PlatformRoles.OPERATOR)
                : List.of(user.role().name());
        AccessTokens.Issued access = issuer.issue(user.id().toString(), "user", user.organizationId(), roles, familyId);
        String refresh = "ohr_" + Secrets.randomToken();
        refreshTokens.insert(
                UUID.randomUUID(),
                Secrets.sha256(refresh),
                familyId,
                user.id(),
                user.organizationId(),
                clock.instant().plus(properties.refreshTokenTtl()));
        return new Tokens(access.token(), refresh, properties.accessTokenTtl().toSeconds());
    }

    private Instant lockUntil(int failures, Instant now) {
        return failures >= properties.lockout().maxFailures() ? now.plus(lockDuration(failures)) : null;
    }

    Duration lockDuration(int failures) {
        int over = failures - properties.lockout().maxFailures();
        Duration delay = properties.lockout().baseDelay().multipliedBy(1L << Math.min(Math.max(over, 0), 20));
        return delay.compareTo(properties.lockout().maxDelay()) > 0
                ? properties.lockout().maxDelay()
                : delay;
    }

    private static DomainException invalidCredentials() {
        return new DomainException(
                DomainException.Category.UNAUTHENTICATED,
                "invalid-credentials",
                "Invalid credentials",
                "The email or password is wrong.");
    }

    private static DomainException invalidRefreshToken() {
        return new DomainException(
                DomainException.Category.UNAUTHENTICATED,
                "invalid-refresh-token",
                "Invalid refresh token",
                "The refresh token is unknown, expired or revoked. Sign in again.");
    }

    private static DomainException locked(Duration remaining) {
        long seconds = Math.max(1, remaining.toSeconds() + 1);
        return new DomainException(
                        DomainException.Category.TOO_MANY_REQUESTS,
                        "account-locked",
                        "Too many failed logins",
                        "This account is locked after repeated failed logins. Try again in " + seconds + " seconds.")
                .with("retryAfterSeconds", seconds);
    }
}

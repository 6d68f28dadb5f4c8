package io.openhire.identity.account;

import io.openhire.identity.IdentityProperties;
import io.openhire.identity.apikeys.ApiKeyService;
import io.openhire.identity.events.OrganizationRegistered;
import io.openhire.identity.events.UserAdded;
import io.openhire.identity.login.LoginService;
import io.openhire.identity.revocation.Revocations;
import io.openhire.platform.audit.AuditRecorded;
import io.openhire.platform.audit.AuditTrail;
import io.openhire.platform.errors.DomainException;
import io.openhire.platform.events.Outbox;
import io.openhire.platform.security.AuthenticatedUser;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Organisations and their users: sign-up, invitations, profiles, roles. */
@Service
public class AccountService {

    private final Accounts accounts;
    private final PasswordEncoder passwords;
    private final PasswordPolicy policy;
    private final Outbox outbox;
    private final IdentityProperties properties;
    private final LoginService logins;
    private final ApiKeyService apiKeys;
    private final Revocations revocations;
    private final Clock clock;

    private final AuditTrail audit;

    AccountService(
            Accounts accounts,
            PasswordEncoder passwords,
            PasswordPolicy policy,
            Outbox outbox,
            IdentityProperties properties,
            LoginService logins,
            ApiKeyService apiKeys,
            Revocations revocations,
            AuditTrail audit,
            Clock clock) {
        this.audit = audit;
        this.accounts = accounts;
        this.passwords = passwords;
        this.policy = policy;
        this.outbox = outbox;
        this.properties = properties;
        this.logins = logins;
        this.apiKeys = apiKeys;
        this.revocations = revocations;
        this.clock = clock;
    }

    /** A user added by an admin; {@code invitationToken} is set (and shown once) when they must accept. */
    public record AddedUser(User user, String invitationToken, Instant invitationExpiresAt) {}

    /**
     * Creates an organisation and its first administrator, or nothing when the address already has an
     * account. The caller answers both the same way (and this costs the same Argon2 work either way), so
     * that sign-up does not tell strangers which addresses have accounts.
     */
    @Transactional
    public Optional<User> register(String organizationName, String name, String email, String password) {
        policy.check(password, email, name);
        String passwordHash = passwords.encode(password);
        if (accounts.emailTaken(email)) {
            return Optional.empty();
        }
        UUID organizationId = UUID.randomUUID();
        UUID userId = UUID.randomUUID();
        accounts.insertOrganization(organizationId, organizationName.strip());
        accounts.insertUser(
                userId, organizationId, email, name.strip(), Role.ADMIN, User.Status.ACTIVE, passwordHash, null, null);
        Instant now = clock.instant();
        outbox.publish(
                OrganizationRegistered.TOPIC,
                organizationId.toString(),
                new OrganizationRegistered(organizationId, organizationName.strip(), userId, now),
                organizationId);
        outbox.publish(
                UserAdded.TOPIC,
                userId.toString(),
                new UserAdded(userId, organizationId, Role.ADMIN.name(), User.Status.ACTIVE.name(), now),
                organizationId);
        return accounts.find(organizationId, userId);
    }

    /**
     * An admin adds a user to their own organisation. With a password the account is active at once;
     * without one the user is invited and gets a one-time token to choose their password.
     */
    @Transactional
    public AddedUser addUser(AuthenticatedUser admin, String email, String name, Role role, String password) {
        UUID organizationId = admin.organizationId();
        if (role == Role.CANDIDATE ? accounts.candidateEmailTaken(organizationId, email) : accounts.emailTaken(email)) {
            throw emailTaken();
        }
        UUID userId = UUID.randomUUID();
        String invitationToken = null;
        Instant invitationExpires = null;
        if (password != null) {
            policy.check(password, email, name);
            accounts.insertUser(
                    userId,
                    organizationId,
                    email,
                    name.strip(),
                    role,
                    User.Status.ACTIVE,
                    passwords.encode(password),
                    null,
                    null);
        } else {
            invitationToken = "ohi_" + Secrets.randomToken();
            invitationExpires = clock.instant().plus(properties.invitationTtl());
            accounts.insertUser(
                    userId,
                    organizationId,
                    email,
                    name.strip(),
                    role,
                    User.Status.INVITED,
                    null,
                    Secrets.sha256(invitationToken),
                    invitationExpires);
        }
        User user = accounts.find(organizationId, userId).orElseThrow();
        outbox.publish(
                UserAdded.TOPIC,
                userId.toString(),
                new UserAdded(userId, organizationId, role.name(), user.status().name(), clock.instant()),
                organizationId);
        return new AddedUser(user, invitationToken, invitationExpires);
    }

    /**
     * A candidate's account, made when they first ask to sign in to the organisation's candidate portal: active,
     * without a password (they sign in by link). Two first requests at once: the unique index keeps one.
     */
    @Transactional
    public User addCandidate(UUID organizationId, String email, String name) {
        UUID userId = UUID.randomUUID();
        accounts.insertUser(userId, organizationId, email, name, Role.CANDIDATE, User.Status.ACTIVE, null, null, null);
        outbox.publish(
                UserAdded.TOPIC,
                userId.toString(),
                new UserAdded(
                        userId, organizationId, Role.CANDIDATE.name(), User.Status.ACTIVE.name(), clock.instant()),
                organizationId);
        return accounts.find(organizationId, userId).orElseThrow();
    }

    @Transactional
    public User acceptInvitation(String token, String password) {
        // The policy is checked without name/email here: we do not know who the token is for until it matches.
        policy.check(password, null, null);
        UUID userId = accounts.acceptInvitation(Secrets.sha256(token), passwords.encode(password), clock.instant())
                .orElseThrow(() -> new DomainException(
                        DomainException.Category.INVALID,
                        "invalid-invitation",
                        "Invalid invitation",
                        "This invitation is unknown, already used or expired. Ask your administrator for a new one."));
        return accounts.findAuthenticated(userId).orElseThrow();
    }

    public User profile(AuthenticatedUser caller) {
        if (caller.kind() != AuthenticatedUser.Kind.USER) {
            throw DomainException.notPermitted("An API key acts for its organisation and has no user profile.");
        }
        return accounts.find(caller.organizationId(), caller.userId())
                .orElseThrow(() -> DomainException.notFound("Your user"));
    }

    @Transactional
    public User updateProfile(
            AuthenticatedUser caller, String name, String title, String phone, String locale, String timeZone) {
        User current = profile(caller);
        accounts.updateProfile(
                caller.organizationId(),
                caller.userId(),
                name != null ? name.strip() : current.name(),
                title != null ? blankToNull(title) : current.title(),
                phone != null ? blankToNull(phone) : current.phone(),
                locale != null ? blankToNull(locale) : current.locale(),
                timeZone != null ? blankToNull(timeZone) : current.timeZone());
        return profile(caller);
    }

    /**
     * A new password; every other sign-in session of the user ends (their refresh tokens stop working),
     * the one that changed it ({@code currentSession}, the token's {@code sid}) goes on.
     */
    @Transactional
    public void changePassword(
            AuthenticatedUser caller, UUID currentSession, String currentPassword, String newPassword) {
        User user = profile(caller);
        if (user.passwordHash() == null || !passwords.matches(currentPassword, user.passwordHash())) {
            throw DomainException.invalidField("currentPassword", "is not your current password");
        }
        policy.check(newPassword, user.email(), user.name());
        accounts.updatePassword(caller.organizationId(), caller.userId(), passwords.encode(newPassword));
        logins.endSessions(user.id(), currentSession);
    }

    public List<User> list(AuthenticatedUser admin, int offset, int limit) {
        return accounts.list(admin.organizationId(), offset, limit);
    }

    /** The caller's organisation's active admins and recruiters, by name (at most 1,000). */
    public List<User> colleagues(AuthenticatedUser caller) {
        return accounts.list(caller.organizationId(), 0, 1_000).stream()
                .filter(u -> u.status() == User.Status.ACTIVE && (u.role() == Role.ADMIN || u.role() == Role.RECRUITER))
                .sorted(java.util.Comparator.comparing(
                        u -> (u.name() == null ? u.email() : u.name()).toLowerCase(java.util.Locale.ROOT)))
                .toList();
    }

    public int count(AuthenticatedUser admin) {
        return accounts.count(admin.organizationId());
    }

    /** A user of the caller's organisation; another organisation's user is simply not found. */
    public User get(AuthenticatedUser caller, UUID userId) {
        return accounts.find(caller.organizationId(), userId)
                .orElseThrow(() -> DomainException.notFound("User " + userId));
    }

    @Transactional
    public User updateUser(AuthenticatedUser admin, UUID userId, Role role, User.Status status) {
        User user = get(admin, userId);
        Role newRole = role != null ? role : user.role();
        User.Status newStatus = status != null ? status : user.status();
        if (newStatus == User.Status.INVITED && user.status() != User.Status.INVITED) {
            throw DomainException.invalidField("status", "can be set to ACTIVE or DISABLED");
        }
        boolean losesAdmin = user.role() == Role.ADMIN && (newRole != Role.ADMIN || newStatus != User.Status.ACTIVE);
        if (losesAdmin && activeAdmins(admin.organizationId()) <= 1) {
            throw DomainException.conflict("last-admin", "An organisation needs at least one active administrator.");
        }
        accounts.updateRoleAndStatus(admin.organizationId(), userId, newRole, newStatus);
        // Privilege changes are what the security service watches for in the audit stream.
        if (newRole != user.role()) {
            audit.record(admin, "user.role-changed", "user", userId, AuditRecorded.Result.SUCCESS);
        }
        if (newStatus != user.status()) {
            audit.record(admin, "user.status-changed", "user", userId, AuditRecorded.Result.SUCCESS);
        }
        if (newStatus == User.Status.DISABLED && user.status() != User.Status.DISABLED) {
            // Disabled means out now: no renewals, no API keys they made, no access token still running.
            logins.endSessions(userId, null);
            apiKeys.revokeCreatedBy(admin.organizationId(), userId);
            revocations.revoke(userId.toString());
        } else if (newRole != user.role()) {
            // Tokens carry the role: those issued before the change stop working, a renewal gets the new one.
            revocations.revoke(userId.toString());
        }
        return get(admin, userId);
    }

    private long activeAdmins(UUID organizationId) {
        return accounts.countActiveAdmins(organizationId);
    }

    static DomainException emailTaken() {
        return DomainException.conflict("email-taken", "An account with this email address already exists.");
    }

    private static String blankToNull(String value) {
        return value.isBlank() ? null : value.strip();
    }
}

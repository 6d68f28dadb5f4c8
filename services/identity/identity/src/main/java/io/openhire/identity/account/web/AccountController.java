package io.openhire.identity.account.web;

import io.openhire.identity.account.AccountService;
import io.openhire.identity.client.AddUserRequest;
import io.openhire.identity.client.AddedUser;
import io.openhire.identity.client.UserPage;
import io.openhire.identity.client.UserProfile;
import io.openhire.identity.client.UserUpdate;
import io.openhire.platform.security.AuthenticatedUser;
import io.openhire.platform.security.TokenClaims;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Sign-up, the caller's profile, and (for administrators) the users of their organisation. */
@RestController
@RequestMapping("/api/v1/users")
@Validated
class AccountController {

    private final AccountService accounts;

    AccountController(AccountService accounts) {
        this.accounts = accounts;
    }

    record RegisterRequest(
            @NotBlank @Size(min = 2, max = 200) String organization,
            @NotBlank @Size(max = 200) String name,
            @NotBlank @Email @Size(max = 254) String email,
            @NotNull String password) {}

    record ProfileUpdate(
            @Size(min = 1, max = 200) String name,
            @Size(max = 200) String title,

            @Pattern(regexp = "^$|^\\+?[0-9 ().-]{6,25}$", message = "must be a phone number")
            String phone,

            @Pattern(regexp = "^$|^[a-z]{2,3}(-[A-Z]{2})?$", message = "must be a language tag like en or en-GB")
            String locale,

            @Size(max = 64)
            @Pattern(
                    regexp = "^$|^[A-Za-z_]+(/[A-Za-z0-9_+-]+)*$",
                    message = "must be an IANA time zone like Europe/Paris")
            String timeZone) {}

    record PasswordChange(
            @NotNull String currentPassword, @NotNull String newPassword) {}

    record AcceptInvitation(
            @NotBlank @Size(max = 200) String token,
            @NotNull String password) {}

    /** The same answer whether or not the address already had an account (see AccountService.register). */
    record Registration(String email, String message) {}

    @PostMapping("/register")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Registration register(@Valid @RequestBody RegisterRequest request) {
        String email = request.email().strip();
        try {
            accounts.register(request.organization(), request.name(), email, request.password());
        } catch (io.openhire.platform.errors.DomainException e) {
            // Two sign-ups of one free address at the same instant: the database's unique index let one
            // through and rolled the other back. The loser gets the same answer as everyone.
            if (!e.kind().equals("email-taken")) {
                throw e;
            }
        }
        return new Registration(
                email,
                "If this address had no account, your organisation and its administrator account are ready: sign in"
                        + " with this address and the password you chose. If it already had an account, nothing"
                        + " was changed: sign in with that account's password.");
    }

    @GetMapping("/profile")
    UserProfile profile(AuthenticatedUser caller) {
        return AccountViews.profile(accounts.profile(caller));
    }

    @PatchMapping("/profile")
    UserProfile updateProfile(AuthenticatedUser caller, @Valid @RequestBody ProfileUpdate update) {
        if (update.timeZone() != null && !update.timeZone().isBlank()) {
            try {
                java.time.ZoneId.of(update.timeZone());
            } catch (java.time.DateTimeException e) {
                throw io.openhire.platform.web.ProblemException.invalidField("timeZone", "is not a known time zone");
            }
        }
        return AccountViews.profile(accounts.updateProfile(
                caller, update.name(), update.title(), update.phone(), update.locale(), update.timeZone()));
    }

    @PostMapping("/profile/password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void changePassword(
            AuthenticatedUser caller, @AuthenticationPrincipal Jwt token, @Valid @RequestBody PasswordChange change) {
        String session = token == null ? null : token.getClaimAsString(TokenClaims.SESSION);
        accounts.changePassword(
                caller,
                session == null ? null : UUID.fromString(session),
                change.currentPassword(),
                change.newPassword());
    }

    @PostMapping("/invitations/accept")
    UserProfile acceptInvitation(@Valid @RequestBody AcceptInvitation request) {
        return AccountViews.profile(accounts.acceptInvitation(request.token(), request.password()));
    }

    @GetMapping
    @PreAuthorize("hasRole('ADMIN')")
    UserPage list(
            AuthenticatedUser admin,
            @RequestParam(defaultValue = "0") @Min(0) int offset,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
        List<UserProfile> items = accounts.list(admin, offset, limit).stream()
                .map(AccountViews::profile)
                .toList();
        return new UserPage(items, offset, limit, accounts.count(admin));
    }

    /** The organisation's active admins and recruiters by name: whom a note can mention. */
    @GetMapping("/colleagues")
    @PreAuthorize("hasAnyRole('ADMIN', 'RECRUITER')")
    List<io.openhire.identity.client.Colleague> colleagues(AuthenticatedUser caller) {
        return accounts.colleagues(caller).stream()
                .map(u -> new io.openhire.identity.client.Colleague(
                        u.id(), u.name() == null || u.name().isBlank() ? u.email() : u.name()))
                .toList();
    }

    @PostMapping
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<AddedUser> add(AuthenticatedUser admin, @Valid @RequestBody AddUserRequest request) {
        AccountService.AddedUser added = accounts.addUser(
                admin, request.email().strip(), request.name(), AccountViews.role(request.role()), request.password());
        return ResponseEntity.created(URI.create("/api/v1/users/" + added.user().id()))
                .body(new AddedUser(
                        AccountViews.profile(added.user()), added.invitationToken(), added.invitationExpiresAt()));
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasRole('ADMIN') or #id.toString() == authentication.name")
    UserProfile get(AuthenticatedUser caller, @PathVariable UUID id) {
        return AccountViews.profile(accounts.get(caller, id));
    }

    @PatchMapping("/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    UserProfile update(AuthenticatedUser admin, @PathVariable UUID id, @Valid @RequestBody UserUpdate update) {
        return AccountViews.profile(
                accounts.updateUser(admin, id, AccountViews.role(update.role()), AccountViews.status(update.status())));
    }
}

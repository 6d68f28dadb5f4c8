package io.openhire.dashboard.web;

import io.openhire.identity.client.AddUserRequest;
import io.openhire.identity.client.IdentityApi;
import io.openhire.identity.client.Role;
import io.openhire.identity.client.UserStatus;
import io.openhire.identity.client.UserUpdate;
import io.openhire.platform.web.ProblemException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The organisation's people (admins): the list, adding someone (with a password or an invitation), role and status. */
@Controller
class UsersPage {

    /** The roles a person can be given, in the order the role menus list them. */
    static final List<Role> ROLES = List.of(Role.values());
    /** What an admin switches a person between (invited people become active by accepting). */
    static final Set<UserStatus> STATUSES = Set.of(UserStatus.ACTIVE, UserStatus.DISABLED);

    private final IdentityApi identity;

    UsersPage(IdentityApi identity) {
        this.identity = identity;
    }

    @ModelAttribute
    void adminsOnly() {
        PageModel.requireAdmin("Only an admin of the organisation manages its users.");
    }

    @GetMapping("/users")
    String users(Model model) {
        model.addAttribute("users", identity.users(0, 200).items());
        model.addAttribute("roles", ROLES);
        return "users";
    }

    @PostMapping("/users")
    String add(
            @RequestParam String name,
            @RequestParam String email,
            @RequestParam String role,
            @RequestParam(required = false) String password,
            Model model) {
        Role given =
                named(Role.values(), role).orElseThrow(() -> ProblemException.badRequest("role", "Choose a role."));
        model.addAttribute(
                "added",
                identity.addUser(new AddUserRequest(
                        email.strip(), name.strip(), given, password == null || password.isEmpty() ? null : password)));
        model.addAttribute("users", identity.users(0, 200).items());
        model.addAttribute("roles", ROLES);
        return "users :: list";
    }

    @PostMapping("/users/{id}")
    String change(
            @PathVariable UUID id,
            @RequestParam(required = false) String role,
            @RequestParam(required = false) String status,
            Model model) {
        Role newRole = named(Role.values(), role).orElse(null);
        UserStatus newStatus =
                named(UserStatus.values(), status).filter(STATUSES::contains).orElse(null);
        if (newRole == null && newStatus == null) {
            throw ProblemException.badRequest("change", "Choose a role or a status.");
        }
        identity.changeUser(id, new UserUpdate(newRole, newStatus));
        model.addAttribute("users", identity.users(0, 200).items());
        model.addAttribute("roles", ROLES);
        model.addAttribute("changed", "Saved.");
        return "users :: list";
    }

    /** The value a form field names ({@code ADMIN}), if it names one. */
    private static <E extends Enum<E>> Optional<E> named(E[] values, String name) {
        return Arrays.stream(values).filter(value -> value.name().equals(name)).findFirst();
    }
}

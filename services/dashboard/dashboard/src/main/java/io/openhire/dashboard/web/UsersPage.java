package io.openhire.dashboard.web;

import io.openhire.dashboard.api.IdentityApi;
import io.openhire.platform.web.ProblemException;
import java.util.LinkedHashMap;
import java.util.Map;
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

    static final Set<String> ROLES = Set.of("ADMIN", "RECRUITER", "CLIENT", "CANDIDATE");
    static final Set<String> STATUSES = Set.of("ACTIVE", "DISABLED");

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
        model.addAttribute("users", Values.list(identity.users(0, 200), "items"));
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
        if (!ROLES.contains(role)) {
            throw ProblemException.badRequest("role", "Choose a role.");
        }
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("name", name.strip());
        user.put("email", email.strip());
        user.put("role", role);
        if (password != null && !password.isEmpty()) {
            user.put("password", password);
        }
        Map<String, Object> added = identity.addUser(user);
        model.addAttribute("added", added);
        model.addAttribute("users", Values.list(identity.users(0, 200), "items"));
        model.addAttribute("roles", ROLES);
        return "users :: list";
    }

    @PostMapping("/users/{id}")
    String change(
            @PathVariable UUID id,
            @RequestParam(required = false) String role,
            @RequestParam(required = false) String status,
            Model model) {
        Map<String, Object> change = new LinkedHashMap<>();
        if (role != null && ROLES.contains(role)) {
            change.put("role", role);
        }
        if (status != null && STATUSES.contains(status)) {
            change.put("status", status);
        }
        if (change.isEmpty()) {
            throw ProblemException.badRequest("change", "Choose a role or a status.");
        }
        identity.changeUser(id, change);
        model.addAttribute("users", Values.list(identity.users(0, 200), "items"));
        model.addAttribute("roles", ROLES);
        model.addAttribute("changed", "Saved.");
        return "users :: list";
    }
}

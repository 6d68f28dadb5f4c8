package io.openhire.identity.operators.web;

import io.openhire.identity.operators.PlatformOperators;
import io.openhire.platform.security.AuthenticatedUser;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Platform operators, managed by platform operators only. */
@RestController
@RequestMapping("/api/v1/users/operators")
@PreAuthorize("hasRole('PLATFORM_OPERATOR')")
class OperatorController {

    private final PlatformOperators operators;

    OperatorController(PlatformOperators operators) {
        this.operators = operators;
    }

    record GrantRequest(@NotBlank @Email @Size(max = 254) String email) {}

    record Organization(UUID id, String name) {}

    record OperatorView(UUID userId, String email, String name, Organization organization, String grantedBy) {
        static OperatorView of(PlatformOperators.Operator o) {
            return new OperatorView(
                    o.user().id(),
                    o.user().email(),
                    o.user().name(),
                    new Organization(o.user().organizationId(), o.user().organizationName()),
                    o.grantedBy());
        }
    }

    @GetMapping
    List<OperatorView> list() {
        return operators.list().stream().map(OperatorView::of).toList();
    }

    @PostMapping
    OperatorView grant(AuthenticatedUser operator, @Valid @RequestBody GrantRequest request) {
        return OperatorView.of(operators.grant(operator, request.email().strip()));
    }

    @DeleteMapping("/{userId}")
    ResponseEntity<Void> withdraw(AuthenticatedUser operator, @PathVariable UUID userId) {
        operators.withdraw(operator, userId);
        return ResponseEntity.noContent().build();
    }
}

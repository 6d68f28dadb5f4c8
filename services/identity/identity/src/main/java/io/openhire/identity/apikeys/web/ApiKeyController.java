package io.openhire.identity.apikeys.web;

import io.openhire.identity.account.Role;
import io.openhire.identity.apikeys.ApiKeyService;
import io.openhire.platform.security.AuthenticatedUser;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import java.util.Set;
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

/** API keys of the caller's organisation; administrators only. */
@RestController
@RequestMapping("/api/v1/users/api-keys")
@PreAuthorize("hasRole('ADMIN')")
class ApiKeyController {

    private final ApiKeyService apiKeys;

    ApiKeyController(ApiKeyService apiKeys) {
        this.apiKeys = apiKeys;
    }

    record CreateRequest(
            @NotBlank @Size(max = 100) String name,
            @NotEmpty Set<Role> roles) {}

    /** The secret is in this response only; it cannot be shown again. */
    record CreatedResponse(ApiKeyService.ApiKey apiKey, String key) {}

    @PostMapping
    ResponseEntity<CreatedResponse> create(AuthenticatedUser admin, @Valid @RequestBody CreateRequest request) {
        ApiKeyService.Created created = apiKeys.create(admin, request.name(), request.roles());
        return ResponseEntity.created(
                        URI.create("/api/v1/users/api-keys/" + created.key().id()))
                .body(new CreatedResponse(created.key(), created.secret()));
    }

    @GetMapping
    List<ApiKeyService.ApiKey> list(AuthenticatedUser admin) {
        return apiKeys.list(admin);
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> revoke(AuthenticatedUser admin, @PathVariable UUID id) {
        apiKeys.revoke(admin, id);
        return ResponseEntity.noContent().build();
    }
}

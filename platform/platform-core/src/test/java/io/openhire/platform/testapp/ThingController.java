package io.openhire.platform.testapp;

import io.openhire.platform.security.AuthenticatedUser;
import io.openhire.platform.web.ProblemException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ThingController {

    private final ThingService things;

    ThingController(ThingService things) {
        this.things = things;
    }

    record NewThing(
            @NotBlank @Size(max = 10) String name, @Min(1) int count) {}

    @PostMapping("/api/v1/things")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> create(AuthenticatedUser user, @Valid @RequestBody NewThing thing) {
        return Map.of("id", things.create(user.organizationId(), thing.name(), false));
    }

    /** Stores a text body as it came: nothing checks it on the way, so the database has the last word. */
    @PostMapping(path = "/api/v1/things/raw", consumes = "text/plain")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> createRaw(AuthenticatedUser user, @RequestBody String name) {
        return Map.of("id", things.create(user.organizationId(), name, false));
    }

    @GetMapping("/api/v1/things")
    Map<String, Object> search(@org.springframework.web.bind.annotation.RequestParam(defaultValue = "") String name) {
        return Map.of("name", name);
    }

    @GetMapping("/api/v1/things/{id}")
    Map<String, Object> get(@PathVariable UUID id) {
        throw ProblemException.notFound("Thing " + id);
    }

    @GetMapping("/api/v1/boom")
    Map<String, Object> boom() {
        throw new IllegalStateException("ERROR: relation \"secret_table\" does not exist; SELECT * FROM secret_table");
    }

    @GetMapping("/api/v1/database-away")
    Map<String, Object> databaseAway() {
        throw new org.springframework.jdbc.CannotGetJdbcConnectionException(
                "Failed to obtain JDBC Connection: jdbc:postgresql://db.internal:5432/things");
    }

    @GetMapping("/api/v1/me")
    AuthenticatedUser me(AuthenticatedUser user) {
        return user;
    }

    @GetMapping("/api/v1/admin-only")
    @PreAuthorize("hasRole('ADMIN')")
    Map<String, Object> adminOnly() {
        return Map.of("ok", true);
    }

    @GetMapping("/api/v1/public/hello")
    Map<String, Object> hello() {
        return Map.of("hello", "world");
    }
}

package io.openhire.privacy.requests.web;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import io.openhire.platform.security.AuthenticatedUser;
import io.openhire.platform.web.ProblemException;
import io.openhire.privacy.client.CloseRequest;
import io.openhire.privacy.client.DataSubject;
import io.openhire.privacy.client.DataSubjectRequest;
import io.openhire.privacy.client.NewDataSubjectRequest;
import io.openhire.privacy.client.SubjectAnswer;
import io.openhire.privacy.requests.DataSubjectRequests;
import io.openhire.privacy.requests.DataSubjectRequests.RequestException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/privacy/requests}: the organisation's data-subject requests — filed, followed and answered by its
 * admins; read and answered by the participating services while they are open.
 */
@RestController
@RequestMapping("/api/v1/privacy/requests")
class RequestController {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}");
    private static final Set<String> SOURCES = Set.of("DASHBOARD", "EMAIL", "LETTER", "PHONE", "PORTAL");
    private static final Set<String> STATUSES = Set.of("OPEN", "COMPLETED", "REJECTED");
    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

    private final DataSubjectRequests requests;
    private final io.openhire.privacy.requests.AccessExport exports;

    RequestController(DataSubjectRequests requests, io.openhire.privacy.requests.AccessExport exports) {
        this.requests = requests;
        this.exports = exports;
    }

    /** By an admin, or by a service for a person it has verified (the candidate portal, for its signed-in candidate). */
    @PostMapping
    @PreAuthorize("hasAnyRole('ADMIN', 'SERVICE')")
    ResponseEntity<DataSubjectRequest> file(AuthenticatedUser caller, @RequestBody NewDataSubjectRequest body) {
        if (body == null) {
            throw ProblemException.invalidField("type", "is required");
        }
        DataSubjectRequests.Type type = type(body.type());
        String email = body.email() == null ? "" : body.email().strip().toLowerCase(Locale.ROOT);
        if (email.length() > 254 || !EMAIL.matcher(email).matches()) {
            throw ProblemException.invalidField("email", "must be the person's email address");
        }
        String phone = phone(body.phone());
        String name = optional("name", body.name(), 200);
        String details = optional("details", body.details(), 2000);
        String source = body.source() == null || body.source().isBlank()
                ? "DASHBOARD"
                : body.source().strip().toUpperCase(Locale.ROOT);
        if (!SOURCES.contains(source)) {
            throw ProblemException.invalidField("source", "must be one of " + SOURCES);
        }
        DataSubjectRequest filed = requests.file(
                caller.organizationId(),
                type,
                new DataSubjectRequests.Subject(email, phone, name, details),
                source,
                caller.actor());
        return ResponseEntity.status(HttpStatus.CREATED).body(filed);
    }

    @GetMapping
    @PreAuthorize("hasRole('ADMIN')")
    List<DataSubjectRequest> list(
            AuthenticatedUser caller,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) Integer limit) {
        String wanted =
                status == null || status.isBlank() ? null : status.strip().toUpperCase(Locale.ROOT);
        if (wanted != null && !STATUSES.contains(wanted)) {
            throw ProblemException.invalidField("status", "must be one of " + STATUSES);
        }
        int n = limit == null ? 50 : limit;
        if (n < 1 || n > 200) {
            throw ProblemException.invalidField("limit", "must be from 1 to 200");
        }
        return requests.list(caller.organizationId(), wanted, n);
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAnyRole('ADMIN', 'SERVICE')")
    DataSubjectRequest get(AuthenticatedUser caller, @PathVariable UUID id) {
        return requests.find(caller.organizationId(), id).orElseThrow(() -> ProblemException.notFound("The request"));
    }

    @PostMapping("/{id}/resend")
    @PreAuthorize("hasRole('ADMIN')")
    DataSubjectRequest resend(AuthenticatedUser caller, @PathVariable UUID id) {
        return call(() -> requests.resend(caller.organizationId(), id));
    }

    @PostMapping("/{id}/complete")
    @PreAuthorize("hasRole('ADMIN')")
    DataSubjectRequest complete(AuthenticatedUser caller, @PathVariable UUID id, @RequestBody CloseRequest body) {
        String resolution = resolution(body);
        return call(() -> requests.complete(caller.organizationId(), id, resolution));
    }

    @PostMapping("/{id}/reject")
    @PreAuthorize("hasRole('ADMIN')")
    DataSubjectRequest reject(AuthenticatedUser caller, @PathVariable UUID id, @RequestBody CloseRequest body) {
        String resolution = resolution(body);
        return call(() -> requests.reject(caller.organizationId(), id, resolution));
    }

    @GetMapping("/{id}/export")
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<byte[]> export(AuthenticatedUser caller, @PathVariable UUID id) {
        DataSubjectRequest request = get(caller, id);
        byte[] zip = call(() -> exports.zip(caller.organizationId(), request));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/zip"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"access-request-" + id + ".zip\"")
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(zip);
    }

    @GetMapping("/{id}/subject")
    @PreAuthorize("hasRole('SERVICE')")
    DataSubject subject(AuthenticatedUser caller, @PathVariable UUID id) {
        return call(() -> requests.subject(caller.organizationId(), id));
    }

    @PutMapping("/{id}/answers/{service}")
    @PreAuthorize("hasRole('SERVICE')")
    ResponseEntity<Void> answer(
            AuthenticatedUser caller,
            @PathVariable UUID id,
            @PathVariable String service,
            @RequestBody SubjectAnswer answer) {
        if (!caller.actor().equals("service:" + service)) {
            throw ProblemException.forbidden("A service answers for itself only");
        }
        if (answer == null || answer.records() < 0 || answer.remaining() < 0) {
            throw ProblemException.invalidField("records", "records and remaining must be 0 or more");
        }
        call(() -> {
            requests.answer(caller.organizationId(), id, service, answer);
            return null;
        });
        return ResponseEntity.noContent().build();
    }

    private static <T> T call(java.util.function.Supplier<T> action) {
        try {
            return action.get();
        } catch (RequestException e) {
            throw switch (e.kind()) {
                case NOT_FOUND -> ProblemException.notFound("The request");
                case CLOSED ->
                    new ProblemException(HttpStatus.GONE, "request-closed", "The request is closed", e.getMessage());
                case NOT_YOURS -> ProblemException.forbidden(e.getMessage());
                case WRONG_TYPE -> ProblemException.conflict("wrong-request-type", e.getMessage());
                case NOT_READY -> ProblemException.conflict("export-not-ready", e.getMessage());
            };
        }
    }

    private static DataSubjectRequests.Type type(String type) {
        if (type == null) {
            throw ProblemException.invalidField("type", "is required: ACCESS, ERASURE, RECTIFICATION or RESTRICTION");
        }
        try {
            return DataSubjectRequests.Type.valueOf(type.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("type", "must be ACCESS, ERASURE, RECTIFICATION or RESTRICTION");
        }
    }

    /** An international number, kept in E.164 ("+4930901820"); null when none was given. */
    private static String phone(String phone) {
        if (phone == null || phone.isBlank()) {
            return null;
        }
        try {
            var parsed = PHONES.parse(phone.strip(), "ZZ");
            if (!PHONES.isPossibleNumber(parsed)) {
                throw ProblemException.invalidField("phone", "is not a possible phone number");
            }
            return PHONES.format(parsed, PhoneNumberUtil.PhoneNumberFormat.E164);
        } catch (NumberParseException e) {
            throw ProblemException.invalidField("phone", "must be in international form, e.g. +44 20 7946 0958");
        }
    }

    private static String optional(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > max) {
            throw ProblemException.invalidField(field, "must be at most " + max + " characters");
        }
        return value.strip();
    }

    private static String resolution(CloseRequest body) {
        String resolution = body == null ? null : optional("resolution", body.resolution(), 2000);
        if (resolution == null) {
            throw ProblemException.invalidField("resolution", "is required: what was done, or why not");
        }
        return resolution;
    }
}

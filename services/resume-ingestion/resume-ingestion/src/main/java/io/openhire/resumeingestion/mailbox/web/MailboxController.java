package io.openhire.resumeingestion.mailbox.web;

import io.openhire.platform.security.AuthenticatedUser;
import io.openhire.resumeingestion.mailbox.Mailbox;
import io.openhire.resumeingestion.mailbox.MailboxService;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
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

/** An organisation's IMAP mailboxes for email intake (admins only). Passwords go in and never come out. */
@RestController
@RequestMapping("/api/v1/resumes/mailboxes")
@PreAuthorize("hasRole('ADMIN')")
class MailboxController {

    private final MailboxService mailboxes;

    MailboxController(MailboxService mailboxes) {
        this.mailboxes = mailboxes;
    }

    record NewMailbox(
            @NotBlank
            @Size(max = 253)
            @Pattern(regexp = "^[A-Za-z0-9.-]+$", message = "must be a host name or IP address")
            String host,

            @Min(1) @Max(65535) int port,
            Boolean tls,
            @NotBlank @Size(max = 254) String username,
            @NotBlank @Size(max = 1024) String password,
            @Size(max = 200) String folder) {}

    record MailboxView(
            UUID id,
            String host,
            int port,
            boolean tls,
            String username,
            String folder,
            boolean enabled,
            Instant createdAt,
            Instant lastPolledAt,
            Instant lastSuccessAt,
            String lastError,
            long resumesReceived) {

        static MailboxView of(Mailbox m) {
            return new MailboxView(
                    m.id(),
                    m.host(),
                    m.port(),
                    m.tls(),
                    m.username(),
                    m.folder(),
                    m.enabled(),
                    m.createdAt(),
                    m.lastPolledAt(),
                    m.lastSuccessAt(),
                    m.lastError(),
                    m.resumesReceived());
        }
    }

    @PostMapping
    ResponseEntity<MailboxView> add(AuthenticatedUser admin, @Valid @RequestBody NewMailbox request) {
        Mailbox mailbox = mailboxes.add(
                admin.organizationId(),
                request.host(),
                request.port(),
                request.tls() == null || request.tls(),
                request.username(),
                request.password(),
                request.folder() == null || request.folder().isBlank() ? "INBOX" : request.folder());
        return ResponseEntity.created(URI.create("/api/v1/resumes/mailboxes/" + mailbox.id()))
                .body(MailboxView.of(mailbox));
    }

    @GetMapping
    List<MailboxView> list(AuthenticatedUser admin) {
        return mailboxes.list(admin.organizationId()).stream()
                .map(MailboxView::of)
                .toList();
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(AuthenticatedUser admin, @PathVariable UUID id) {
        mailboxes.delete(admin.organizationId(), id);
        return ResponseEntity.noContent().build();
    }

    /** Checks the mailbox now instead of waiting for the next scheduled poll. */
    @PostMapping("/{id}/poll")
    MailboxService.PollResult poll(AuthenticatedUser admin, @PathVariable UUID id) {
        return mailboxes.pollNow(admin.organizationId(), id);
    }
}

package io.openhire.communication.mailaccounts.web;

import io.openhire.communication.client.MailAccountRequest;
import io.openhire.communication.client.MailAccountView;
import io.openhire.communication.mailaccounts.MailAccounts;
import io.openhire.platform.security.AuthenticatedUser;
import io.openhire.platform.web.ProblemException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The organisation's own mail server (its admins): the SMTP relay its email leaves through, as its sender, and
 * the IMAP mailbox its replies come back to. Passwords go in and are never given back.
 */
@RestController
@RequestMapping("/api/v1/communications/mail-account")
class MailAccountController {

    private final MailAccounts accounts;

    MailAccountController(MailAccounts accounts) {
        this.accounts = accounts;
    }

    /** 404 while the organisation uses the platform's mail server. */
    @GetMapping
    @PreAuthorize("hasRole('ADMIN')")
    MailAccountView get(AuthenticatedUser caller) {
        return accounts.view(caller.organizationId())
                .orElseThrow(() -> ProblemException.notFound("The organisation's own mail server"));
    }

    /** Signs in to the servers first: 422 ({@code mail-server-refused}, which server and why) changes nothing. */
    @PutMapping
    @PreAuthorize("hasRole('ADMIN')")
    MailAccountView save(AuthenticatedUser caller, @RequestBody MailAccountRequest request) {
        return accounts.save(caller.organizationId(), request, caller.actor());
    }

    /** Back to the platform's mail server (204); 404 when there was none of its own. */
    @DeleteMapping
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<Void> delete(AuthenticatedUser caller) {
        if (!accounts.delete(caller.organizationId())) {
            throw ProblemException.notFound("The organisation's own mail server");
        }
        return ResponseEntity.noContent().build();
    }
}

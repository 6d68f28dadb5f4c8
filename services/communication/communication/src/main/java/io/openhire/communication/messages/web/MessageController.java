package io.openhire.communication.messages.web;

import io.openhire.communication.client.BulkAccepted;
import io.openhire.communication.client.BulkSendRequest;
import io.openhire.communication.client.CallRequest;
import io.openhire.communication.client.InboxPage;
import io.openhire.communication.client.MessageView;
import io.openhire.communication.client.SendAccepted;
import io.openhire.communication.client.SendRequest;
import io.openhire.communication.inbox.Inbox;
import io.openhire.communication.messages.Calls;
import io.openhire.communication.messages.Messages;
import io.openhire.communication.messages.Sending;
import io.openhire.platform.security.AuthenticatedUser;
import io.openhire.platform.web.ProblemException;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Sending to candidates and reading the conversations, for the organisation's staff and for services acting
 * for it. Everything is scoped to the caller's organisation: another's message or candidate is not found.
 */
@RestController
@Validated
@RequestMapping("/api/v1/communications")
class MessageController {

    private static final String STAFF = "hasAnyRole('ADMIN', 'RECRUITER', 'SERVICE')";

    private final Sending sending;
    private final Messages messages;
    private final Inbox inbox;
    private final Calls calls;

    MessageController(Sending sending, Messages messages, Inbox inbox, Calls calls) {
        this.calls = calls;
        this.sending = sending;
        this.messages = messages;
        this.inbox = inbox;
    }

    @PostMapping("/send")
    @PreAuthorize(STAFF)
    ResponseEntity<SendAccepted> send(
            AuthenticatedUser caller,
            @RequestHeader(name = "Authorization", required = false) String bearer,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
            @RequestBody SendRequest request) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(sending.send(caller, bearer, idempotencyKey, request));
    }

    @PostMapping("/send/bulk")
    @PreAuthorize(STAFF)
    ResponseEntity<BulkAccepted> sendBulk(
            AuthenticatedUser caller,
            @RequestHeader(name = "Authorization", required = false) String bearer,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
            @RequestBody BulkSendRequest request) {
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .body(sending.sendBulk(caller, bearer, idempotencyKey, request));
    }

    /** Records a call on the candidate's conversation (201). */
    @PostMapping("/calls")
    @PreAuthorize("hasAnyRole('ADMIN', 'RECRUITER')")
    ResponseEntity<MessageView> logCall(AuthenticatedUser caller, @RequestBody CallRequest request) {
        return ResponseEntity.status(HttpStatus.CREATED).body(calls.log(caller, request));
    }

    @GetMapping("/messages/{id}")
    @PreAuthorize(STAFF)
    MessageView message(AuthenticatedUser caller, @PathVariable UUID id) {
        return messages.find(caller.organizationId(), id).orElseThrow(() -> ProblemException.notFound("The message"));
    }

    @GetMapping("/inbox")
    @PreAuthorize(STAFF)
    InboxPage inbox(
            AuthenticatedUser caller,
            @RequestParam(required = false) @Size(max = 200) String q,
            @RequestParam(required = false) Boolean unread,
            @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return inbox.page(caller.organizationId(), q, Boolean.TRUE.equals(unread), page, size);
    }

    @GetMapping("/threads/{candidateId}")
    @PreAuthorize(STAFF)
    List<MessageView> thread(AuthenticatedUser caller, @PathVariable UUID candidateId) {
        return messages.thread(caller.organizationId(), candidateId);
    }

    /** Marks the candidate's replies read (204). */
    @PostMapping("/threads/{candidateId}/read")
    @PreAuthorize("hasAnyRole('ADMIN', 'RECRUITER')")
    ResponseEntity<Void> markRead(AuthenticatedUser caller, @PathVariable UUID candidateId) {
        inbox.markRead(caller.organizationId(), candidateId);
        return ResponseEntity.noContent().build();
    }
}

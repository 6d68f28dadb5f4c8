package io.openhire.communication.client;

import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.DeleteExchange;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.PostExchange;
import org.springframework.web.service.annotation.PutExchange;

/**
 * communication's API for other services, as an HTTP interface for {@code ServiceClients}: send to
 * candidates, read conversations, manage templates.
 *
 * <pre>{@code
 * CommunicationApi communication = serviceClients.create(CommunicationApi.class, "communication");
 * SendAccepted sent = communication.send(UUID.randomUUID().toString(),
 *         new SendRequest(Channel.EMAIL, candidateId, null, templateId, null, null, jobId, Map.of(), null));
 * }</pre>
 *
 * Staff (admins and recruiters) of the organisation, and services acting for it.
 */
public interface CommunicationApi {

    /** Queues one message (202); the same {@code Idempotency-Key} again answers the same message. */
    @PostExchange("/api/v1/communications/send")
    SendAccepted send(@RequestHeader("Idempotency-Key") String idempotencyKey, @RequestBody SendRequest request);

    /** Queues the message personalised for each candidate (202). */
    @PostExchange("/api/v1/communications/send/bulk")
    BulkAccepted sendBulk(
            @RequestHeader("Idempotency-Key") String idempotencyKey, @RequestBody BulkSendRequest request);

    @GetExchange("/api/v1/communications/messages/{id}")
    MessageView message(@PathVariable UUID id);

    /** Conversations, the latest first; {@code q} searches subjects, bodies and addresses; size 1–100. */
    @GetExchange("/api/v1/communications/inbox")
    InboxPage inbox(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) Boolean unread,
            @RequestParam int page,
            @RequestParam int size);

    /** Every message with a candidate, oldest first. */
    @GetExchange("/api/v1/communications/threads/{candidateId}")
    List<MessageView> thread(@PathVariable UUID candidateId);

    /** Records a call on the candidate's conversation (201). */
    @PostExchange("/api/v1/communications/calls")
    MessageView logCall(@RequestBody CallRequest request);

    /** Marks the candidate's replies read. */
    @PostExchange("/api/v1/communications/threads/{candidateId}/read")
    void markRead(@PathVariable UUID candidateId);

    /** Proposes an interview (201); the candidate gets the booking link by email. */
    @PostExchange("/api/v1/communications/interviews")
    InterviewView proposeInterview(@RequestBody InterviewRequest request);

    /** A candidate's interviews, the newest first. */
    @GetExchange("/api/v1/communications/interviews")
    List<InterviewView> interviews(@RequestParam UUID candidateId);

    @GetExchange("/api/v1/communications/interviews/{id}")
    InterviewView interview(@PathVariable UUID id);

    @PostExchange("/api/v1/communications/interviews/{id}/reschedule")
    InterviewView reschedule(@PathVariable UUID id, @RequestBody RescheduleRequest request);

    @PostExchange("/api/v1/communications/interviews/{id}/cancel")
    InterviewView cancel(@PathVariable UUID id, @RequestBody CancelRequest request);

    @GetExchange("/api/v1/communications/templates")
    List<TemplateView> templates();

    /** One template at its latest version; 404 for another organisation's. */
    @GetExchange("/api/v1/communications/templates/{id}")
    TemplateView template(@PathVariable UUID id);

    /** The organisation's own mail server (admins); 404 while it uses the platform's. */
    @GetExchange("/api/v1/communications/mail-account")
    MailAccountView mailAccount();

    /** Sets the organisation's own mail server (admins), after signing in to it; 422 with the reason if that fails. */
    @PutExchange("/api/v1/communications/mail-account")
    MailAccountView saveMailAccount(@RequestBody MailAccountRequest request);

    /** Back to the platform's mail server (admins). */
    @DeleteExchange("/api/v1/communications/mail-account")
    void deleteMailAccount();

    /** Records marketing consent (or its withdrawal) for an address. */
    @PutExchange("/api/v1/communications/consents")
    ConsentView recordConsent(@RequestBody ConsentRequest request);

    @GetExchange("/api/v1/communications/consents")
    ConsentView consent(@RequestParam String address);

    @PostExchange("/api/v1/communications/templates")
    TemplateView createTemplate(@RequestBody TemplateRequest request);

    /** Saves a new version of the template. */
    @PutExchange("/api/v1/communications/templates/{id}")
    TemplateView updateTemplate(@PathVariable UUID id, @RequestBody TemplateRequest request);

    @PostExchange("/api/v1/communications/templates/{id}/preview")
    Preview preview(@PathVariable UUID id, @RequestBody PreviewRequest request);
}

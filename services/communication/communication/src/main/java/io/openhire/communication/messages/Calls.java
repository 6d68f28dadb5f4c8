package io.openhire.communication.messages;

import io.openhire.communication.client.CallRequest;
import io.openhire.communication.client.MessageKind;
import io.openhire.communication.client.MessageStatus;
import io.openhire.communication.client.MessageView;
import io.openhire.communication.events.Channel;
import io.openhire.matching.client.CandidateContact;
import io.openhire.platform.errors.DomainException;
import io.openhire.platform.security.AuthenticatedUser;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Calls a recruiter records on a candidate's conversation: when, which way, how it went, for how long, and what
 * was said. A call is logged, not placed: nothing is sent and no event goes out.
 */
@Service
public class Calls {

    static final Set<String> OUTCOMES = Set.of("CONNECTED", "NO_ANSWER", "VOICEMAIL", "BUSY", "WRONG_NUMBER");
    static final int MAX_NOTES = 5_000;

    private final Recipients recipients;
    private final Messages messages;
    private final Clock clock;

    Calls(Recipients recipients, Messages messages, Clock clock) {
        this.recipients = recipients;
        this.messages = messages;
        this.clock = clock;
    }

    public MessageView log(AuthenticatedUser caller, CallRequest request) {
        if (request == null || request.candidateId() == null) {
            throw DomainException.invalidField("candidateId", "is required");
        }
        String direction = request.direction() == null ? "OUTBOUND" : request.direction();
        if (!direction.equals("OUTBOUND") && !direction.equals("INBOUND")) {
            throw DomainException.invalidField("direction", "must be OUTBOUND or INBOUND");
        }
        if (request.outcome() == null || !OUTCOMES.contains(request.outcome())) {
            throw DomainException.invalidField(
                    "outcome", "must be one of " + OUTCOMES.stream().sorted().toList());
        }
        Integer minutes = request.durationMinutes();
        if (minutes != null && (minutes < 0 || minutes > 600)) {
            throw DomainException.invalidField("durationMinutes", "must be 0 to 600");
        }
        String notes = request.notes() == null || request.notes().isBlank()
                ? null
                : request.notes().strip();
        if (notes != null && notes.length() > MAX_NOTES) {
            throw DomainException.invalidField("notes", "at most " + MAX_NOTES + " characters");
        }
        Instant now = clock.instant();
        Instant at = request.occurredAt() == null ? now : request.occurredAt();
        if (at.isAfter(now.plus(Duration.ofMinutes(5))) || at.isBefore(now.minus(Duration.ofDays(366)))) {
            throw DomainException.invalidField("occurredAt", "must be in the past year, not in the future");
        }
        CandidateContact candidate = recipients
                .candidate(request.candidateId())
                .orElseThrow(() -> DomainException.notFound("The candidate"));
        String phone =
                candidate.phones().isEmpty() ? "phone" : candidate.phones().getFirst();
        String recruiter = caller.actor();
        UUID id = UUID.randomUUID();
        String how = request.outcome().replace('_', ' ').toLowerCase(java.util.Locale.ROOT)
                + (minutes == null ? "" : ", " + minutes + " min");
        boolean outbound = direction.equals("OUTBOUND");
        messages.insert(new Messages.NewMessage(
                id,
                caller.organizationId(),
                candidate.candidateId(),
                null,
                direction,
                Channel.CALL,
                MessageKind.TRANSACTIONAL,
                outbound ? recruiter : phone,
                outbound ? phone : recruiter,
                null,
                notes == null ? "(no notes)" : notes,
                MessageStatus.LOGGED,
                how,
                "<" + id + "@call.openhire>",
                null,
                null,
                null,
                null,
                recruiter,
                at,
                null));
        return messages.get(caller.organizationId(), id);
    }
}

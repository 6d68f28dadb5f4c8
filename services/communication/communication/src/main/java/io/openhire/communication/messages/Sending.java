package io.openhire.communication.messages;

import io.openhire.communication.CommunicationProperties;
import io.openhire.communication.client.BulkAccepted;
import io.openhire.communication.client.BulkSendRequest;
import io.openhire.communication.client.MessageKind;
import io.openhire.communication.client.MessageStatus;
import io.openhire.communication.client.Preview;
import io.openhire.communication.client.PreviewRequest;
import io.openhire.communication.client.SendAccepted;
import io.openhire.communication.client.SendRequest;
import io.openhire.communication.client.TemplateView;
import io.openhire.communication.consent.Suppressions;
import io.openhire.communication.events.Channel;
import io.openhire.communication.mailaccounts.MailAccounts;
import io.openhire.communication.sms.Phones;
import io.openhire.communication.sms.QuietHours;
import io.openhire.communication.sms.Twilio;
import io.openhire.communication.templates.TemplateText;
import io.openhire.communication.templates.Templates;
import io.openhire.jobingestion.client.JobView;
import io.openhire.matching.client.CandidateContact;
import io.openhire.platform.crypto.Sha256;
import io.openhire.platform.errors.DomainException;
import io.openhire.platform.security.AuthenticatedUser;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Takes messages for sending: checks the request, finds the recipient and the values of the variables (calls
 * to matching, job-ingestion and identity, made before any database work), refuses what must not be sent
 * (suppressed address, marketing without consent), renders the text and queues the message. The dispatcher
 * sends it. An {@code Idempotency-Key} seen before answers what it answered then.
 */
@Service
public class Sending {

    static final int MAX_BULK = 1_000;
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7e]{1,200}");
    private static final int MAX_VARIABLE = 1_000;

    private final Templates templates;
    private final MailAccounts accounts;
    private final Recipients recipients;
    private final Suppressions suppressions;
    private final Twilio twilio;
    private final Messages messages;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final JsonMapper json;
    private final CommunicationProperties properties;
    private final Clock clock;

    Sending(
            Templates templates,
            MailAccounts accounts,
            Recipients recipients,
            Suppressions suppressions,
            Twilio twilio,
            Messages messages,
            JdbcClient jdbc,
            TransactionTemplate transactions,
            JsonMapper json,
            CommunicationProperties properties,
            Clock clock) {
        this.templates = templates;
        this.accounts = accounts;
        this.recipients = recipients;
        this.suppressions = suppressions;
        this.twilio = twilio;
        this.messages = messages;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.json = json;
        this.properties = properties;
        this.clock = clock;
    }

    /** What to write, resolved once for a request (one recipient or many). */
    /**
     * @param from who the message comes from (the SMS number, or the organisation's email sender), resolved once
     *     per request however many recipients it has
     * @param mailFrom the organisation's email sender, whose domain names the Message-ID
     */
    private record Draft(
            Channel channel,
            MessageKind kind,
            String subject,
            String body,
            TemplateView template,
            JobView job,
            String from,
            String mailFrom) {}

    /** One recipient, ready to queue, or why not. */
    private record Addressed(UUID candidateId, String to, String subject, String body, String skipped) {}

    public SendAccepted send(AuthenticatedUser caller, String bearer, String idempotencyKey, SendRequest request) {
        if (request == null) {
            throw DomainException.invalid("validation", "A message is required");
        }
        UUID org = caller.organizationId();
        String hash = hash(request);
        Optional<SendAccepted> earlier = earlier(org, idempotencyKey, hash, SendAccepted.class);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        if ((request.candidateId() == null)
                == (request.to() == null || request.to().isBlank())) {
            throw DomainException.invalidField("candidateId", "give either candidateId or to, not both");
        }
        Draft draft = draft(
                org,
                request.channel(),
                request.templateId(),
                request.subject(),
                request.body(),
                request.jobId(),
                request.kind());
        Map<String, String> common = commonValues(caller, bearer, draft, request.variables());
        Addressed addressed;
        if (request.candidateId() != null) {
            CandidateContact candidate = recipients
                    .candidate(request.candidateId())
                    .orElseThrow(() -> DomainException.notFound("The candidate"));
            addressed = address(org, draft, candidate, common);
        } else {
            String to = draft.channel() == Channel.SMS ? phoneNumber(request.to()) : emailAddress(request.to());
            addressed = address(org, draft, null, to, common);
        }
        if (addressed.skipped() != null) {
            throw refusal(addressed.skipped());
        }
        UUID id = UUID.randomUUID();
        SendAccepted accepted = new SendAccepted(id, MessageStatus.QUEUED);
        transactions.executeWithoutResult(status -> {
            remember(org, idempotencyKey, hash, accepted);
            queue(org, caller, draft, request.jobId(), addressed, id, null);
        });
        return accepted;
    }

    public BulkAccepted sendBulk(
            AuthenticatedUser caller, String bearer, String idempotencyKey, BulkSendRequest request) {
        if (request == null) {
            throw DomainException.invalid("validation", "A message is required");
        }
        UUID org = caller.organizationId();
        String hash = hash(request);
        Optional<BulkAccepted> earlier = earlier(org, idempotencyKey, hash, BulkAccepted.class);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        List<UUID> candidateIds = request.candidateIds() == null ? List.of() : request.candidateIds();
        if (candidateIds.isEmpty() || candidateIds.size() > MAX_BULK || candidateIds.contains(null)) {
            throw DomainException.invalidField("candidateIds", "1 to " + MAX_BULK + " candidate ids");
        }
        Draft draft = draft(
                org,
                request.channel(),
                request.templateId(),
                request.subject(),
                request.body(),
                request.jobId(),
                request.kind());
        Map<String, String> common = commonValues(caller, bearer, draft, request.variables());
        List<Addressed> all = new ArrayList<>();
        for (UUID candidateId : new LinkedHashSet<>(candidateIds)) {
            all.add(recipients
                    .candidate(candidateId)
                    .map(c -> address(org, draft, c, common))
                    .orElse(new Addressed(candidateId, null, null, null, "unknown-candidate")));
        }
        UUID batch = UUID.randomUUID();
        List<BulkAccepted.Recipient> answer = new ArrayList<>();
        List<Runnable> inserts = new ArrayList<>();
        for (Addressed a : all) {
            if (a.skipped() != null) {
                answer.add(new BulkAccepted.Recipient(a.candidateId(), null, a.skipped()));
            } else {
                UUID id = UUID.randomUUID();
                answer.add(new BulkAccepted.Recipient(a.candidateId(), id, null));
                inserts.add(() -> queue(org, caller, draft, request.jobId(), a, id, batch));
            }
        }
        BulkAccepted accepted = new BulkAccepted(batch, inserts.size(), answer);
        transactions.executeWithoutResult(status -> {
            remember(org, idempotencyKey, hash, accepted);
            inserts.forEach(Runnable::run);
        });
        return accepted;
    }

    /** The template as this candidate (and job) would get it; nothing is sent or checked against consent. */
    public Preview preview(AuthenticatedUser caller, String bearer, UUID templateId, PreviewRequest request) {
        UUID org = caller.organizationId();
        TemplateView template = templates.latest(org, templateId);
        Draft draft = draft(org, template.channel(), templateId, null, null, request.jobId(), null);
        Map<String, String> values = new HashMap<>();
        if (request.candidateId() != null) {
            CandidateContact candidate = recipients
                    .candidate(request.candidateId())
                    .orElseThrow(() -> DomainException.notFound("The candidate"));
            values.putAll(candidateValues(candidate));
        }
        values.putAll(commonValues(caller, bearer, draft, request.variables()));
        return new Preview(TemplateText.render(draft.subject(), values), TemplateText.render(draft.body(), values));
    }

    private Draft draft(
            UUID org,
            Channel channel,
            UUID templateId,
            String subject,
            String body,
            UUID jobId,
            MessageKind requestedKind) {
        if (channel == null) {
            throw DomainException.invalidField("channel", "is required (EMAIL or SMS)");
        }
        if (channel == Channel.CALL) {
            throw DomainException.invalidField("channel", "a call is logged on the thread, not sent");
        }
        if (channel == Channel.SMS && !twilio.configured()) {
            throw DomainException.unprocessable(
                    "channel-not-configured",
                    "No SMS provider is configured for this installation: nothing was sent. An operator sets one"
                            + " up (openhire.communication.sms.*).");
        }
        TemplateView template = null;
        MessageKind kind = requestedKind == null ? MessageKind.TRANSACTIONAL : requestedKind;
        if (templateId != null) {
            if (subject != null || body != null) {
                throw DomainException.invalidField("templateId", "give a template or a subject and body, not both");
            }
            template = templates.latest(org, templateId);
            if (template.channel() != channel) {
                throw DomainException.invalidField("templateId", "is a " + template.channel() + " template");
            }
            subject = template.subject();
            body = template.body();
            kind = template.kind();
        } else {
            if (channel == Channel.EMAIL) {
                Templates.checkSubject(subject);
            } else if (subject != null && !subject.isBlank()) {
                throw DomainException.invalidField("subject", "an SMS has no subject");
            } else {
                subject = null;
            }
            Templates.checkBody(channel, body);
            TemplateText.check("subject", subject);
            TemplateText.check("body", body);
        }
        JobView job = jobId == null ? null : recipients.job(jobId);
        String mailFrom = accounts.fromOf(org); // the organisation's own sender, or the platform's
        return new Draft(
                channel,
                kind,
                subject,
                body,
                template,
                job,
                channel == Channel.SMS ? twilio.settings().from() : mailFrom,
                mailFrom);
    }

    /** The values every recipient shares: the job's, the sender's, and the request's own. */
    private Map<String, String> commonValues(
            AuthenticatedUser caller, String bearer, Draft draft, Map<String, String> variables) {
        Map<String, String> values = new HashMap<>();
        if (draft.job() != null) {
            putIfPresent(values, "job.title", draft.job().title());
            putIfPresent(values, "job.employer", draft.job().employer());
        }
        boolean usesRecruiter = (draft.subject() + " " + draft.body()).contains("recruiter.");
        if (usesRecruiter) {
            recipients.sender(caller, bearer).ifPresent(me -> {
                putIfPresent(values, "recruiter.name", me.name());
                putIfPresent(values, "recruiter.email", me.email());
            });
        }
        if (variables != null) {
            if (variables.size() > 50) {
                throw DomainException.invalidField("variables", "at most 50");
            }
            variables.forEach((name, value) -> {
                if (name == null || !TemplateText.isKnown(name)) {
                    throw DomainException.invalidField(
                            "variables", "unknown variable " + name + " (use the platform's or custom.something)");
                }
                if (value == null
                        || value.length() > MAX_VARIABLE
                        || value.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n')) {
                    throw DomainException.invalidField(
                            "variables", name + ": at most " + MAX_VARIABLE + " characters, no control characters");
                }
                values.put(name, value);
            });
        }
        return values;
    }

    private Addressed address(UUID org, Draft draft, CandidateContact candidate, Map<String, String> common) {
        String to = draft.channel() == Channel.SMS
                ? candidate.phones().stream()
                        .map(p -> Phones.e164(p, twilio.settings().defaultRegion())
                                .orElse(null))
                        .filter(a -> a != null)
                        .findFirst()
                        .orElse(null)
                : candidate.emails().stream()
                        .map(Sending::validEmailOrNull)
                        .filter(a -> a != null)
                        .findFirst()
                        .orElse(null);
        if (to == null) {
            return new Addressed(candidate.candidateId(), null, null, null, "no-address");
        }
        Map<String, String> values = candidateValues(candidate);
        values.putAll(common);
        return address(org, draft, candidate.candidateId(), to, values);
    }

    private static Map<String, String> candidateValues(CandidateContact candidate) {
        Map<String, String> values = new HashMap<>();
        if (candidate.name() != null && !candidate.name().isBlank()) {
            values.put("candidate.name", candidate.name().strip());
            values.put("candidate.firstName", candidate.name().strip().split("\\s+")[0]);
        }
        return values;
    }

    private Addressed address(UUID org, Draft draft, UUID candidateId, String to, Map<String, String> values) {
        Optional<Suppressions.Reason> suppressed = suppressions.of(org, to);
        if (suppressed.isPresent()) {
            return new Addressed(candidateId, to, null, null, "suppressed");
        }
        if (draft.kind() == MessageKind.MARKETING && !suppressions.hasMarketingConsent(org, to)) {
            return new Addressed(candidateId, to, null, null, "no-consent");
        }
        String subject = TemplateText.render(draft.subject(), values);
        String body = TemplateText.render(draft.body(), values);
        if (draft.channel() == Channel.EMAIL) {
            Templates.checkSubject(subject);
        }
        return new Addressed(candidateId, to, subject, body, null);
    }

    private void queue(UUID org, AuthenticatedUser caller, Draft draft, UUID jobId, Addressed a, UUID id, UUID batch) {
        Instant now = clock.instant();
        messages.insert(new Messages.NewMessage(
                id,
                org,
                a.candidateId(),
                jobId,
                "OUTBOUND",
                draft.channel(),
                draft.kind(),
                draft.from(),
                a.to(),
                a.subject(),
                a.body(),
                MessageStatus.QUEUED,
                null,
                MailIds.messageId(id, draft.mailFrom()),
                null,
                draft.template() == null ? null : draft.template().id(),
                draft.template() == null ? null : draft.template().version(),
                batch,
                caller.actor(),
                now,
                null));
        if (draft.channel() == Channel.SMS) {
            // Quiet hours in the recipient's own time zone (from their number): the SMS waits until morning.
            Instant allowed = new QuietHours(
                            twilio.settings().quietFrom(), twilio.settings().quietUntil())
                    .nextAllowed(now, Phones.zoneOf(a.to()));
            if (allowed.isAfter(now)) {
                jdbc.sql("UPDATE message SET next_attempt_at = :at WHERE id = :id")
                        .param("at", Timestamp.from(allowed))
                        .param("id", id)
                        .update();
            }
        }
    }

    /** A mobile number as given, in E.164, or a 400. */
    String phoneNumber(String to) {
        return Phones.e164(to, twilio.settings().defaultRegion())
                .orElseThrow(() -> DomainException.invalidField(
                        "to", "must be a mobile phone number, with its country code (+49 151 …)"));
    }

    /**
     * Queues an email the platform writes itself (interview invitations, updates, reminders), in the caller's
     * transaction; the suppression list still wins.
     *
     * @param candidateId the candidate whose conversation it joins, or null (a copy to the recruiter)
     * @param calendar an iCalendar object to send along, or null
     * @return the message, or empty when the address is suppressed
     */
    public Optional<UUID> queueTransactional(
            UUID org,
            UUID candidateId,
            UUID jobId,
            String to,
            String subject,
            String body,
            String calendar,
            String actor) {
        if (suppressions.of(org, to).isPresent()) {
            return Optional.empty();
        }
        UUID id = UUID.randomUUID();
        String from = accounts.fromOf(org);
        messages.insert(new Messages.NewMessage(
                id,
                org,
                candidateId,
                jobId,
                "OUTBOUND",
                Channel.EMAIL,
                MessageKind.TRANSACTIONAL,
                from,
                to,
                subject,
                body,
                MessageStatus.QUEUED,
                null,
                MailIds.messageId(id, from),
                null,
                null,
                null,
                null,
                actor,
                clock.instant(),
                calendar));
        return Optional.of(id);
    }

    /** The first usable email address of a candidate, or a 422 ({@code no-address}). */
    public static String emailOf(CandidateContact candidate) {
        return candidate.emails().stream()
                .map(Sending::validEmailOrNull)
                .filter(a -> a != null)
                .findFirst()
                .orElseThrow(() -> refusal("no-address"));
    }

    private static DomainException refusal(String skipped) {
        return switch (skipped) {
            case "no-address" ->
                DomainException.unprocessable(
                        "no-address",
                        "The candidate's resume has no email address (for an SMS: no mobile number): nothing was sent.");
            case "suppressed" ->
                DomainException.unprocessable(
                        "suppressed",
                        "The address is on the organisation's suppression list (bounced, complained or unsubscribed):"
                                + " nothing was sent.");
            case "no-consent" ->
                DomainException.unprocessable(
                        "no-consent", "A marketing message needs the recipient's recorded consent: nothing was sent.");
            default -> DomainException.unprocessable(skipped, "Nothing was sent.");
        };
    }

    private <T> Optional<T> earlier(UUID org, String key, String hash, Class<T> type) {
        if (key == null) {
            return Optional.empty();
        }
        if (!KEY.matcher(key).matches()) {
            throw DomainException.invalid(
                    "invalid-idempotency-key", "Idempotency-Key must be 1–200 visible ASCII characters");
        }
        return jdbc.sql("""
                        SELECT request_hash, response::text AS response FROM send_request
                        WHERE organization_id = :org AND idempotency_key = :key
                        """)
                .param("org", org)
                .param("key", key)
                .query((rs, i) -> {
                    if (!rs.getString("request_hash").equals(hash)) {
                        throw DomainException.conflict(
                                "idempotency-key-reused",
                                "This Idempotency-Key was used for a different request; use a new key");
                    }
                    return json.readValue(rs.getString("response"), type);
                })
                .optional();
    }

    private void remember(UUID org, String key, String hash, Object response) {
        if (key == null) {
            return;
        }
        int inserted = jdbc.sql("""
                        INSERT INTO send_request (organization_id, idempotency_key, request_hash, response, created_at)
                        VALUES (:org, :key, :hash, CAST(:response AS jsonb), :now) ON CONFLICT DO NOTHING
                        """)
                .param("org", org)
                .param("key", key)
                .param("hash", hash)
                .param("response", json.writeValueAsString(response))
                .param("now", Timestamp.from(clock.instant()))
                .update();
        if (inserted == 0) {
            // The same key at the same moment from another request: this one gives way.
            throw DomainException.conflict(
                    "idempotency-key-in-use", "A request with this Idempotency-Key is being handled; retry shortly");
        }
    }

    private String hash(Object request) {
        return Sha256.hex(json.writeValueAsString(request));
    }

    private static void putIfPresent(Map<String, String> values, String name, String value) {
        if (value != null && !value.isBlank()) {
            values.put(name, value.strip());
        }
    }

    /** A single email address as given, or a 400: no display names, lists or line breaks. */
    static String emailAddress(String to) {
        String address = validEmailOrNull(to);
        if (address == null) {
            throw DomainException.invalidField("to", "must be one email address");
        }
        return address;
    }

    /** One plain email address as given (no display name, list or line break), or null. */
    public static String validEmailOrNull(String address) {
        if (address == null || address.length() > 254) {
            return null;
        }
        try {
            InternetAddress parsed = new InternetAddress(address.strip(), true);
            parsed.validate();
            String plain = parsed.getAddress();
            return plain.equals(address.strip()) && plain.contains("@") ? plain : null;
        } catch (AddressException e) {
            return null;
        }
    }
}

package io.openhire.communication.interviews;

import io.openhire.communication.CommunicationProperties;
import io.openhire.communication.client.InterviewRequest;
import io.openhire.communication.client.InterviewView;
import io.openhire.communication.consent.Suppressions;
import io.openhire.communication.events.InterviewCancelled;
import io.openhire.communication.events.InterviewScheduled;
import io.openhire.communication.mailaccounts.MailAccounts;
import io.openhire.communication.messages.Recipients;
import io.openhire.communication.messages.Sending;
import io.openhire.identity.client.UserProfile;
import io.openhire.jobingestion.client.JobView;
import io.openhire.matching.client.CandidateContact;
import io.openhire.platform.crypto.Sha256;
import io.openhire.platform.errors.DomainException;
import io.openhire.platform.events.Outbox;
import io.openhire.platform.security.AuthenticatedUser;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Interview scheduling. A recruiter proposes slots in an explicit time zone; the candidate gets an email with
 * a link (a token only its SHA-256 of is kept) to a public page where they pick one; then both get the
 * calendar invitation, and reminders are scheduled 24 h and 1 h before. A reschedule sends the update (same
 * UID, higher SEQUENCE), a cancellation the CANCEL. Every email goes through the message queue.
 */
@Service
public class Interviews {

    static final int MAX_SLOTS = 20;
    private static final Duration EARLIEST = Duration.ofMinutes(30);
    private static final Duration LATEST = Duration.ofDays(366);
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm", Locale.ENGLISH);

    /** An interview as stored, with the parts its emails need. */
    public record Stored(
            UUID id,
            UUID organizationId,
            UUID candidateId,
            UUID jobId,
            String title,
            int durationMinutes,
            String timeZone,
            String location,
            String status,
            Instant startsAt,
            int sequence,
            String candidateName,
            String candidateEmail,
            String organizerName,
            String organizerEmail,
            String cancelReason,
            String createdBy,
            Instant createdAt) {

        Invitations.Party organizer() {
            return new Invitations.Party(organizerName, organizerEmail);
        }

        Invitations.Party candidate() {
            return new Invitations.Party(candidateName, candidateEmail);
        }

        Instant endsAt() {
            return startsAt == null ? null : startsAt.plus(Duration.ofMinutes(durationMinutes));
        }

        public String when(Instant at) {
            ZoneId zone = ZoneId.of(timeZone);
            ZonedDateTime local = at.atZone(zone);
            return SHOWN.format(local) + "–"
                    + DateTimeFormatter.ofPattern("HH:mm").format(local.plusMinutes(durationMinutes)) + " (" + timeZone
                    + ", UTC" + local.getOffset() + ")";
        }
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Recipients recipients;
    private final Sending sending;
    private final Suppressions suppressions;
    private final MailAccounts accounts;
    private final Outbox outbox;
    private final CommunicationProperties properties;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    Interviews(
            JdbcClient jdbc,
            TransactionTemplate transactions,
            Recipients recipients,
            Sending sending,
            Suppressions suppressions,
            MailAccounts accounts,
            Outbox outbox,
            CommunicationProperties properties,
            Clock clock) {
        this.accounts = accounts;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.recipients = recipients;
        this.sending = sending;
        this.suppressions = suppressions;
        this.outbox = outbox;
        this.properties = properties;
        this.clock = clock;
    }

    /** Proposes the interview and emails the candidate the booking link. */
    public InterviewView propose(AuthenticatedUser caller, String bearer, InterviewRequest request) {
        if (request == null || request.candidateId() == null) {
            throw DomainException.invalidField("candidateId", "is required");
        }
        String title = line("title", request.title(), 200);
        int duration = request.durationMinutes() == null ? 45 : request.durationMinutes();
        if (duration < 15 || duration > 480) {
            throw DomainException.invalidField("durationMinutes", "must be 15 to 480");
        }
        ZoneId zone = zone(request.timeZone());
        String location = request.location() == null || request.location().isBlank()
                ? null
                : line("location", request.location(), 500);
        List<Instant> slots = slots(zone, request.slots());
        // Calls to other services first, with no database connection held.
        CandidateContact candidate = recipients
                .candidate(request.candidateId())
                .orElseThrow(() -> DomainException.notFound("The candidate"));
        String email = Sending.emailOf(candidate);
        UUID org = caller.organizationId();
        if (suppressions.of(org, email).isPresent()) {
            throw DomainException.unprocessable(
                    "suppressed",
                    "The candidate's address is on the organisation's suppression list: nothing was sent.");
        }
        JobView job = request.jobId() == null ? null : recipients.job(request.jobId());
        Optional<UserProfile> sender = recipients.sender(caller, bearer);
        String organizerEmail = sender.map(UserProfile::email).orElse(fromAddress(org));
        String organizerName = sender.map(UserProfile::name).orElse(null);

        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        Stored interview = new Stored(
                id,
                org,
                candidate.candidateId(),
                request.jobId(),
                title,
                duration,
                zone.getId(),
                location,
                "PROPOSED",
                null,
                0,
                candidate.name(),
                email,
                organizerName,
                organizerEmail,
                null,
                caller.actor(),
                now);
        String link = bookingUrl(token);
        StringBuilder body = new StringBuilder()
                .append(greeting(candidate.name()))
                .append("we would like to invite you to ")
                .append(job == null ? "an interview: " + title : "an interview for " + job.title() + ": " + title)
                .append(".\n\nThese times are open (")
                .append(duration)
                .append(" minutes each):\n");
        slots.forEach(s -> body.append("  - ").append(interview.when(s)).append('\n'));
        body.append("\nPick the one that suits you here: ").append(link).append('\n');
        if (location != null) {
            body.append("\nWhere: ").append(location).append('\n');
        }
        if (organizerName != null) {
            body.append("\n").append(organizerName).append('\n');
        }
        transactions.executeWithoutResult(status -> {
            jdbc.sql("""
                            INSERT INTO interview (id, organization_id, candidate_id, job_id, title, duration_minutes,
                                time_zone, location, status, booking_token_sha, candidate_name, candidate_email,
                                organizer_name, organizer_email, created_by, created_at, updated_at)
                            VALUES (:id, :org, :candidate, :job, :title, :duration, :zone, :location, 'PROPOSED',
                                :token, :candidateName, :candidateEmail, :organizerName, :organizerEmail, :by, :now,
                                :now)
                            """)
                    .param("id", id)
                    .param("org", org)
                    .param("candidate", candidate.candidateId())
                    .param("job", request.jobId())
                    .param("title", title)
                    .param("duration", duration)
                    .param("zone", zone.getId())
                    .param("location", location)
                    .param("token", Sha256.hex(token))
                    .param("candidateName", candidate.name())
                    .param("candidateEmail", email)
                    .param("organizerName", organizerName)
                    .param("organizerEmail", organizerEmail)
                    .param("by", caller.actor())
                    .param("now", Timestamp.from(now))
                    .update();
            for (Instant slot : slots) {
                jdbc.sql("INSERT INTO interview_slot (interview_id, starts_at) VALUES (:id, :at)")
                        .param("id", id)
                        .param("at", Timestamp.from(slot))
                        .update();
            }
            sending.queueTransactional(
                    org,
                    candidate.candidateId(),
                    request.jobId(),
                    email,
                    "Interview invitation: " + title,
                    body.toString(),
                    null,
                    caller.actor());
        });
        InterviewView view = view(get(org, id));
        return withLink(view, link);
    }

    /** The candidate picks one of the offered slots, through their link. */
    public Stored book(String token, Instant slot) {
        Stored interview = byToken(token);
        if (!"PROPOSED".equals(interview.status())) {
            throw DomainException.conflict(
                    "interview-" + interview.status().toLowerCase(Locale.ROOT),
                    "BOOKED".equals(interview.status())
                            ? "This interview is already booked for " + interview.when(interview.startsAt()) + "."
                            : "This interview was cancelled.");
        }
        if (slot == null || !slots(interview.id()).contains(slot)) {
            throw DomainException.invalidField("slot", "must be one of the offered times");
        }
        if (!slot.isAfter(clock.instant())) {
            throw DomainException.invalidField("slot", "this time has passed; pick a later one");
        }
        return transactions.execute(status -> {
            Instant now = clock.instant();
            int moved = jdbc.sql("""
                            UPDATE interview SET status = 'BOOKED', starts_at = :slot, updated_at = :now
                            WHERE id = :id AND status = 'PROPOSED'
                            """)
                    .param("id", interview.id())
                    .param("slot", Timestamp.from(slot))
                    .param("now", Timestamp.from(now))
                    .update();
            if (moved != 1) {
                throw DomainException.conflict("interview-booked", "This interview was booked meanwhile.");
            }
            Stored booked = get(interview.organizationId(), interview.id());
            scheduled(booked, "candidate:booking-link", "Interview booked");
            return booked;
        });
    }

    /** Moves a booked interview; both sides get the updated invitation. */
    public InterviewView reschedule(AuthenticatedUser caller, UUID id, LocalDateTime startsAt) {
        Stored interview = get(caller.organizationId(), id);
        if (!"BOOKED".equals(interview.status())) {
            throw DomainException.conflict(
                    "interview-not-booked", "Only a booked interview can be moved; cancel and propose again");
        }
        Instant start = slot(ZoneId.of(interview.timeZone()), startsAt, "startsAt");
        transactions.executeWithoutResult(status -> {
            int moved = jdbc.sql("""
                            UPDATE interview SET starts_at = :start, sequence = sequence + 1, updated_at = :now
                            WHERE id = :id AND organization_id = :org AND status = 'BOOKED'
                            """)
                    .param("id", id)
                    .param("org", caller.organizationId())
                    .param("start", Timestamp.from(start))
                    .param("now", Timestamp.from(clock.instant()))
                    .update();
            if (moved != 1) {
                throw DomainException.conflict("interview-not-booked", "The interview changed meanwhile");
            }
            scheduled(get(caller.organizationId(), id), caller.actor(), "Interview moved");
        });
        return view(get(caller.organizationId(), id));
    }

    /** Calls the interview off; a booked one gets the calendar cancellation on both sides. */
    public InterviewView cancel(AuthenticatedUser caller, UUID id, String reason) {
        Stored interview = get(caller.organizationId(), id);
        if ("CANCELLED".equals(interview.status())) {
            return view(interview);
        }
        String why = reason == null || reason.isBlank() ? null : line("reason", reason, 500);
        transactions.executeWithoutResult(status -> {
            Instant now = clock.instant();
            int moved = jdbc.sql("""
                            UPDATE interview SET status = 'CANCELLED', cancel_reason = :reason, sequence = sequence + 1,
                                updated_at = :now
                            WHERE id = :id AND organization_id = :org AND status = :status
                            """)
                    .param("id", id)
                    .param("org", caller.organizationId())
                    .param("reason", why)
                    .param("status", interview.status())
                    .param("now", Timestamp.from(now))
                    .update();
            if (moved != 1) {
                throw DomainException.conflict("interview-changed", "The interview changed meanwhile; load it again");
            }
            jdbc.sql("DELETE FROM interview_reminder WHERE interview_id = :id AND sent_at IS NULL")
                    .param("id", id)
                    .update();
            Stored cancelled = get(caller.organizationId(), id);
            boolean wasBooked = "BOOKED".equals(interview.status());
            String text = greeting(cancelled.candidateName()) + "the interview \"" + cancelled.title() + "\""
                    + (wasBooked ? " on " + cancelled.when(cancelled.startsAt()) : "") + " is cancelled."
                    + (why == null ? "" : "\n\n" + why) + "\n";
            String calendar = wasBooked
                    ? Invitations.cancel(
                            cancelled.id(),
                            cancelled.sequence(),
                            cancelled.startsAt(),
                            cancelled.endsAt(),
                            cancelled.title(),
                            cancelled.location(),
                            cancelled.organizer(),
                            cancelled.candidate(),
                            now)
                    : null;
            sending.queueTransactional(
                    cancelled.organizationId(),
                    cancelled.candidateId(),
                    cancelled.jobId(),
                    cancelled.candidateEmail(),
                    "Cancelled: " + cancelled.title(),
                    text,
                    calendar,
                    caller.actor());
            if (wasBooked) {
                sending.queueTransactional(
                        cancelled.organizationId(),
                        null,
                        cancelled.jobId(),
                        cancelled.organizerEmail(),
                        "Cancelled: " + cancelled.title(),
                        text,
                        calendar,
                        caller.actor());
            }
            outbox.publish(
                    InterviewCancelled.TOPIC,
                    id.toString(),
                    new InterviewCancelled(
                            id, cancelled.organizationId(), cancelled.candidateId(), cancelled.jobId(), wasBooked, now),
                    cancelled.organizationId());
        });
        return view(get(caller.organizationId(), id));
    }

    public List<InterviewView> forCandidate(UUID org, UUID candidateId) {
        return jdbc.sql("""
                        SELECT * FROM interview WHERE organization_id = :org AND candidate_id = :candidate
                        ORDER BY created_at DESC
                        """).param("org", org).param("candidate", candidateId).query(Interviews::stored).list().stream()
                .map(this::view)
                .toList();
    }

    public InterviewView one(UUID org, UUID id) {
        return view(get(org, id));
    }

    /** The interview behind a booking link, or 404 (an unknown, mistyped or forged token). */
    public Stored byToken(String token) {
        if (token == null || token.length() > 100) {
            throw DomainException.notFound("The interview");
        }
        return jdbc.sql("SELECT * FROM interview WHERE booking_token_sha = :sha")
                .param("sha", Sha256.hex(token))
                .query(Interviews::stored)
                .optional()
                .orElseThrow(() -> DomainException.notFound("The interview"));
    }

    /** The offered times still ahead. */
    public List<Instant> openSlots(Stored interview, Instant now) {
        return slots(interview.id()).stream().filter(s -> s.isAfter(now)).toList();
    }

    List<Instant> slots(UUID interviewId) {
        return jdbc.sql("SELECT starts_at FROM interview_slot WHERE interview_id = :id ORDER BY starts_at")
                .param("id", interviewId)
                .query((rs, i) -> rs.getTimestamp("starts_at").toInstant())
                .list();
    }

    /** Inside the booking's or reschedule's transaction: invitations to both, reminders, the event. */
    private void scheduled(Stored interview, String actor, String subjectPrefix) {
        Instant now = clock.instant();
        String calendar = Invitations.request(
                interview.id(),
                interview.sequence(),
                interview.startsAt(),
                interview.endsAt(),
                interview.title(),
                interview.location(),
                "Interview arranged through OpenHire.",
                interview.organizer(),
                interview.candidate(),
                now);
        String when = interview.when(interview.startsAt());
        String text = greeting(interview.candidateName()) + "your interview \"" + interview.title() + "\" is on "
                + when + "." + (interview.location() == null ? "" : "\nWhere: " + interview.location())
                + "\n\nThe invitation is attached for your calendar.\n";
        sending.queueTransactional(
                interview.organizationId(),
                interview.candidateId(),
                interview.jobId(),
                interview.candidateEmail(),
                subjectPrefix + ": " + interview.title(),
                text,
                calendar,
                actor);
        sending.queueTransactional(
                interview.organizationId(),
                null,
                interview.jobId(),
                interview.organizerEmail(),
                subjectPrefix + ": " + interview.title() + " with "
                        + nameOr(interview.candidateName(), "the candidate"),
                "The interview \"" + interview.title() + "\" with "
                        + nameOr(interview.candidateName(), interview.candidateEmail()) + " is on " + when + ".\n",
                calendar,
                actor);
        jdbc.sql("DELETE FROM interview_reminder WHERE interview_id = :id AND sent_at IS NULL")
                .param("id", interview.id())
                .update();
        for (Reminders.Kind kind : Reminders.Kind.values()) {
            Instant due = interview.startsAt().minus(kind.before());
            if (due.isAfter(now)) {
                jdbc.sql("""
                                INSERT INTO interview_reminder (interview_id, kind, due_at) VALUES (:id, :kind, :due)
                                ON CONFLICT (interview_id, kind) DO UPDATE SET due_at = :due, sent_at = NULL
                                """)
                        .param("id", interview.id())
                        .param("kind", kind.name())
                        .param("due", Timestamp.from(due))
                        .update();
            }
        }
        outbox.publish(
                InterviewScheduled.TOPIC,
                interview.id().toString(),
                new InterviewScheduled(
                        interview.id(),
                        interview.organizationId(),
                        interview.candidateId(),
                        interview.jobId(),
                        interview.startsAt(),
                        interview.endsAt(),
                        interview.timeZone(),
                        interview.sequence(),
                        now),
                interview.organizationId());
    }

    /** An interview by id alone, for work of the service's own (reminders); empty when it is gone. */
    Optional<Stored> byId(UUID id) {
        return jdbc.sql("SELECT * FROM interview WHERE id = :id")
                .param("id", id)
                .query(Interviews::stored)
                .optional();
    }

    Stored get(UUID org, UUID id) {
        return jdbc.sql("SELECT * FROM interview WHERE organization_id = :org AND id = :id")
                .param("org", org)
                .param("id", id)
                .query(Interviews::stored)
                .optional()
                .orElseThrow(() -> DomainException.notFound("The interview"));
    }

    private InterviewView view(Stored s) {
        return new InterviewView(
                s.id(),
                s.candidateId(),
                s.jobId(),
                s.title(),
                s.durationMinutes(),
                s.timeZone(),
                s.location(),
                s.status(),
                slots(s.id()),
                s.startsAt(),
                s.sequence(),
                s.cancelReason(),
                s.createdBy(),
                s.createdAt(),
                null);
    }

    private static InterviewView withLink(InterviewView v, String link) {
        return new InterviewView(
                v.id(),
                v.candidateId(),
                v.jobId(),
                v.title(),
                v.durationMinutes(),
                v.timeZone(),
                v.location(),
                v.status(),
                v.slots(),
                v.startsAt(),
                v.sequence(),
                v.cancelReason(),
                v.createdBy(),
                v.createdAt(),
                link);
    }

    String bookingUrl(String token) {
        return properties.publicUrl().replaceAll("/+$", "") + "/api/v1/communications/bookings/" + token;
    }

    /** The organisation's sending address (its own mail server's, or the platform's), without its name. */
    private String fromAddress(UUID org) {
        String from = accounts.fromOf(org);
        try {
            return new jakarta.mail.internet.InternetAddress(from).getAddress();
        } catch (jakarta.mail.internet.AddressException e) {
            return from;
        }
    }

    private List<Instant> slots(ZoneId zone, List<LocalDateTime> requested) {
        if (requested == null || requested.isEmpty() || requested.size() > MAX_SLOTS) {
            throw DomainException.invalidField("slots", "1 to " + MAX_SLOTS + " start times");
        }
        TreeSet<Instant> slots = new TreeSet<>();
        for (LocalDateTime local : requested) {
            slots.add(slot(zone, local, "slots"));
        }
        return new ArrayList<>(slots);
    }

    /** A local time in the zone as an instant: it must exist there (not in a DST gap) and lie ahead. */
    private Instant slot(ZoneId zone, LocalDateTime local, String field) {
        if (local == null) {
            throw DomainException.invalidField(field, "a start time is required");
        }
        ZonedDateTime zoned = ZonedDateTime.ofLocal(local, zone, null);
        if (!zoned.toLocalDateTime().equals(local)) {
            throw DomainException.invalidField(field, local + " does not exist in " + zone + " (a clock change)");
        }
        Instant at = zoned.toInstant();
        Instant now = clock.instant();
        if (at.isBefore(now.plus(EARLIEST)) || at.isAfter(now.plus(LATEST))) {
            throw DomainException.invalidField(field, local + " must be at least 30 minutes and at most a year ahead");
        }
        return at;
    }

    private static ZoneId zone(String timeZone) {
        if (timeZone == null || !timeZone.contains("/") && !"UTC".equals(timeZone)) {
            throw DomainException.invalidField("timeZone", "must be an IANA time zone such as Europe/Berlin");
        }
        try {
            return ZoneId.of(timeZone);
        } catch (DateTimeException e) {
            throw DomainException.invalidField("timeZone", "must be an IANA time zone such as Europe/Berlin");
        }
    }

    private static String line(String field, String value, int max) {
        if (value == null || value.isBlank() || value.length() > max) {
            throw DomainException.invalidField(field, "is required, at most " + max + " characters");
        }
        if (value.chars().anyMatch(Character::isISOControl)) {
            throw DomainException.invalidField(field, "must be one line");
        }
        return value.strip();
    }

    private static String greeting(String name) {
        return name == null || name.isBlank()
                ? "Hello,\n\n"
                : "Hello " + name.strip().split("\\s+")[0] + ",\n\n";
    }

    private static String nameOr(String name, String otherwise) {
        return name == null || name.isBlank() ? otherwise : name;
    }

    private static Stored stored(ResultSet rs, int row) throws SQLException {
        Timestamp starts = rs.getTimestamp("starts_at");
        return new Stored(
                rs.getObject("id", UUID.class),
                rs.getObject("organization_id", UUID.class),
                rs.getObject("candidate_id", UUID.class),
                rs.getObject("job_id", UUID.class),
                rs.getString("title"),
                rs.getInt("duration_minutes"),
                rs.getString("time_zone"),
                rs.getString("location"),
                rs.getString("status"),
                starts == null ? null : starts.toInstant(),
                rs.getInt("sequence"),
                rs.getString("candidate_name"),
                rs.getString("candidate_email"),
                rs.getString("organizer_name"),
                rs.getString("organizer_email"),
                rs.getString("cancel_reason"),
                rs.getString("created_by"),
                rs.getTimestamp("created_at").toInstant());
    }
}

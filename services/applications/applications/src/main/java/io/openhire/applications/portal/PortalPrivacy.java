package io.openhire.applications.portal;

import io.openhire.applications.candidates.Candidates;
import io.openhire.applications.client.PortalFileView;
import io.openhire.applications.client.PortalPrivacyRequest;
import io.openhire.applications.client.PortalPrivacyRequestForm;
import io.openhire.applications.privacy.ApplicationsDataSubjects;
import io.openhire.audit.client.AuditApi;
import io.openhire.audit.client.AuditEntry;
import io.openhire.identity.client.IdentityApi;
import io.openhire.identity.client.UserProfile;
import io.openhire.platform.errors.DomainException;
import io.openhire.platform.http.ServiceAccount;
import io.openhire.platform.security.AuthenticatedUser;
import io.openhire.privacy.client.DataSubjectRequest;
import io.openhire.privacy.client.NewDataSubjectRequest;
import io.openhire.privacy.client.PrivacyApi;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClientResponseException;

/**
 * "Your data" in the candidate portal: the signed-in candidate files requests about their data with the
 * organisation (the privacy service keeps and answers them), follows them, and sees who of the organisation looked
 * at their file (the audit log).
 *
 * <p>Who a request is about never comes from the request. The email address is the one of the candidate's identity
 * account: their sign-in link was sent there, so they have shown it is theirs (the record's address can be a
 * correction they typed themselves). The record's phone number goes with it only when it leads to no one else's
 * record: nobody verified it, and the services erase by phone number too.
 */
@Service
public class PortalPrivacy {

    private static final Logger log = LoggerFactory.getLogger(PortalPrivacy.class);

    static final List<String> TYPES = List.of("ACCESS", "ERASURE", "RECTIFICATION", "RESTRICTION");
    static final int MAX_DETAILS = 2000;
    static final int MAX_NAME = 200;
    /** The views a candidate is shown, newest first. */
    static final int MAX_VIEWS = 100;
    /** Entries read per record: enough that the newest {@link #MAX_VIEWS} reads survive the other kinds of entry. */
    static final int ENTRIES_PER_RECORD = 200;
    /** The requests a candidate is shown, newest first (each open one is one call to privacy). */
    static final int MAX_REQUESTS = 100;

    private static final String OPEN = "OPEN";

    /** The audit log's reads of a candidate's file, in the words the candidate reads. */
    static final Map<String, String> READS = reads();

    private static Map<String, String> reads() {
        Map<String, String> reads = new LinkedHashMap<>();
        reads.put("candidate.viewed", "opened your profile");
        reads.put("resume.profile-viewed", "opened your profile");
        reads.put("resume.viewed", "opened your resume");
        reads.put("resume.downloaded", "downloaded your resume");
        reads.put("candidate.revealed", "revealed your identity in a blind review");
        return reads;
    }

    private final CandidatePortal portal;
    private final ApplicationsDataSubjects subjects;
    private final JdbcClient jdbc;
    private final ServiceAccount serviceAccount;
    private final PrivacyApi privacy;
    private final AuditApi audit;
    private final IdentityApi identity;
    private final Clock clock;

    PortalPrivacy(
            CandidatePortal portal,
            ApplicationsDataSubjects subjects,
            JdbcClient jdbc,
            ServiceAccount serviceAccount,
            PrivacyApi privacy,
            AuditApi audit,
            IdentityApi identity,
            Clock clock) {
        this.portal = portal;
        this.subjects = subjects;
        this.jdbc = jdbc;
        this.serviceAccount = serviceAccount;
        this.privacy = privacy;
        this.audit = audit;
        this.identity = identity;
        this.clock = clock;
    }

    /** A request as this service remembers it: privacy's last answer about it. */
    private record Filed(
            UUID requestId,
            String type,
            Instant filedAt,
            String status,
            Instant dueAt,
            Instant completedAt,
            String resolution) {}

    // ---- requests

    /**
     * Files a request for the signed-in candidate with privacy (as this service, which has verified them: source
     * PORTAL) and remembers it. One open request of a kind at a time: a second is a 409 {@code
     * request-already-open}.
     *
     * <p>The transaction (and its advisory lock) is held across the call to privacy on purpose: two sends at once
     * (a double click) must not file two requests. Filing is rare; the call is bounded by the client's timeouts.
     */
    @Transactional
    public PortalPrivacyRequest file(AuthenticatedUser caller, PortalPrivacyRequestForm form) {
        Candidates.Stored me = portal.me(caller);
        String type = type(form == null ? null : form.type());
        String details = details(type, form == null ? null : form.details());
        UUID org = caller.organizationId();
        String email = account(caller).email();
        if (email == null || email.isBlank()) {
            throw DomainException.unavailable(
                    "dependency-unavailable", "Your account's address could not be read just now. Try again shortly.");
        }
        List<UUID> records = records(me);
        String phone = phone(org, me, records);

        jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended(:key, 0))")
                .param("key", "portal-privacy-request:" + me.id() + ":" + type)
                .query()
                .listOfRows();
        for (Filed open : openOfType(org, records, type)) {
            Optional<DataSubjectRequest> now = ask(org, open.requestId());
            now.ifPresent(this::remember);
            // A request privacy no longer knows cannot be answered there: it does not stand in the way.
            if (now.isPresent() && OPEN.equals(now.get().status())) {
                throw DomainException.conflict(
                                "request-already-open",
                                "You already have an open request of this kind: it is answered by its due date.")
                        .with("openRequestId", open.requestId())
                        .with("dueAt", String.valueOf(now.get().dueAt()));
            }
        }

        DataSubjectRequest filed =
                fileWithPrivacy(org, new NewDataSubjectRequest(type, email, phone, name(me), details, "PORTAL"));
        jdbc.sql("""
                        INSERT INTO portal_privacy_request (request_id, organization_id, candidate_id, type, filed_at,
                            status, due_at, completed_at, resolution)
                        VALUES (:id, :org, :candidate, :type, :filed, :status, :due, :completed, :resolution)
                        """)
                .param("id", filed.id())
                .param("org", org)
                .param("candidate", me.id())
                .param("type", type)
                .param("filed", Timestamp.from(filed.receivedAt() == null ? clock.instant() : filed.receivedAt()))
                .param("status", filed.status() == null ? OPEN : filed.status())
                .param("due", timestamp(filed.dueAt()))
                .param("completed", timestamp(filed.completedAt()))
                .param("resolution", filed.resolution())
                .update();
        return view(filed);
    }

    /**
     * The candidate's requests, newest first, with their status as privacy gives it now. Only open ones are asked
     * about (a closed request stays closed); one privacy no longer knows, or cannot be asked about just now, is
     * shown as last known and marked {@code stale}.
     */
    public List<PortalPrivacyRequest> requests(AuthenticatedUser caller) {
        Candidates.Stored me = portal.me(caller);
        UUID org = caller.organizationId();
        List<Filed> filed = jdbc.sql("""
                        SELECT * FROM portal_privacy_request
                        WHERE organization_id = :org AND candidate_id = ANY(:ids)
                        ORDER BY filed_at DESC, request_id LIMIT :limit
                        """)
                .param("org", org)
                .param("ids", records(me).toArray(UUID[]::new))
                .param("limit", MAX_REQUESTS)
                .query(PortalPrivacy::filed)
                .list();
        List<PortalPrivacyRequest> views = new ArrayList<>();
        boolean privacyAway = false;
        for (Filed request : filed) {
            if (!OPEN.equals(request.status())) {
                views.add(view(request, false));
                continue;
            }
            Optional<DataSubjectRequest> now = Optional.empty();
            if (!privacyAway) {
                try {
                    now = ask(org, request.requestId());
                } catch (DomainException away) {
                    // one failed call is enough: the others are shown as last known, not each after a timeout
                    privacyAway = true;
                }
            }
            if (now.isPresent()) {
                remember(now.get());
                views.add(view(now.get()));
            } else {
                views.add(view(request, true));
            }
        }
        return views;
    }

    /** What privacy says of a request now; empty when it no longer knows it; 503 when it cannot be asked. */
    private Optional<DataSubjectRequest> ask(UUID org, UUID requestId) {
        try {
            return Optional.of(serviceAccount.onBehalfOf(org, () -> privacy.request(requestId)));
        } catch (HttpClientErrorException.NotFound unknown) {
            return Optional.empty();
        } catch (RestClientResponseException refused) {
            throw away("privacy", refused);
        }
    }

    private DataSubjectRequest fileWithPrivacy(UUID org, NewDataSubjectRequest request) {
        try {
            return serviceAccount.onBehalfOf(org, () -> privacy.file(request));
        } catch (HttpClientErrorException.BadRequest refused) {
            if (request.phone() != null && refused.getResponseBodyAsString().contains("\"phone\"")) {
                // privacy reads numbers more strictly than a record keeps them: the email alone finds the person
                log.info("privacy refused the phone number on a candidate's record; the request goes with the email");
                return fileWithPrivacy(
                        org,
                        new NewDataSubjectRequest(
                                request.type(),
                                request.email(),
                                null,
                                request.name(),
                                request.details(),
                                request.source()));
            }
            throw away("privacy", refused);
        } catch (RestClientResponseException refused) {
            throw away("privacy", refused);
        }
    }

    private void remember(DataSubjectRequest now) {
        jdbc.sql("""
                        UPDATE portal_privacy_request
                        SET status = :status, due_at = :due, completed_at = :completed, resolution = :resolution
                        WHERE request_id = :id
                        """)
                .param("status", now.status() == null ? OPEN : now.status())
                .param("due", timestamp(now.dueAt()))
                .param("completed", timestamp(now.completedAt()))
                .param("resolution", now.resolution())
                .param("id", now.id())
                .update();
    }

    private List<Filed> openOfType(UUID org, List<UUID> records, String type) {
        return jdbc.sql("""
                        SELECT * FROM portal_privacy_request
                        WHERE organization_id = :org AND candidate_id = ANY(:ids) AND type = :type AND status = 'OPEN'
                        """)
                .param("org", org)
                .param("ids", records.toArray(UUID[]::new))
                .param("type", type)
                .query(PortalPrivacy::filed)
                .list();
    }

    static String type(String type) {
        if (type == null || type.isBlank()) {
            throw DomainException.invalidField("type", "is required: ACCESS, ERASURE, RECTIFICATION or RESTRICTION");
        }
        String wanted = type.strip().toUpperCase(Locale.ROOT);
        if (!TYPES.contains(wanted)) {
            throw DomainException.invalidField("type", "must be ACCESS, ERASURE, RECTIFICATION or RESTRICTION");
        }
        return wanted;
    }

    static String details(String type, String details) {
        if (details != null && details.length() > MAX_DETAILS) {
            throw DomainException.invalidField("details", "must be at most " + MAX_DETAILS + " characters");
        }
        String text = details == null || details.isBlank() ? null : details.strip();
        if (text == null && type.equals("RECTIFICATION")) {
            // a correction nobody can carry out without knowing what is wrong
            throw DomainException.invalidField("details", "is required for a correction: say what is wrong");
        }
        return text;
    }

    /** The record's name, for the admins to read (never used to find anyone); privacy takes up to 200 characters. */
    static String name(Candidates.Stored me) {
        String name = me.value("name");
        if (name == null || name.isBlank()) {
            return null;
        }
        String stripped = name.strip();
        return stripped.length() > MAX_NAME ? stripped.substring(0, MAX_NAME) : stripped;
    }

    /**
     * The phone number on the record in international form ({@code +4930901820}), or null: when there is none,
     * when it is not written internationally (privacy would refuse it), or when it also leads to someone else's
     * record (it is not verified: an erasure would reach them).
     */
    private String phone(UUID org, Candidates.Stored me, List<UUID> records) {
        String phone = international(me.value("phone"));
        if (phone == null) {
            return null;
        }
        if (!records.containsAll(subjects.recordsFound(org, List.of(), List.of(phone)))) {
            log.info("A candidate's phone number is also on another record: their request goes with the email only");
            return null;
        }
        return phone;
    }

    static String international(String phone) {
        if (phone == null) {
            return null;
        }
        String compact = phone.replaceAll("[\\s().\\-/]", "");
        if (compact.startsWith("00")) {
            compact = "+" + compact.substring(2);
        }
        return compact.matches("\\+[1-9][0-9]{6,14}") ? compact : null;
    }

    // ---- who looked

    /**
     * The organisation's reads of the candidate's file (their records and resumes), newest first: when, what, and
     * "a member of Acme's team" — a colleague's name or id is theirs, not the candidate's. Reads by the candidate
     * themself and entries of other kinds are left out. The audit log unreachable: 503.
     */
    public List<PortalFileView> views(AuthenticatedUser caller) {
        Candidates.Stored me = portal.me(caller);
        UUID org = caller.organizationId();
        List<AuditEntry> entries = new ArrayList<>();
        try {
            serviceAccount.onBehalfOf(org, () -> {
                for (UUID record : records(me)) {
                    entries.addAll(entriesOf("candidate", record));
                }
                for (Candidates.Resume resume : me.resumes()) {
                    entries.addAll(entriesOf("resume", resume.resumeId()));
                }
            });
        } catch (RestClientResponseException refused) {
            throw away("audit", refused);
        }
        String organisation = possessive(organisationName(caller));
        String self = caller.actor();
        return entries.stream()
                .filter(e -> READS.containsKey(e.action()) && "SUCCESS".equals(e.result()))
                .filter(e -> e.actor() != null && !e.actor().equals(self))
                .filter(e -> e.actor().startsWith("user:") || e.actor().startsWith("api-key:"))
                .sorted(Comparator.comparing(AuditEntry::occurredAt)
                        .thenComparing(AuditEntry::position)
                        .reversed())
                .limit(MAX_VIEWS)
                .map(e -> new PortalFileView(
                        e.occurredAt(),
                        READS.get(e.action()),
                        e.actor().startsWith("user:")
                                ? "a member of " + organisation + " team"
                                : "a tool used by " + organisation + " team"))
                .toList();
    }

    private List<AuditEntry> entriesOf(String resourceType, UUID id) {
        return audit.entries(null, null, resourceType, id.toString(), null, null, null, ENTRIES_PER_RECORD)
                .entries();
    }

    /** The organisation's name, as identity shows the candidate's account; "the organisation" when it cannot. */
    private String organisationName(AuthenticatedUser caller) {
        try {
            UserProfile account = identity.user(caller.userId());
            if (account.organization() != null
                    && account.organization().name() != null
                    && !account.organization().name().isBlank()) {
                return account.organization().name().strip();
            }
        } catch (RestClientResponseException | DomainException e) {
            log.info(
                    "The organisation's name could not be read for a candidate ({})",
                    e.getClass().getSimpleName());
        }
        return "the organisation";
    }

    static String possessive(String name) {
        return name.endsWith("s") ? name + "'" : name + "'s";
    }

    // ---- shared

    /**
     * The candidate's identity account, asked with their own token (identity shows a user themself): its address
     * is the one their sign-in link went to.
     */
    private UserProfile account(AuthenticatedUser caller) {
        try {
            return identity.user(caller.userId());
        } catch (RestClientResponseException refused) {
            throw away("identity", refused);
        }
    }

    /** The candidate's record and the ones merged into it: a merge keeps the duplicate's id (and its history). */
    private List<UUID> records(Candidates.Stored me) {
        return jdbc.sql("""
                        SELECT id FROM candidate
                        WHERE organization_id = :org AND (id = :id OR merged_into = :id) ORDER BY created_at, id
                        """)
                .param("org", me.organizationId())
                .param("id", me.id())
                .query(UUID.class)
                .list();
    }

    /** Another service answered with an error the candidate can do nothing about: a 503, its status logged only. */
    private static DomainException away(String service, RestClientResponseException refused) {
        log.warn(
                "{} answered {} to the candidate portal",
                service,
                refused.getStatusCode().value());
        return DomainException.unavailable(
                "dependency-unavailable", "The " + service + " service could not answer just now. Try again shortly.");
    }

    private PortalPrivacyRequest view(DataSubjectRequest request) {
        return new PortalPrivacyRequest(
                request.id(),
                request.type(),
                request.status(),
                request.receivedAt(),
                request.dueAt(),
                request.completedAt(),
                request.overdue(),
                request.resolution(),
                false);
    }

    private PortalPrivacyRequest view(Filed request, boolean stale) {
        boolean overdue = OPEN.equals(request.status())
                && request.dueAt() != null
                && request.dueAt().isBefore(clock.instant());
        return new PortalPrivacyRequest(
                request.requestId(),
                request.type(),
                request.status(),
                request.filedAt(),
                request.dueAt(),
                request.completedAt(),
                overdue,
                request.resolution(),
                stale);
    }

    private static Filed filed(ResultSet rs, int row) throws SQLException {
        return new Filed(
                rs.getObject("request_id", UUID.class),
                rs.getString("type"),
                rs.getTimestamp("filed_at").toInstant(),
                rs.getString("status"),
                instant(rs.getTimestamp("due_at")),
                instant(rs.getTimestamp("completed_at")),
                rs.getString("resolution"));
    }

    private static Instant instant(Timestamp at) {
        return at == null ? null : at.toInstant();
    }

    private static Timestamp timestamp(Instant at) {
        return at == null ? null : Timestamp.from(at);
    }
}

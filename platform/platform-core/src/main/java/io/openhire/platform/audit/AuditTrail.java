package io.openhire.platform.audit;

import io.openhire.platform.events.Outbox;
import io.openhire.platform.security.AuthenticatedUser;
import io.openhire.platform.security.CurrentUser;
import io.openhire.platform.web.RequestIdFilter;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.UUID;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Writes to the audit log: the caller of the current request did {@code action} on a record. The entry goes
 * through the service's outbox — a change in the caller's transaction when there is one (it commits with the change,
 * or not at all), a read in one of its own — so a recorded action is never lost when Kafka or the audit service is
 * away. Entries of one organisation keep their order (the organisation is the Kafka key).
 *
 * <pre>{@code
 * audit.read("resume.downloaded", "resume", resumeId);      // a person's read of personal data
 * audit.record("candidate.merged", "candidate", candidateId); // a change, inside its transaction
 * }</pre>
 */
public class AuditTrail {

    private final Outbox outbox;
    private final TransactionTemplate transactions;
    private final TransactionTemplate ownTransactions;
    private final Clock clock;
    private final String service;

    public AuditTrail(Outbox outbox, PlatformTransactionManager transactionManager, Clock clock, String service) {
        this.outbox = outbox;
        this.transactions = new TransactionTemplate(transactionManager);
        this.ownTransactions = new TransactionTemplate(transactionManager);
        // a read is recorded even when it is served inside a read-only transaction, which could not write it
        this.ownTransactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
        this.service = service;
    }

    /**
     * A person's (or an API key's) read of personal data. Reads by OpenHire's own services (indexing a parsed
     * resume, say) are the platform processing what it holds, not somebody looking, and are not recorded.
     */
    public void read(String action, String resourceType, Object resourceId) {
        AuthenticatedUser caller = CurrentUser.get();
        if (caller.kind() != AuthenticatedUser.Kind.SERVICE) {
            AuditRecorded entry = entry(caller, action, resourceType, resourceId, AuditRecorded.Result.SUCCESS);
            ownTransactions.executeWithoutResult(status -> publish(entry));
        }
    }

    /** Something the caller of the current request did, successfully. */
    public void record(String action, String resourceType, Object resourceId) {
        record(CurrentUser.get(), action, resourceType, resourceId, AuditRecorded.Result.SUCCESS);
    }

    /** Something {@code caller} did (or tried), in its organisation. */
    public void record(
            AuthenticatedUser caller,
            String action,
            String resourceType,
            Object resourceId,
            AuditRecorded.Result result) {
        AuditRecorded entry = entry(caller, action, resourceType, resourceId, result);
        transactions.executeWithoutResult(status -> publish(entry));
    }

    private AuditRecorded entry(
            AuthenticatedUser caller,
            String action,
            String resourceType,
            Object resourceId,
            AuditRecorded.Result result) {
        return new AuditRecorded(
                UUID.randomUUID(),
                caller.organizationId(),
                caller.actor(),
                action,
                resourceType,
                resourceId == null ? null : resourceId.toString(),
                result,
                clientAddress(),
                RequestIdFilter.current(),
                service,
                clock.instant());
    }

    private void publish(AuditRecorded entry) {
        outbox.publish(AuditRecorded.TOPIC, entry.organizationId().toString(), entry, entry.organizationId());
    }

    /**
     * The caller's address: the last {@code X-Forwarded-For} entry, which the gateway appends (it decided what to
     * believe of a proxy in front of it), else the connection's; null outside a request.
     */
    static String clientAddress() {
        if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
            return null;
        }
        HttpServletRequest request = attributes.getRequest();
        String forwarded = request.getHeader("X-Forwarded-For");
        if (forwarded != null && !forwarded.isBlank()) {
            String[] hops = forwarded.split(",");
            String last = hops[hops.length - 1].strip();
            if (last.matches("[0-9A-Fa-f.:]{2,45}")) {
                return last;
            }
        }
        return request.getRemoteAddr();
    }
}

package io.openhire.applications.portal;

import io.openhire.communication.client.CommunicationApi;
import io.openhire.communication.client.MessageKind;
import io.openhire.communication.client.SendRequest;
import io.openhire.communication.events.Channel;
import io.openhire.identity.client.IdentityApi;
import io.openhire.identity.client.SignInLink;
import io.openhire.identity.client.SignInLinkRequest;
import io.openhire.platform.http.ServiceAccount;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;

/**
 * Mails the sign-in links candidates asked for. The request was written with the form (none lost to a crash); the
 * link itself is asked of identity only now, so its secret is never stored here. Identity or communication away:
 * again after 5 s, 10 s, … at most hourly (each try a new link: an old one simply expires). Refused (a staff
 * address, a suppressed mailbox): recorded, final.
 */
@Component
class SignInMailer {

    private static final Logger log = LoggerFactory.getLogger(SignInMailer.class);
    private static final Duration MAX_BACKOFF = Duration.ofHours(1);

    private final JdbcClient jdbc;
    private final IdentityApi identity;
    private final CommunicationApi communication;
    private final ServiceAccount serviceAccount;
    private final Clock clock;
    private final String publicUrl;

    SignInMailer(
            JdbcClient jdbc,
            IdentityApi identity,
            CommunicationApi communication,
            ServiceAccount serviceAccount,
            Clock clock,
            @Value("${openhire.applications.public-url:http://localhost:8080}") String publicUrl) {
        this.jdbc = jdbc;
        this.identity = identity;
        this.communication = communication;
        this.serviceAccount = serviceAccount;
        this.clock = clock;
        this.publicUrl = publicUrl.replaceAll("/+$", "");
    }

    private record Due(UUID id, UUID organizationId, UUID candidateId, String to, String name, int attempts) {}

    @Scheduled(fixedDelayString = "${openhire.applications.confirmations-every:PT5S}")
    void sendDue() {
        List<Due> due = jdbc.sql("""
                        SELECT r.*, c.name FROM sign_in_request r JOIN candidate c ON c.id = r.candidate_id
                        WHERE r.sent_at IS NULL AND r.failed_at IS NULL AND r.due_at <= :now ORDER BY r.due_at LIMIT 20
                        """)
                .param("now", Timestamp.from(clock.instant()))
                .query((rs, i) -> new Due(
                        rs.getObject("id", UUID.class),
                        rs.getObject("organization_id", UUID.class),
                        rs.getObject("candidate_id", UUID.class),
                        rs.getString("to_address"),
                        rs.getString("name"),
                        rs.getInt("attempts")))
                .list();
        for (Due request : due) {
            send(request);
        }
    }

    private void send(Due due) {
        Instant now = clock.instant();
        try {
            SignInLink link = serviceAccount.onBehalfOf(
                    due.organizationId(), () -> identity.signInLink(new SignInLinkRequest(due.to(), due.name())));
            // The account the link opens is this candidate's (again, should a merge have moved them).
            jdbc.sql("""
                            INSERT INTO portal_account (user_id, organization_id, candidate_id, created_at)
                            VALUES (:user, :org, :candidate, :now)
                            ON CONFLICT (user_id) DO UPDATE SET candidate_id = EXCLUDED.candidate_id
                            """)
                    .param("user", link.userId())
                    .param("org", due.organizationId())
                    .param("candidate", due.candidateId())
                    .param("now", Timestamp.from(now))
                    .update();
            String url = publicUrl + "/portal/sign-in?token=" + URLEncoder.encode(link.token(), StandardCharsets.UTF_8);
            String greeting = due.name() == null || due.name().isBlank() ? "Hello" : "Hello " + due.name();
            SendRequest email = new SendRequest(
                    Channel.EMAIL,
                    null,
                    due.to(),
                    null,
                    "Your sign-in link",
                    greeting + ",\n\nfollow this link within 30 minutes to see your applications and your data:\n\n"
                            + url + "\n\nThe link works once. If you did not ask for it, ignore this email.\n",
                    null,
                    Map.of(),
                    MessageKind.TRANSACTIONAL);
            serviceAccount.onBehalfOf(
                    due.organizationId(), () -> communication.send("portal-sign-in:" + due.id(), email));
            jdbc.sql("UPDATE sign_in_request SET sent_at = :now WHERE id = :id")
                    .param("now", Timestamp.from(now))
                    .param("id", due.id())
                    .update();
        } catch (HttpClientErrorException refused) {
            jdbc.sql("UPDATE sign_in_request SET failed_at = :now, last_error = :error WHERE id = :id")
                    .param("now", Timestamp.from(now))
                    .param("error", refused.getStatusCode().value() + " " + refused.getStatusText())
                    .param("id", due.id())
                    .update();
            log.info(
                    "A candidate's sign-in link was refused ({}): not retried",
                    refused.getStatusCode().value());
        } catch (RuntimeException away) {
            Duration wait = Duration.ofSeconds(5L << Math.min(due.attempts(), 10));
            jdbc.sql("""
                            UPDATE sign_in_request SET attempts = attempts + 1, due_at = :due, last_error = :error
                            WHERE id = :id
                            """)
                    .param("due", Timestamp.from(now.plus(wait.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : wait)))
                    .param("error", away.getClass().getSimpleName())
                    .param("id", due.id())
                    .update();
            log.warn(
                    "A candidate's sign-in link could not be sent ({}); tried again later",
                    away.getClass().getSimpleName());
        }
    }
}

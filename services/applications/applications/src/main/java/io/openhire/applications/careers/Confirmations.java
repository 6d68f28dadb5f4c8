package io.openhire.applications.careers;

import io.openhire.communication.client.CommunicationApi;
import io.openhire.communication.client.MessageKind;
import io.openhire.communication.client.SendRequest;
import io.openhire.communication.events.Channel;
import io.openhire.platform.http.ServiceAccount;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;

/**
 * Sends each applicant their confirmation through communication: the row was written with the application, so
 * none is lost to a crash; its application id is the Idempotency-Key, so a retry is the same email. Communication
 * away: again after 5 s, 10 s, … at most hourly; refused (an unusable or suppressed address): recorded, final.
 */
@Component
class Confirmations {

    private static final Logger log = LoggerFactory.getLogger(Confirmations.class);
    private static final Duration MAX_BACKOFF = Duration.ofHours(1);

    private final JdbcClient jdbc;
    private final CommunicationApi communication;
    private final ServiceAccount serviceAccount;
    private final Clock clock;
    private final String publicUrl;

    Confirmations(
            JdbcClient jdbc,
            CommunicationApi communication,
            ServiceAccount serviceAccount,
            Clock clock,
            @org.springframework.beans.factory.annotation.Value(
                            "${openhire.applications.public-url:http://localhost:8080}")
                    String publicUrl) {
        this.jdbc = jdbc;
        this.communication = communication;
        this.serviceAccount = serviceAccount;
        this.clock = clock;
        this.publicUrl = publicUrl.replaceAll("/+$", "");
    }

    private record Due(
            UUID applicationId, UUID organizationId, String to, String jobTitle, String name, int attempts) {}

    @Scheduled(fixedDelayString = "${openhire.applications.confirmations-every:PT5S}")
    void sendDue() {
        List<Due> due = jdbc.sql("""
                        SELECT * FROM applicant_confirmation
                        WHERE sent_at IS NULL AND failed_at IS NULL AND due_at <= :now ORDER BY due_at LIMIT 20
                        """)
                .param("now", Timestamp.from(clock.instant()))
                .query((rs, i) -> new Due(
                        rs.getObject("application_id", UUID.class),
                        rs.getObject("organization_id", UUID.class),
                        rs.getString("to_address"),
                        rs.getString("job_title"),
                        rs.getString("applicant_name"),
                        rs.getInt("attempts")))
                .list();
        for (Due confirmation : due) {
            send(confirmation);
        }
    }

    private void send(Due due) {
        String job = due.jobTitle() == null ? "the job" : due.jobTitle();
        SendRequest email = new SendRequest(
                Channel.EMAIL,
                null,
                due.to(),
                null,
                "We received your application: " + job,
                "Hello " + due.name() + ",\n\nthank you for applying for " + job
                        + ". We have your application and will come back to you.\n\nSee where it stands, what we read from"
                        + " your resume, or your data, at any time: " + publicUrl + "/careers/" + due.organizationId()
                        + "/sign-in\n",
                null,
                Map.of(),
                MessageKind.TRANSACTIONAL);
        Instant now = clock.instant();
        try {
            serviceAccount.onBehalfOf(
                    due.organizationId(),
                    () -> communication.send("application-confirmation:" + due.applicationId(), email));
            jdbc.sql("UPDATE applicant_confirmation SET sent_at = :now WHERE application_id = :id")
                    .param("now", Timestamp.from(now))
                    .param("id", due.applicationId())
                    .update();
        } catch (HttpClientErrorException refused) {
            jdbc.sql("""
                            UPDATE applicant_confirmation SET failed_at = :now, last_error = :error
                            WHERE application_id = :id
                            """)
                    .param("now", Timestamp.from(now))
                    .param("error", refused.getStatusCode().value() + " " + refused.getStatusText())
                    .param("id", due.applicationId())
                    .update();
            log.info(
                    "An applicant's confirmation was refused by communication ({}): not retried",
                    refused.getStatusCode().value());
        } catch (RuntimeException away) {
            Duration wait = Duration.ofSeconds(5L << Math.min(due.attempts(), 10));
            jdbc.sql("""
                            UPDATE applicant_confirmation SET attempts = attempts + 1, due_at = :due, last_error = :error
                            WHERE application_id = :id
                            """)
                    .param("due", Timestamp.from(now.plus(wait.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : wait)))
                    .param("error", away.getClass().getSimpleName())
                    .param("id", due.applicationId())
                    .update();
            log.warn(
                    "An applicant's confirmation could not be handed to communication ({}); retried later",
                    away.getClass().getSimpleName());
        }
    }
}

package io.openhire.privacy.client;

import io.openhire.platform.events.ProcessedEvents;
import io.openhire.platform.http.ServiceAccount;
import io.openhire.privacy.events.DataSubjectRequestOpened;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.client.HttpClientErrorException;

/**
 * Answers {@code privacy.request-opened.v1} for one service around its {@link DataSubjectHandler}: reads the
 * subject from the privacy service (nothing if the request has closed since), gathers the person's data or erases
 * it, and sends the answer; the event counts as handled only once the answer was taken, so a failure on the way
 * (privacy or the database away) is retried with the event. A service joins by having a {@link DataSubjectHandler}
 * bean: {@link DataSubjectRequestsAutoConfiguration} then makes this listener for it.
 */
public class DataSubjectRequestListener {

    private static final Logger log = LoggerFactory.getLogger(DataSubjectRequestListener.class);
    private static final String CONSUMER = "answer-data-subject-request";

    private final String service;
    private final DataSubjectHandler handler;
    private final PrivacyApi privacy;
    private final ServiceAccount account;
    private final ProcessedEvents processed;
    private final TransactionTemplate transactions;
    private final JdbcClient jdbc;

    public DataSubjectRequestListener(
            String service,
            DataSubjectHandler handler,
            PrivacyApi privacy,
            ServiceAccount account,
            ProcessedEvents processed,
            TransactionTemplate transactions,
            JdbcClient jdbc) {
        this.service = service;
        this.handler = handler;
        this.privacy = privacy;
        this.account = account;
        this.processed = processed;
        this.transactions = transactions;
        this.jdbc = jdbc;
    }

    @KafkaListener(topics = DataSubjectRequestOpened.TOPIC)
    void opened(ConsumerRecord<String, String> record) {
        if (processed.handledBefore(CONSUMER, record)) {
            return;
        }
        DataSubjectRequestOpened request = processed.read(record, DataSubjectRequestOpened.class);
        Optional<DataSubject> subject = subject(request);
        if (subject.isPresent()) {
            SubjectAnswer answer = answer(request, subject.get());
            account.onBehalfOf(request.organizationId(), () -> privacy.answer(request.requestId(), service, answer));
            log.info(
                    "Answered data-subject request {} ({}): {} records, {} remaining",
                    request.requestId(),
                    request.type(),
                    answer.records(),
                    answer.remaining());
        }
        processed.handleOnce(CONSUMER, record, () -> {});
    }

    /**
     * The service's outbox keeps published events a week for inspection, and an event may carry the person (a parsed
     * profile, a message): the organisation's published rows that mention them go with the erasure. Rows not yet
     * published stay — they are what tells other services of the deletions.
     */
    private void purgePublishedEvents(java.util.UUID organizationId, DataSubject subject) {
        String[] emails = SubjectSql.emails(subject).stream()
                .filter(e -> !e.equals(SubjectSql.NONE))
                .map(e -> "%" + e + "%")
                .toArray(String[]::new);
        String[] phones = SubjectSql.phoneTails(subject).stream()
                .filter(p -> !p.equals(SubjectSql.NONE))
                .map(p -> "%" + p + "%")
                .toArray(String[]::new);
        if (emails.length == 0 && phones.length == 0) {
            return;
        }
        int purged = jdbc.sql("""
                        DELETE FROM outbox_event
                        WHERE organization_id = :org AND published_at IS NOT NULL
                          AND (lower(payload) LIKE ANY (CAST(:emails AS text[]))
                               OR regexp_replace(payload, '\\D', '', 'g') LIKE ANY (CAST(:phones AS text[])))
                        """)
                .param("org", organizationId)
                .param("emails", emails)
                .param("phones", phones)
                .update();
        if (purged > 0) {
            log.info("Purged {} published events that mentioned the subject of a request", purged);
        }
    }

    private Optional<DataSubject> subject(DataSubjectRequestOpened request) {
        try {
            return Optional.of(
                    account.onBehalfOf(request.organizationId(), () -> privacy.subject(request.requestId())));
        } catch (HttpClientErrorException.Gone | HttpClientErrorException.NotFound closed) {
            // completed (or withdrawn) since it was sent: the subject is no longer given out, nothing to do
            return Optional.empty();
        }
    }

    private SubjectAnswer answer(DataSubjectRequestOpened request, DataSubject subject) {
        return switch (request.type()) {
            case ACCESS -> handler.access(request.organizationId(), subject);
            case ERASURE ->
                transactions.execute(status -> {
                    int erased = handler.erase(request.organizationId(), subject);
                    purgePublishedEvents(request.organizationId(), subject);
                    return SubjectAnswer.erased(erased, handler.count(request.organizationId(), subject));
                });
        };
    }
}

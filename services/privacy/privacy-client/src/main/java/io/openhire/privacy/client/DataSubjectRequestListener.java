package io.openhire.privacy.client;

import io.openhire.platform.events.ProcessedEvents;
import io.openhire.platform.http.ServiceAccount;
import io.openhire.privacy.events.DataSubjectRequestOpened;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.client.HttpClientErrorException;

/**
 * Answers {@code privacy.request-opened.v1} for one service around its {@link DataSubjectHandler}: reads the
 * subject from the privacy service (nothing if the request has closed since), gathers the person's data or erases
 * it, and sends the answer; the event counts as handled only once the answer was taken, so a failure on the way
 * (privacy or the database away) is retried with the event. A service joins with one bean:
 *
 * <pre>{@code
 * @Bean
 * DataSubjectRequestListener dataSubjectRequests(DataSubjectHandler handler, ServiceClients clients,
 *         ServiceAccount account, ProcessedEvents processed, TransactionTemplate transactions) {
 *     return new DataSubjectRequestListener("applications", handler, clients.create(PrivacyApi.class, "privacy"),
 *             account, processed, transactions);
 * }
 * }</pre>
 *
 * and {@code openhire.clients.services.privacy.url} in its defaults; the privacy service lists it among the
 * services whose answer completes a request ({@code openhire.privacy.participants}).
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

    public DataSubjectRequestListener(
            String service,
            DataSubjectHandler handler,
            PrivacyApi privacy,
            ServiceAccount account,
            ProcessedEvents processed,
            TransactionTemplate transactions) {
        this.service = service;
        this.handler = handler;
        this.privacy = privacy;
        this.account = account;
        this.processed = processed;
        this.transactions = transactions;
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
                    return SubjectAnswer.erased(erased, handler.count(request.organizationId(), subject));
                });
        };
    }
}

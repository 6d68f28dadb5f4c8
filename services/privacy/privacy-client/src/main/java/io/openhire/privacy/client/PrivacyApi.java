package io.openhire.privacy.client;

import java.util.UUID;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.PostExchange;
import org.springframework.web.service.annotation.PutExchange;

/**
 * The privacy service's detector and anonymiser, as an HTTP interface for {@code ServiceClients}:
 *
 * <pre>{@code
 * PrivacyApi privacy = serviceClients.create(PrivacyApi.class, "privacy");
 * AnonymizeResult clean = privacy.anonymize(new AnonymizeRequest(text, null, null, Map.of()));
 * }</pre>
 */
public interface PrivacyApi {

    @PostExchange("/api/v1/privacy/analyze")
    AnalyzeResult analyze(@RequestBody AnalyzeRequest request);

    @PostExchange("/api/v1/privacy/anonymize")
    AnonymizeResult anonymize(@RequestBody AnonymizeRequest request);

    @PostExchange("/api/v1/privacy/deanonymize")
    DeanonymizeResult deanonymize(@RequestBody DeanonymizeRequest request);

    /** The person an open data-subject request is about (services only); 410 once it has closed. */
    @GetExchange("/api/v1/privacy/requests/{id}/subject")
    DataSubject subject(@PathVariable UUID id);

    /** A service's answer to a data-subject request (services only; {@code service} must be the caller). */
    @PutExchange("/api/v1/privacy/requests/{id}/answers/{service}")
    void answer(@PathVariable UUID id, @PathVariable String service, @RequestBody SubjectAnswer answer);
}

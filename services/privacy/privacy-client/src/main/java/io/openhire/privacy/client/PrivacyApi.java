package io.openhire.privacy.client;

import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.service.annotation.PostExchange;

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
}

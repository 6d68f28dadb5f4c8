package io.openhire.privacy.client;

import java.util.List;
import java.util.UUID;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
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

    /**
     * A PDF or Word (.docx) document without its personal data, in its own format (admins, recruiters); the
     * file part needs a file name. 415 for another format, 422 for one that cannot be read.
     */
    @PostExchange(value = "/api/v1/privacy/anonymize/document", contentType = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<byte[]> anonymizeDocument(@RequestPart("file") Resource file);

    @PostExchange("/api/v1/privacy/deanonymize")
    DeanonymizeResult deanonymize(@RequestBody DeanonymizeRequest request);

    /** Files a person's request (admins). */
    @PostExchange("/api/v1/privacy/requests")
    DataSubjectRequest file(@RequestBody NewDataSubjectRequest request);

    /** The organisation's requests, newest first; {@code status} OPEN, COMPLETED or REJECTED (optional). */
    @GetExchange("/api/v1/privacy/requests")
    List<DataSubjectRequest> requests(
            @RequestParam(required = false) String status, @RequestParam(required = false) Integer limit);

    @GetExchange("/api/v1/privacy/requests/{id}")
    DataSubjectRequest request(@PathVariable UUID id);

    /** Sends an open access or erasure request to the services again. */
    @PostExchange("/api/v1/privacy/requests/{id}/resend")
    DataSubjectRequest resend(@PathVariable UUID id);

    /** A rectification or restriction carried out, with what was done. */
    @PostExchange("/api/v1/privacy/requests/{id}/complete")
    DataSubjectRequest complete(@PathVariable UUID id, @RequestBody CloseRequest body);

    /** A request refused, with why. */
    @PostExchange("/api/v1/privacy/requests/{id}/reject")
    DataSubjectRequest reject(@PathVariable UUID id, @RequestBody CloseRequest body);

    /** A completed access request's export: a zip of data.json and the person's files. */
    @GetExchange("/api/v1/privacy/requests/{id}/export")
    ResponseEntity<byte[]> export(@PathVariable UUID id);

    /** The organisation's retention rule (admins). */
    @GetExchange("/api/v1/privacy/retention")
    RetentionRule retention();

    @PutExchange("/api/v1/privacy/retention")
    RetentionRule setRetention(@RequestBody RetentionRuleUpdate update);

    /** Runs the rule now (admins); the run's report. */
    @PostExchange("/api/v1/privacy/retention/run")
    RetentionRun runRetention();

    /** The rule's recent runs, newest first. */
    @GetExchange("/api/v1/privacy/retention/runs")
    List<RetentionRun> retentionRuns();

    /** The person an open data-subject request is about (services only); 410 once it has closed. */
    @GetExchange("/api/v1/privacy/requests/{id}/subject")
    DataSubject subject(@PathVariable UUID id);

    /** A service's answer to a data-subject request (services only; {@code service} must be the caller). */
    @PutExchange("/api/v1/privacy/requests/{id}/answers/{service}")
    void answer(@PathVariable UUID id, @PathVariable String service, @RequestBody SubjectAnswer answer);
}

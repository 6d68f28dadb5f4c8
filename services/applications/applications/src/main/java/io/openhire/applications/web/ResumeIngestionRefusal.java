package io.openhire.applications.web;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.HttpClientErrorException;

/**
 * resume-ingestion refused a file this service passed on (type, size, hostile content): its problem detail, as it
 * said it, is the answer (the career site's applications and the candidate portal's uploads).
 */
public final class ResumeIngestionRefusal {

    private ResumeIngestionRefusal() {}

    public static ResponseEntity<String> asAnswered(HttpClientErrorException refused) {
        return ResponseEntity.status(refused.getStatusCode())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(refused.getResponseBodyAsString());
    }
}

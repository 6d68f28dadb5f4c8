package io.openhire.applications.client;

import java.time.Instant;
import java.util.List;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.GetExchange;

/** The candidates a retention rule reaches, for the privacy service (services only). */
public interface RetentionApi {

    /**
     * Candidates of the caller's organisation inactive since before {@code before} who can be found by email or
     * phone, oldest activity first, at most {@code limit} (1–1,000); those who consented to be kept in the talent
     * pool (a TALENT_POOL consent not withdrawn) are not among them.
     */
    @GetExchange("/api/v1/candidates/inactive")
    List<InactiveCandidate> inactive(@RequestParam Instant before, @RequestParam(required = false) Integer limit);
}

package io.openhire.dashboard.api;

import java.util.Map;
import java.util.UUID;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.PostExchange;

/** resume-ingestion: uploads, the list, one resume with its status. */
public interface ResumesApi {

    @PostExchange(url = "/api/v1/resumes/upload", contentType = "multipart/form-data")
    Map<String, Object> upload(@RequestBody MultiValueMap<String, ?> parts);

    /** {@code query}: status, source, page, size. */
    @GetExchange("/api/v1/resumes")
    Map<String, Object> resumes(@RequestParam MultiValueMap<String, String> query);

    /** The resume with its status and, once parsed, its profile. */
    @GetExchange("/api/v1/resumes/{id}")
    Map<String, Object> resume(@PathVariable UUID id);

    /** The original file as uploaded. */
    @GetExchange("/api/v1/resumes/{id}/original")
    org.springframework.http.ResponseEntity<byte[]> original(@PathVariable UUID id);
}

package io.openhire.matching.profiles;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.service.annotation.GetExchange;
import tools.jackson.databind.JsonNode;

/** resume-processing's profile API: the parsed profile and, on request, the extracted text. */
public interface ResumeProcessingApi {

    @GetExchange("/api/v1/resumes/{id}/profile?include=text")
    JsonNode profileWithText(@PathVariable String id);
}

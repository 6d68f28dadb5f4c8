package io.openhire.resumeingestion.intake;

import java.util.UUID;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.service.annotation.GetExchange;
import tools.jackson.databind.JsonNode;

/** resume-processing's profile of a resume, shown with the resume once it is parsed. */
public interface ProcessingApi {

    @GetExchange("/api/v1/resumes/{id}/profile")
    JsonNode profile(@PathVariable UUID id);
}

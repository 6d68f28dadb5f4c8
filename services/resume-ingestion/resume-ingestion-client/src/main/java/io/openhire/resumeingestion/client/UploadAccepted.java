package io.openhire.resumeingestion.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.UUID;

/**
 * An uploaded file, taken in.
 *
 * @param duplicate true when the same file was already here: {@code id} is that resume, nothing new was stored
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UploadAccepted(UUID id, ResumeStatus status, boolean duplicate) {}

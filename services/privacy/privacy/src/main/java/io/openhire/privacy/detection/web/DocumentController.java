package io.openhire.privacy.detection.web;

import io.openhire.pii.Anonymizer;
import io.openhire.pii.PiiType;
import io.openhire.platform.security.AuthenticatedUser;
import io.openhire.platform.web.ProblemException;
import io.openhire.privacy.client.OperatorSpec;
import io.openhire.privacy.documents.DocumentRedactor;
import io.openhire.privacy.documents.RedactedDocument;
import io.openhire.privacy.documents.UnreadableDocumentException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;

/**
 * {@code POST /api/v1/privacy/anonymize/document}: a PDF or Word resume without its personal data, for sharing
 * a candidate blind (with a client, a hiring panel). Multipart: {@code file}; optional {@code entities}
 * (comma-separated types, all when absent), {@code scoreThreshold}, and {@code operator} — what the personal
 * data becomes in a Word document (replace, the default, redact, mask, hash or pseudonymise); a PDF's is
 * blacked out. The answer is the new file; headers say what was taken out. The caller's file name is not
 * echoed: it is often the candidate's name.
 */
@RestController
@RequestMapping("/api/v1/privacy")
class DocumentController {

    static final String FOUND_HEADER = "X-OpenHire-Anonymised";
    static final String PICTURES_HEADER = "X-OpenHire-Pictures-Blanked";
    static final String PAGES_WITHOUT_TEXT_HEADER = "X-OpenHire-Pages-Without-Text";

    private final DocumentRedactor redactor;
    private final Operators operators;

    DocumentController(DocumentRedactor redactor, Operators operators) {
        this.redactor = redactor;
        this.operators = operators;
    }

    /** The request is taken whole and read after the role check, so a non-recruiter hears 403, not a 400. */
    @PostMapping(value = "/anonymize/document", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasAnyRole('ADMIN', 'RECRUITER')")
    ResponseEntity<byte[]> anonymizeDocument(AuthenticatedUser caller, MultipartHttpServletRequest request) {
        MultipartFile file = request.getFile("file");
        if (file == null || file.isEmpty()) {
            throw ProblemException.invalidField("file", "a PDF or Word document (.docx) is required");
        }
        Set<PiiType> types = DetectionController.types(entities(request.getParameter("entities")));
        double threshold = DetectionController.threshold(number(request.getParameter("scoreThreshold")));
        String operatorName = request.getParameter("operator");
        Anonymizer.Operator operator = operatorName == null || operatorName.isBlank()
                ? new Anonymizer.Replace(null)
                : operators.parse(
                        caller.organizationId(), "operator", new OperatorSpec(operatorName, null, null, null));

        RedactedDocument redacted;
        try {
            redacted = redactor.redact(file.getBytes(), types, threshold, Map.of(), operator);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (UnreadableDocumentException e) {
            throw e.isUnsupportedFormat()
                    ? new ProblemException(
                            HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                            "unsupported-document",
                            "Unsupported document",
                            "The document " + e.getMessage())
                    : new ProblemException(
                            HttpStatus.UNPROCESSABLE_CONTENT,
                            "unreadable-document",
                            "Unreadable document",
                            "The document " + e.getMessage());
        }
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(redacted.mediaType()))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("anonymised." + redacted.extension())
                                .build()
                                .toString())
                .header(FOUND_HEADER, found(redacted.found()))
                .header(PICTURES_HEADER, Integer.toString(redacted.pictures()))
                .header(PAGES_WITHOUT_TEXT_HEADER, Integer.toString(redacted.pagesWithoutText()))
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(redacted.content());
    }

    /** "PERSON=3, EMAIL_ADDRESS=1", or "none". */
    private static String found(Map<PiiType, Integer> found) {
        return found.isEmpty()
                ? "none"
                : found.entrySet().stream()
                        .map(e -> e.getKey().name() + "=" + e.getValue())
                        .collect(Collectors.joining(", "));
    }

    private static List<String> entities(String entities) {
        return entities == null || entities.isBlank()
                ? List.of()
                : Arrays.stream(entities.split(","))
                        .map(String::strip)
                        .filter(s -> !s.isEmpty())
                        .toList();
    }

    private static Double number(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Double.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw ProblemException.invalidField("scoreThreshold", "must be a number from 0 to 1");
        }
    }
}

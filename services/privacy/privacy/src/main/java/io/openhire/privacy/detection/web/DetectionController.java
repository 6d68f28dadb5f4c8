package io.openhire.privacy.detection.web;

import io.openhire.pii.Anonymizer;
import io.openhire.pii.PiiDetector;
import io.openhire.pii.PiiSpan;
import io.openhire.pii.PiiType;
import io.openhire.platform.audit.AuditTrail;
import io.openhire.platform.security.AuthenticatedUser;
import io.openhire.platform.web.ProblemException;
import io.openhire.privacy.client.AnalyzeRequest;
import io.openhire.privacy.client.AnalyzeResult;
import io.openhire.privacy.client.AnonymizeRequest;
import io.openhire.privacy.client.AnonymizeResult;
import io.openhire.privacy.client.AnonymizedItem;
import io.openhire.privacy.client.DeanonymizeRequest;
import io.openhire.privacy.client.DeanonymizeResult;
import io.openhire.privacy.client.DetectedEntity;
import io.openhire.privacy.detection.Pseudonyms;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/privacy/analyze}: where the personal data in a text is; {@code /anonymize}: the text without it;
 * {@code /deanonymize}: pseudonyms given back (admins only, each one in the audit log).
 */
@RestController
@RequestMapping("/api/v1/privacy")
class DetectionController {

    static final int MAX_TEXT = 100_000;
    private static final Set<String> LANGUAGES = Set.of("en", "de", "fr", "es", "nl");
    private static final String DEFAULT_OPERATOR = "DEFAULT";

    private final PiiDetector detector;
    private final Pseudonyms pseudonyms;
    private final Operators operators;
    private final AuditTrail audit;

    DetectionController(PiiDetector detector, Pseudonyms pseudonyms, Operators operators, AuditTrail audit) {
        this.detector = detector;
        this.pseudonyms = pseudonyms;
        this.operators = operators;
        this.audit = audit;
    }

    @PostMapping("/analyze")
    @PreAuthorize("hasAnyRole('ADMIN', 'RECRUITER', 'SERVICE')")
    AnalyzeResult analyze(@RequestBody AnalyzeRequest request) {
        if (request == null) {
            throw ProblemException.invalidField("text", "is required");
        }
        String text = text(request.text());
        language(request.language());
        List<PiiSpan> spans = detector.analyze(text, types(request.entities()), threshold(request.scoreThreshold()));
        return new AnalyzeResult(spans.stream()
                .map(s -> new DetectedEntity(s.type().name(), s.start(), s.end(), round(s.score()), s.recogniser()))
                .toList());
    }

    @PostMapping("/anonymize")
    @PreAuthorize("hasAnyRole('ADMIN', 'RECRUITER', 'SERVICE')")
    AnonymizeResult anonymize(AuthenticatedUser caller, @RequestBody AnonymizeRequest request) {
        if (request == null) {
            throw ProblemException.invalidField("text", "is required");
        }
        String text = text(request.text());
        Set<PiiType> types = types(request.entities());
        double threshold = threshold(request.scoreThreshold());
        Map<PiiType, Anonymizer.Operator> byType = new HashMap<>();
        Anonymizer.Operator fallback = new Anonymizer.Replace(null);
        if (request.operators() != null) {
            for (var entry : request.operators().entrySet()) {
                String key =
                        entry.getKey() == null ? "" : entry.getKey().strip().toUpperCase(Locale.ROOT);
                Anonymizer.Operator operator =
                        operators.parse(caller.organizationId(), "operators." + key, entry.getValue());
                if (key.equals(DEFAULT_OPERATOR)) {
                    fallback = operator;
                } else {
                    PiiType type = PiiType.parse(key);
                    if (type == null) {
                        throw ProblemException.invalidField(
                                "operators", "'" + entry.getKey() + "' is neither an entity type nor DEFAULT");
                    }
                    byType.put(type, operator);
                }
            }
        }
        Anonymizer.Result result =
                Anonymizer.anonymize(text, detector.analyze(text, types, threshold), byType, fallback);
        return new AnonymizeResult(
                result.text(),
                result.items().stream()
                        .map(i ->
                                new AnonymizedItem(i.type().name(), i.start(), i.end(), i.operator(), i.replacement()))
                        .toList());
    }

    @PostMapping("/deanonymize")
    @PreAuthorize("hasRole('ADMIN')")
    DeanonymizeResult deanonymize(AuthenticatedUser caller, @RequestBody DeanonymizeRequest request) {
        if (request == null) {
            throw ProblemException.invalidField("text", "is required");
        }
        Pseudonyms.Reversal reversal = pseudonyms.reverse(caller.organizationId(), text(request.text()));
        for (String pseudonym : reversal.pseudonyms()) {
            audit.read("privacy.pseudonym-reversed", "pseudonym", pseudonym);
        }
        return new DeanonymizeResult(reversal.text(), reversal.pseudonyms().size());
    }

    private static String text(String text) {
        if (text == null) {
            throw ProblemException.invalidField("text", "is required");
        }
        if (text.length() > MAX_TEXT) {
            throw ProblemException.invalidField("text", "must be at most 100,000 characters (split a longer text)");
        }
        return text;
    }

    private static void language(String language) {
        if (language != null && !LANGUAGES.contains(language.strip().toLowerCase(Locale.ROOT))) {
            throw ProblemException.invalidField("language", "is not supported: use en, de, fr, es or nl");
        }
    }

    static Set<PiiType> types(List<String> entities) {
        if (entities == null || entities.isEmpty()) {
            return Set.of();
        }
        Set<PiiType> types = EnumSet.noneOf(PiiType.class);
        for (String entity : entities) {
            PiiType type = PiiType.parse(entity);
            if (type == null) {
                throw ProblemException.invalidField(
                        "entities",
                        "'" + entity + "' is not an entity type; known: " + Arrays.toString(PiiType.values()));
            }
            types.add(type);
        }
        return types;
    }

    static double threshold(Double threshold) {
        if (threshold == null) {
            return PiiDetector.DEFAULT_THRESHOLD;
        }
        if (!(threshold >= 0 && threshold <= 1)) {
            throw ProblemException.invalidField("scoreThreshold", "must be from 0 to 1");
        }
        return threshold;
    }

    private static double round(double score) {
        return Math.round(score * 100) / 100.0;
    }
}

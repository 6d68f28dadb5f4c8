package io.openhire.privacy.documents;

import io.openhire.pii.Anonymizer;
import io.openhire.pii.PiiDetector;
import io.openhire.pii.PiiSpan;
import io.openhire.pii.PiiType;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A PDF or Word document without its personal data (ADR 14): the one detector finds it in the document's text,
 * {@link PdfRedaction} or {@link DocxRedaction} takes it out. The format is told by the file's first bytes, not
 * by its name or the media type the caller claims.
 */
@Component
public class DocumentRedactor {

    /** Rendering a page takes a few hundred milliseconds; a resume is two or three. */
    public static final int MAX_PAGES = 30;

    private static final Logger log = LoggerFactory.getLogger(DocumentRedactor.class);

    private final PiiDetector detector;

    public DocumentRedactor(PiiDetector detector) {
        this.detector = detector;
    }

    /**
     * @param types the types to take out; empty for all
     * @param operators for Word documents, what each type becomes (a PDF's are blacked out whatever they are)
     * @throws UnreadableDocumentException when the document is neither a PDF nor a .docx, or cannot be read
     */
    public RedactedDocument redact(
            byte[] content,
            Set<PiiType> types,
            double threshold,
            Map<PiiType, Anonymizer.Operator> operators,
            Anonymizer.Operator fallback)
            throws UnreadableDocumentException {
        Function<String, List<PiiSpan>> detect = text -> detector.analyze(text, types, threshold);
        if (!PdfRedaction.isPdf(content) && !DocxRedaction.isZip(content)) {
            throw UnreadableDocumentException.ofUnsupportedFormat();
        }
        try {
            return PdfRedaction.isPdf(content)
                    ? PdfRedaction.redact(content, MAX_PAGES, detect)
                    : DocxRedaction.redact(content, detect, operators, fallback);
        } catch (IOException | RuntimeException e) {
            // A file from outside that the PDF or Word library chokes on half-way (a broken content stream, a
            // part that is not what its type says) is the sender's problem, not a server error.
            log.warn("A document could not be anonymised: {}", e.getClass().getName());
            throw new UnreadableDocumentException("could not be read to the end");
        }
    }
}

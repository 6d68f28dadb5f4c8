package io.openhire.resumeprocessing.extraction;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.TikaException;
import org.apache.tika.exception.WriteLimitReachedException;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.parser.ocr.TesseractOCRConfig;
import org.apache.tika.parser.pdf.PDFParserConfig;
import org.apache.tika.sax.BodyContentHandler;
import org.xml.sax.SAXException;

/**
 * Text out of any document Tika reads. One {@link AutoDetectParser}, made once (it costs seconds) and
 * shared by all threads. Scanned PDFs go through Tesseract when it is installed; without it a PDF
 * with (almost) no text layer is reported as needing OCR instead of parsed as an empty resume.
 */
public class TextExtractor {

    /** What came out: the text, or why there is none. */
    public record Extracted(String text, Outcome outcome, String reason) {
        public enum Outcome {
            TEXT,
            NEEDS_OCR,
            FAILED
        }
    }

    private static final int MIN_TEXT_CHARS = 40;

    private final AutoDetectParser parser = new AutoDetectParser();
    /** The parser for each type, looked up once: the type is known (resume-ingestion detected it). */
    private final java.util.Map<org.apache.tika.mime.MediaType, Parser> byType =
            new java.util.concurrent.ConcurrentHashMap<>();

    private final int maxChars;
    private final boolean ocrAvailable;

    /** OCR when tesseract is installed. */
    public TextExtractor(int maxChars) {
        this(maxChars, true);
    }

    /** @param ocrAllowed false: never OCR, even where tesseract is installed (scans are NEEDS_OCR) */
    public TextExtractor(int maxChars, boolean ocrAllowed) {
        this.maxChars = maxChars;
        this.ocrAvailable = ocrAllowed && tesseractInstalled();
    }

    public boolean ocrAvailable() {
        return ocrAvailable;
    }

    public Extracted extract(byte[] bytes, String mediaType) {
        BodyContentHandler handler = new BodyContentHandler(maxChars);
        Metadata metadata = new Metadata();
        metadata.set(Metadata.CONTENT_TYPE, mediaType);
        ParseContext context = new ParseContext();
        PDFParserConfig pdf = new PDFParserConfig();
        TesseractOCRConfig ocr = new TesseractOCRConfig();
        boolean isPdf = "application/pdf".equals(mediaType);
        if (ocrAvailable && isPdf) {
            // Pages with (almost) no text are rendered and read by Tesseract.
            pdf.setOcrStrategy(PDFParserConfig.OCR_STRATEGY.AUTO);
        } else {
            // No OCR of pictures inside Word files (photos, logos): slow, and noise in the text.
            pdf.setOcrStrategy(PDFParserConfig.OCR_STRATEGY.NO_OCR);
            ocr.setSkipOcr(true);
        }
        context.set(PDFParserConfig.class, pdf);
        context.set(TesseractOCRConfig.class, ocr);
        context.set(Parser.class, parser);
        try (TikaInputStream in = TikaInputStream.get(bytes)) {
            parserFor(mediaType, context).parse(in, handler, metadata, context);
        } catch (EncryptedDocumentException e) {
            return failed("The document is password-protected.");
        } catch (SAXException e) {
            if (!WriteLimitReachedException.isWriteLimitReached(e)) {
                return failed("The document's content could not be read.");
            }
            // Longer than any resume: keep the first maxChars characters.
        } catch (TikaException | IOException | RuntimeException e) {
            return failed("The document could not be read (" + e.getClass().getSimpleName() + ").");
        }
        // Text encoded twice on its way into the document ("Ã©", "ï¼"), ligatures and odd spaces, repaired.
        String text = TextRepair.repair(handler.toString());
        if (text.replaceAll("\\s+", "").length() < MIN_TEXT_CHARS) {
            if ("application/pdf".equals(mediaType) && !ocrAvailable) {
                return new Extracted(
                        null,
                        Extracted.Outcome.NEEDS_OCR,
                        "The document has no text layer (a scan); it will be parsed once OCR (tesseract-ocr) is installed.");
            }
            return failed("The document contains (almost) no text.");
        }
        return new Extracted(text, Extracted.Outcome.TEXT, null);
    }

    /** The specific parser for a known type, or the auto-detecting one (which detects again). */
    private Parser parserFor(String mediaType, ParseContext context) {
        if (mediaType == null) {
            return parser;
        }
        org.apache.tika.mime.MediaType type = org.apache.tika.mime.MediaType.parse(mediaType);
        if (type == null) {
            return parser;
        }
        return byType.computeIfAbsent(type.getBaseType(), t -> {
            Parser specific = parser.getParsers(context).get(t);
            return specific != null ? specific : parser;
        });
    }

    private static Extracted failed(String reason) {
        return new Extracted(null, Extracted.Outcome.FAILED, reason);
    }

    static boolean tesseractInstalled() {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, "tesseract"))) {
                return true;
            }
        }
        return false;
    }
}

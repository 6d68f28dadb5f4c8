package io.openhire.resumeingestion.intake;

import io.openhire.platform.errors.DomainException;
import io.openhire.resumeingestion.ResumeIngestionProperties;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.tika.config.TikaConfig;
import org.apache.tika.detect.Detector;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;
import org.springframework.stereotype.Component;

/**
 * Decides whether a file may become a resume, before anything is stored: its real type from its
 * content (Apache Tika; the file name is ignored), and for the types that can hide trouble a cheap
 * structural check — a PDF that opens without a password and has a sane number of pages, a DOCX/ODT
 * whose ZIP does not inflate into a bomb, a DOC that is an OLE2 Word file. Each refusal is a problem
 * detail with its own type (a {@link DomainException}); nothing here throws anything else.
 */
@Component
public class DocumentInspector {

    /** Detected type → the canonical type we store. */
    static final Map<String, String> ACCEPTED = Map.ofEntries(
            Map.entry("application/pdf", "application/pdf"),
            Map.entry(
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
            Map.entry("application/msword", "application/msword"),
            Map.entry("application/rtf", "application/rtf"),
            Map.entry("text/rtf", "application/rtf"),
            Map.entry("application/vnd.oasis.opendocument.text", "application/vnd.oasis.opendocument.text"),
            Map.entry("text/html", "text/html"),
            Map.entry("application/xhtml+xml", "text/html"),
            Map.entry("text/plain", "text/plain"));

    static final String ENCRYPTED_OOXML = "application/x-tika-ooxml-protected";

    private final Detector detector = TikaConfig.getDefaultConfig().getDetector();
    private final ResumeIngestionProperties properties;

    DocumentInspector(ResumeIngestionProperties properties) {
        this.properties = properties;
    }

    /** @return the canonical media type of an acceptable resume file */
    public String inspect(byte[] bytes) {
        if (bytes.length == 0) {
            throw DomainException.invalid("empty-file", "The file is empty.");
        }
        if (bytes.length > properties.maxFileSize().toBytes()) {
            throw tooLarge(properties.maxFileSize().toBytes());
        }
        String detected = detect(bytes);
        if (ENCRYPTED_OOXML.equals(detected)) {
            throw encrypted();
        }
        String mediaType = ACCEPTED.get(detected);
        if (mediaType == null) {
            throw new DomainException(
                            DomainException.Category.UNSUPPORTED_TYPE,
                            "unsupported-document-type",
                            "Unsupported document type",
                            "This file is " + detected
                                    + ", not a resume format OpenHire reads: send PDF, DOCX, DOC, RTF, ODT, HTML or TXT.")
                    .with("detectedType", detected);
        }
        switch (mediaType) {
            case "application/pdf" -> checkPdf(bytes);
            case "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                    "application/vnd.oasis.opendocument.text" -> checkZip(bytes);
            case "application/msword" -> checkWord97(bytes);
            default -> {
                // text formats: nothing can hide inside beyond their size
            }
        }
        return mediaType;
    }

    public static DomainException tooLarge(long limit) {
        return new DomainException(
                        DomainException.Category.TOO_LARGE,
                        "file-too-large",
                        "File too large",
                        "Resumes may be up to " + (limit / (1024 * 1024)) + " MB.")
                .with("maxBytes", limit);
    }

    private static final byte[] PDF_MAGIC = "%PDF-".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private String detect(byte[] bytes) {
        // PDFs, the common case, announce themselves in their first bytes (and checkPdf then opens them):
        // no need for Tika's full magic and container detection.
        if (bytes.length > PDF_MAGIC.length
                && java.util.Arrays.equals(bytes, 0, PDF_MAGIC.length, PDF_MAGIC, 0, PDF_MAGIC.length)) {
            return "application/pdf";
        }
        try (TikaInputStream in = TikaInputStream.get(bytes)) {
            MediaType type = detector.detect(in, new Metadata());
            return type.getBaseType().toString();
        } catch (IOException | RuntimeException e) {
            // A container detector that trips over a corrupt ZIP or OLE2 file: not a document we can read.
            throw malformed("its structure could not be read");
        }
    }

    private void checkPdf(byte[] bytes) {
        try (PDDocument pdf = Loader.loadPDF(bytes)) {
            if (pdf.getNumberOfPages() == 0) {
                throw malformed("the PDF has no pages");
            }
            if (pdf.getNumberOfPages() > properties.maxPdfPages()) {
                throw new DomainException(
                        DomainException.Category.UNPROCESSABLE,
                        "too-many-pages",
                        "Too many pages",
                        "The PDF has " + pdf.getNumberOfPages() + " pages; a resume has at most "
                                + properties.maxPdfPages() + ".");
            }
        } catch (InvalidPasswordException e) {
            throw encrypted();
        } catch (IOException | RuntimeException e) {
            if (e instanceof DomainException problem) {
                throw problem;
            }
            throw malformed("the PDF is damaged");
        }
    }

    /** Inflates every entry, counting, and stops at the first sign of a bomb. */
    private void checkZip(byte[] bytes) {
        long limit = properties.maxExpandedSize().toBytes();
        long expanded = 0;
        int entries = 0;
        byte[] buffer = new byte[64 * 1024];
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                if (++entries > 5_000) {
                    throw bomb("it holds more than 5,000 parts");
                }
                if (entry.getName().contains("EncryptedPackage")) {
                    throw encrypted();
                }
                int read;
                while ((read = zip.read(buffer)) > 0) {
                    expanded += read;
                    if (expanded > limit) {
                        throw bomb("it inflates to more than " + (limit / (1024 * 1024)) + " MB");
                    }
                }
            }
        } catch (IOException e) {
            throw malformed("its ZIP container is damaged");
        }
        if (entries == 0) {
            throw malformed("its ZIP container is empty");
        }
    }

    private void checkWord97(byte[] bytes) {
        try (InputStream in = new ByteArrayInputStream(bytes);
                POIFSFileSystem fs = new POIFSFileSystem(in)) {
            if (fs.getRoot().hasEntryCaseInsensitive("EncryptedPackage")) {
                throw encrypted();
            }
            if (!fs.getRoot().hasEntryCaseInsensitive("WordDocument")) {
                throw malformed("it is an Office file without a Word document inside");
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof DomainException problem) {
                throw problem;
            }
            throw malformed("the Word file is damaged");
        }
    }

    static DomainException encrypted() {
        return new DomainException(
                DomainException.Category.UNPROCESSABLE,
                "encrypted-document",
                "Encrypted document",
                "The document is password-protected. Remove the password and upload it again.");
    }

    static DomainException bomb(String why) {
        return new DomainException(
                DomainException.Category.UNPROCESSABLE,
                "decompression-bomb",
                "Suspicious document",
                "The document was refused because " + why + ", far beyond any resume.");
    }

    static DomainException malformed(String why) {
        return new DomainException(
                DomainException.Category.UNPROCESSABLE,
                "malformed-document",
                "Malformed document",
                "The document cannot be read: " + why + ". Save it again from its editor and upload the new file.");
    }
}

package io.openhire.resumeprocessing.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import io.openhire.platform.test.TestDocuments;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextExtractorTest {

    static final List<String> LINES = List.of("Priya Raman", "Senior Backend Engineer", "Java, Kubernetes, PostgreSQL");
    final TextExtractor withoutOcr = new TextExtractor(200_000, false);

    @Test
    void readsTextFromEveryFormat() {
        assertThat(withoutOcr
                        .extract(TestDocuments.pdf(LINES), "application/pdf")
                        .text())
                .contains("Kubernetes");
        assertThat(withoutOcr
                        .extract(
                                TestDocuments.docx(LINES),
                                "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
                        .text())
                .contains("Senior Backend Engineer");
        assertThat(withoutOcr
                        .extract(TestDocuments.odt(LINES), "application/vnd.oasis.opendocument.text")
                        .text())
                .contains("Priya Raman");
        assertThat(withoutOcr
                        .extract(TestDocuments.rtf(LINES), "application/rtf")
                        .text())
                .contains("PostgreSQL");
    }

    @Test
    void aScanWithoutOcrNeedsOcrAndIsNotAnEmptyResume() {
        TextExtractor.Extracted scan = withoutOcr.extract(TestDocuments.imagePdf(LINES), "application/pdf");
        assertThat(scan.outcome()).isEqualTo(TextExtractor.Extracted.Outcome.NEEDS_OCR);
        assertThat(scan.reason()).contains("tesseract");
    }

    @Test
    void damagedAndEncryptedFilesFailWithAReason() {
        TextExtractor.Extracted damaged = withoutOcr.extract(TestDocuments.damagedPdf(), "application/pdf");
        assertThat(damaged.outcome()).isEqualTo(TextExtractor.Extracted.Outcome.FAILED);
        assertThat(damaged.reason()).isNotBlank();
        TextExtractor.Extracted locked =
                withoutOcr.extract(TestDocuments.encryptedPdf(LINES, "secret"), "application/pdf");
        assertThat(locked.outcome()).isEqualTo(TextExtractor.Extracted.Outcome.FAILED);
        assertThat(locked.reason()).contains("password");
    }
}

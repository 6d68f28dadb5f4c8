package io.openhire.resumeprocessing.extraction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class TextRepairTest {

    @Test
    void textEncodedTwiceReadsAsItWasWritten() {
        assertThat(TextRepair.repair("Caf\u00C3\u00A9 owner, M\u00C3\u00BCnchen"))
                .isEqualTo("Café owner, München");
        assertThat(TextRepair.repair("\u00E2\u20AC\u0153Best teacher\u00E2\u20AC\u009D"))
                .as("a quote whose last byte Windows-1252 has no character for stays, the rest is repaired")
                .startsWith("\u201CBest teacher");
        assertThat(TextRepair.repair("\u00E2\u017E\u00A2 Key results")).isEqualTo("\u27A2 Key results");
        assertThat(TextRepair.repair("Inventory control\u00C2\u00A0 Employee scheduling"))
                .isEqualTo("Inventory control  Employee scheduling");
    }

    @Test
    void remnantsThatCannotBeRecoveredAreDroppedNotKept() {
        // a full-width comma whose last byte was lost (the shared PDFs: "Company Name ï¼ City")
        assertThat(TextRepair.repair("Company Name \u00EF\u00BC\u200B City , State"))
                .isEqualTo("Company Name   City , State");
        assertThat(TextRepair.repair("LCS 18224\u00C2 \u00C2 \u00C2 x")).doesNotContain("\u00C2");
    }

    @Test
    void rightTextStaysAsItIs() {
        for (String right : List.of(
                "Müller, café, naïve, São Paulo, Zürich, Ærø",
                "C++ & C#, 5+ years; 2019 – 2024 • Java",
                "Ich bin Ärztin. À bientôt!")) {
            assertThat(TextRepair.repair(right)).isEqualTo(right);
        }
    }

    @Test
    void ligaturesFullWidthAndOddSpacesBecomePlainCharacters() {
        assertThat(TextRepair.repair("\uFB01nance o\uFB03ce")).isEqualTo("finance office");
        assertThat(TextRepair.repair("\uFF2A\uFF41\uFF56\uFF41 \uFF11\uFF10 years"))
                .isEqualTo("Java 10 years");
        assertThat(TextRepair.repair("Senior\u00A0Engineer\u200B")).isEqualTo("Senior Engineer");
    }

    /** The 24 real PDFs in ../shared/data (skipped where absent): not one mojibake sequence left. */
    @Test
    void theSharedPdfsHaveNoMojibakeLeft() throws Exception {
        Path pdfs = Path.of("../../../../shared/data/resumes/pdf");
        assumeTrue(Files.isDirectory(pdfs), "../shared/data/resumes/pdf is absent: not checked");
        TextExtractor extractor = new TextExtractor(200_000, false);
        Pattern mojibake = Pattern.compile("Ã.|Â|ï¼|â€|âž|\uFFFD");
        int files = 0;
        try (var walk = Files.walk(pdfs)) {
            for (Path pdf : walk.filter(p -> p.toString().endsWith(".pdf")).toList()) {
                String text = extractor
                        .extract(Files.readAllBytes(pdf), "application/pdf")
                        .text();
                assertThat(text).as(pdf.getFileName().toString()).isNotNull();
                assertThat(mojibake.matcher(text).find())
                        .as(pdf.getFileName() + ": " + text.substring(0, Math.min(200, text.length())))
                        .isFalse();
                files++;
            }
        }
        assertThat(files).isEqualTo(24);
    }
}

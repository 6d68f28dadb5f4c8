package io.openhire.privacy.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openhire.pii.Anonymizer;
import io.openhire.pii.PiiDetector;
import io.openhire.pii.PiiType;
import io.openhire.platform.test.TestDocuments;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.util.Units;
import org.apache.poi.xwpf.usermodel.Document;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFHyperlinkRun;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.Test;

/**
 * A resume as a PDF and as a Word document, with the person's name, email address, phone number and photo in
 * the places real resumes put them (a header, a footer, a table, a link, a name split over two runs): the copy
 * keeps the rest and holds nothing of her — searched for in every byte of the Word file's parts, and on the PDF's
 * pages as drawn.
 */
class DocumentRedactorTest {

    private static final String NAME = "Priya Raman";
    private static final String EMAIL = "priya.raman@example.org";
    private static final String PHONE = "+44 20 7946 0958";

    private final DocumentRedactor redactor = new DocumentRedactor(PiiDetector.standard());

    private RedactedDocument redact(byte[] document) throws UnreadableDocumentException {
        return redactor.redact(
                document, Set.of(), PiiDetector.DEFAULT_THRESHOLD, Map.of(), new Anonymizer.Replace(null));
    }

    // --- PDF ---------------------------------------------------------------------------------------------

    /** Where each line was written on page one, in points from the top left. */
    private final Map<String, float[]> drawnAt = new HashMap<>();

    private byte[] resumePdf() throws IOException {
        try (PDDocument pdf = new PDDocument()) {
            PDType1Font helvetica = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            PDPage first = new PDPage(PDRectangle.A4);
            pdf.addPage(first);
            float height = PDRectangle.A4.getHeight();
            try (PDPageContentStream content = new PDPageContentStream(pdf, first)) {
                float y = height - 80;
                for (String line : List.of(
                        NAME,
                        "Senior Data Engineer",
                        EMAIL + "   " + PHONE,
                        "Skills: Kubernetes, Kafka, Spark",
                        "Built pipelines that moved data for millions of users.")) {
                    content.beginText();
                    content.setFont(helvetica, 12);
                    content.newLineAtOffset(60, y);
                    content.showText(line);
                    content.endText();
                    drawnAt.put(line, new float[] {60, height - y, helvetica.getStringWidth(line) / 1000 * 12});
                    y -= 24;
                }
                // her photo: a red square at the top right
                BufferedImage photo = new BufferedImage(60, 60, BufferedImage.TYPE_INT_RGB);
                Graphics2D graphics = photo.createGraphics();
                graphics.setColor(Color.RED);
                graphics.fillRect(0, 0, 60, 60);
                graphics.dispose();
                content.drawImage(LosslessFactory.createFromImage(pdf, photo), 450, height - 140, 80, 80);
            }
            PDPage second = new PDPage(PDRectangle.A4);
            pdf.addPage(second);
            try (PDPageContentStream content = new PDPageContentStream(pdf, second)) {
                content.beginText();
                content.setFont(helvetica, 9);
                content.newLineAtOffset(60, 40);
                content.showText("Raman - page 2");
                content.endText();
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            pdf.save(out);
            return out.toByteArray();
        }
    }

    @Test
    void aPdfComesBackAsPagesWithTheirPersonalDataBlackedOutAndNoTextUnderneath() throws Exception {
        RedactedDocument redacted = redact(resumePdf());

        assertThat(redacted.mediaType()).isEqualTo("application/pdf");
        assertThat(redacted.found()).containsKeys(PiiType.PERSON, PiiType.EMAIL_ADDRESS, PiiType.PHONE_NUMBER);
        assertThat(redacted.pictures()).isEqualTo(1);
        assertThat(redacted.pagesWithoutText()).isZero();
        try (PDDocument copy = Loader.loadPDF(redacted.content())) {
            assertThat(copy.getNumberOfPages()).isEqualTo(2);
            // nothing to copy and paste, nothing in the file's bytes
            assertThat(new PDFTextStripper().getText(copy)).isBlank();
            assertThat(new String(redacted.content(), StandardCharsets.ISO_8859_1))
                    .doesNotContain("Raman")
                    .doesNotContain("example.org");

            BufferedImage page = new PDFRenderer(copy).renderImageWithDPI(0, 72);
            assertThat(darkness(page, NAME)).as("her name").isGreaterThan(0.9);
            assertThat(darkness(page, EMAIL + "   " + PHONE))
                    .as("her email and phone")
                    .isGreaterThan(0.9);
            String skills = "Skills: Kubernetes, Kafka, Spark";
            assertThat(darkness(page, skills)).as("her skills, still readable").isBetween(0.02, 0.5);
            // the photo is grey: not a red pixel left where it was
            for (int x = 455; x < 525; x += 5) {
                for (int y = 65; y < 135; y += 5) {
                    Color c = new Color(page.getRGB(x, y));
                    assertThat(c.getRed() - c.getGreen())
                            .as("red at %d,%d", x, y)
                            .isLessThan(40);
                }
            }
            // "Raman" alone in page two's footer goes too: once her name is known, every mention of it does
            BufferedImage footer = new PDFRenderer(copy).renderImageWithDPI(1, 72);
            assertThat(darkRatio(footer, 60, (int) PDRectangle.A4.getHeight() - 46, 24, 6))
                    .isGreaterThan(0.9);
        }
    }

    /** The share of dark pixels over a line of page one, rendered at 72 dpi (one pixel a point). */
    private double darkness(BufferedImage page, String line) {
        float[] at = drawnAt.get(line);
        return darkRatio(page, (int) at[0], (int) at[1] - 8, (int) at[2], 8);
    }

    private static double darkRatio(BufferedImage image, int x0, int y0, int width, int height) {
        int dark = 0;
        int all = 0;
        for (int x = x0; x < x0 + width; x++) {
            for (int y = y0; y < y0 + height; y++) {
                Color c = new Color(image.getRGB(x, y));
                if (c.getRed() + c.getGreen() + c.getBlue() < 150) {
                    dark++;
                }
                all++;
            }
        }
        return (double) dark / all;
    }

    // --- Word --------------------------------------------------------------------------------------------

    private static byte[] resumeDocx() throws Exception {
        try (XWPFDocument docx = new XWPFDocument()) {
            docx.getProperties().getCoreProperties().setCreator(NAME);
            docx.createHeader(org.apache.poi.wp.usermodel.HeaderFooterType.DEFAULT)
                    .createParagraph()
                    .createRun()
                    .setText("Curriculum vitae - " + NAME);

            XWPFRun name = docx.createParagraph().createRun();
            name.setBold(true);
            name.setText(NAME);

            XWPFParagraph contact = docx.createParagraph();
            contact.createRun().setText("Email: ");
            XWPFHyperlinkRun link = contact.createHyperlinkRun("mailto:" + EMAIL);
            link.setText(EMAIL);
            contact.createRun().setText(" | Phone: " + PHONE);

            // what Word does after an edit: one word over two runs
            XWPFParagraph split = docx.createParagraph();
            split.createRun().setText("References: ask Pri");
            split.createRun().setText("ya Raman's former manager.");

            XWPFTable table = docx.createTable(2, 2);
            table.getRow(0).getCell(0).setText("Skills");
            table.getRow(0).getCell(1).setText("Kubernetes, Kafka, Spark");
            table.getRow(1).getCell(0).setText("Contact");
            table.getRow(1).getCell(1).setText(EMAIL);

            BufferedImage photo = new BufferedImage(40, 40, BufferedImage.TYPE_INT_RGB);
            Graphics2D graphics = photo.createGraphics();
            graphics.setColor(Color.RED);
            graphics.fillRect(0, 0, 40, 40);
            graphics.dispose();
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            ImageIO.write(photo, "png", png);
            docx.createParagraph()
                    .createRun()
                    .addPicture(
                            new ByteArrayInputStream(png.toByteArray()),
                            Document.PICTURE_TYPE_PNG,
                            "priya-raman.png",
                            Units.toEMU(60),
                            Units.toEMU(60));

            ByteArrayOutputStream out = new ByteArrayOutputStream();
            docx.write(out);
            return out.toByteArray();
        }
    }

    /** Every entry of a ZIP: name and bytes. */
    private static Map<String, byte[]> entries(byte[] zip) throws IOException {
        Map<String, byte[]> entries = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                entries.put(entry.getName(), in.readAllBytes());
            }
        }
        return entries;
    }

    @Test
    void aWordDocumentKeepsItsLayoutAndHoldsNothingOfThePersonInAnyPart() throws Exception {
        RedactedDocument redacted = redact(resumeDocx());

        assertThat(redacted.mediaType()).endsWith("wordprocessingml.document");
        assertThat(redacted.pictures()).isEqualTo(1);
        List<String> leaks = new ArrayList<>();
        for (var entry : entries(redacted.content()).entrySet()) {
            String content = new String(entry.getValue(), StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
            for (String trace : List.of("priya", "raman", "example.org", "7946")) {
                if (content.contains(trace)) {
                    leaks.add(entry.getKey() + ": " + trace);
                }
            }
        }
        assertThat(leaks).as("her name, email or phone in a part of the file").isEmpty();

        try (XWPFDocument copy = new XWPFDocument(new ByteArrayInputStream(redacted.content()))) {
            List<String> paragraphs =
                    copy.getParagraphs().stream().map(XWPFParagraph::getText).toList();
            assertThat(paragraphs)
                    .contains("<PERSON>", "Email: <EMAIL_ADDRESS> | Phone: <PHONE_NUMBER>")
                    .anyMatch(p -> p.startsWith("References: ask <PERSON>") && p.endsWith(" former manager."));
            assertThat(copy.getParagraphs().getFirst().getRuns().getFirst().isBold())
                    .as("the formatting stays")
                    .isTrue();
            assertThat(copy.getTables().getFirst().getRow(0).getCell(1).getText())
                    .isEqualTo("Kubernetes, Kafka, Spark");
            assertThat(copy.getTables().getFirst().getRow(1).getCell(1).getText())
                    .isEqualTo("<EMAIL_ADDRESS>");
            assertThat(copy.getHeaderList().getFirst().getText()).contains("Curriculum vitae - <PERSON>");
            BufferedImage picture = ImageIO.read(
                    new ByteArrayInputStream(copy.getAllPictures().getFirst().getData()));
            Color pixel = new Color(picture.getRGB(0, 0));
            assertThat(pixel.getRed()).isEqualTo(pixel.getGreen());
        }
    }

    @Test
    void aWordDocumentTakesTheOperatorAsked() throws Exception {
        RedactedDocument masked = redactor.redact(
                resumeDocx(),
                Set.of(PiiType.EMAIL_ADDRESS),
                PiiDetector.DEFAULT_THRESHOLD,
                Map.of(),
                new Anonymizer.Mask('*', 0));
        try (XWPFDocument copy = new XWPFDocument(new ByteArrayInputStream(masked.content()))) {
            assertThat(copy.getTables().getFirst().getRow(1).getCell(1).getText())
                    .isEqualTo("*****.*****@*******.***");
            assertThat(copy.getParagraphs().get(0).getText())
                    .as("only emails asked")
                    .isEqualTo(NAME);
        }
        assertThat(masked.found()).containsOnlyKeys(PiiType.EMAIL_ADDRESS);
    }

    @Test
    void whatIsNotAReadablePdfOrWordDocumentIsRefusedAndSaysWhy() throws Exception {
        assertThatThrownBy(() -> redact("just some text".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(UnreadableDocumentException.class)
                .matches(e -> ((UnreadableDocumentException) e).isUnsupportedFormat());
        assertThatThrownBy(() -> redact(TestDocuments.damagedPdf()))
                .isInstanceOf(UnreadableDocumentException.class)
                .matches(e -> !((UnreadableDocumentException) e).isUnsupportedFormat());
        assertThatThrownBy(() -> redact(TestDocuments.encryptedPdf(List.of(NAME), "secret")))
                .hasMessageContaining("password");
        assertThatThrownBy(() -> redact(TestDocuments.zipBombDocx(200)))
                .isInstanceOf(UnreadableDocumentException.class);
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip)) {
            out.putNextEntry(new ZipEntry("notes.txt"));
            out.write("not a word document".getBytes(StandardCharsets.UTF_8));
        }
        assertThatThrownBy(() -> redact(zip.toByteArray())).hasMessageContaining("not a Word document");
        // a part that declares an entity reading a file of the server's: refused, nothing read
        ByteArrayOutputStream hostile = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(hostile)) {
            out.putNextEntry(new ZipEntry("[Content_Types].xml"));
            out.write(
                    ("<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                                    + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                                    + "<Override PartName=\"/word/document.xml\" ContentType=\""
                                    + DocxRedaction.MEDIA_TYPE
                                    + ".main+xml\"/></Types>")
                            .getBytes(StandardCharsets.UTF_8));
            out.putNextEntry(new ZipEntry("_rels/.rels"));
            out.write(
                    ("<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                                    + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\""
                                    + " Target=\"word/document.xml\"/></Relationships>")
                            .getBytes(StandardCharsets.UTF_8));
            out.putNextEntry(new ZipEntry("word/document.xml"));
            out.write(("<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/hostname\">]>"
                            + "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
                            + "<w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>")
                    .getBytes(StandardCharsets.UTF_8));
        }
        assertThatThrownBy(() -> redact(hostile.toByteArray()))
                .isInstanceOf(UnreadableDocumentException.class)
                .hasMessageContaining("not well-formed");
        List<String> tooLong = new ArrayList<>();
        for (int i = 0; i < 60 * (DocumentRedactor.MAX_PAGES + 1); i++) {
            tooLong.add("line " + i);
        }
        assertThatThrownBy(() -> redact(TestDocuments.pdf(tooLong))).hasMessageContaining("pages");
    }

    @Test
    void aScannedPageIsReportedAsUnread() throws Exception {
        RedactedDocument redacted = redact(TestDocuments.scannedPdf(2));
        assertThat(redacted.pagesWithoutText()).isEqualTo(2);
    }
}

package io.openhire.launcher.demo;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;

/**
 * Writes a demo resume (plain lines: name, title, contacts, then sections) as a PDF or a Word document,
 * laid out the way people lay resumes out: the name large, section headings bold, bullets indented.
 */
final class DemoDocuments {

    static final Set<String> HEADINGS =
            Set.of("SUMMARY", "EXPERIENCE", "EDUCATION", "SKILLS", "LANGUAGES", "CERTIFICATIONS");

    private DemoDocuments() {}

    static byte[] write(String fileName, List<String> lines) {
        return fileName.endsWith(".docx") ? docx(lines) : pdf(lines);
    }

    static byte[] pdf(List<String> lines) {
        try (PDDocument document = new PDDocument();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
            float margin = 56;
            float y = 0;
            PDPage page = null;
            PDPageContentStream text = null;
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                boolean name = i == 0;
                boolean heading = HEADINGS.contains(line);
                float size = name ? 18 : heading ? 12 : 10.5f;
                for (String part : wrap(line, name ? 60 : 95)) {
                    float step = size * 1.45f + (heading ? 8 : 0);
                    if (page == null || y - step < margin) {
                        if (text != null) {
                            text.close();
                        }
                        page = new PDPage(PDRectangle.A4);
                        document.addPage(page);
                        text = new PDPageContentStream(document, page);
                        y = PDRectangle.A4.getHeight() - margin;
                    }
                    y -= step;
                    text.beginText();
                    text.setFont(name || heading ? bold : regular, size);
                    text.newLineAtOffset(part.startsWith("- ") ? margin + 12 : margin, y);
                    text.showText(part);
                    text.endText();
                }
            }
            if (text != null) {
                text.close();
            }
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] docx(List<String> lines) {
        try (XWPFDocument document = new XWPFDocument();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                XWPFParagraph paragraph = document.createParagraph();
                XWPFRun run = paragraph.createRun();
                run.setText(line);
                if (i == 0) {
                    run.setBold(true);
                    run.setFontSize(18);
                } else if (HEADINGS.contains(line)) {
                    run.setBold(true);
                    run.setFontSize(12);
                    paragraph.setSpacingBefore(200);
                } else if (line.startsWith("- ")) {
                    paragraph.setIndentationLeft(360);
                }
            }
            document.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> wrap(String line, int width) {
        List<String> parts = new ArrayList<>();
        String rest = line;
        while (rest.length() > width) {
            int cut = rest.lastIndexOf(' ', width);
            cut = cut <= 0 ? width : cut;
            parts.add(rest.substring(0, cut));
            rest = "  " + rest.substring(cut).strip();
        }
        parts.add(rest);
        return parts;
    }
}

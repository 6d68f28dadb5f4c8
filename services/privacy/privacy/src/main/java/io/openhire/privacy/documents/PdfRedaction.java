package io.openhire.privacy.documents;

import io.openhire.pii.PiiSpan;
import io.openhire.pii.PiiType;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.rendering.PageDrawer;
import org.apache.pdfbox.rendering.PageDrawerParameters;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * A PDF without its personal data. Black boxes drawn over a PDF's text hide nothing — the text is still
 * under them, a copy-and-paste away — so each page is read (where every character is), rendered to an image,
 * blacked out where the personal data was, and the new PDF is made of those images alone: no text layer, no
 * metadata, no links, no attachments, nothing the boxes could cover. Pictures are blanked while rendering (a
 * candidate's photo cannot be told from a logo, so every picture is). The price: the copy is not searchable.
 */
final class PdfRedaction {

    static final String MEDIA_TYPE = "application/pdf";
    /** Dots per inch of the pages drawn: print quality for text, about 200 KB a page as JPEG. */
    private static final float DPI = 150;

    private static final Color PICTURE_FILL = new Color(0xC8, 0xC8, 0xC8);

    private PdfRedaction() {}

    static boolean isPdf(byte[] content) {
        return content.length > 5
                && content[0] == '%'
                && content[1] == 'P'
                && content[2] == 'D'
                && content[3] == 'F'
                && content[4] == '-';
    }

    static RedactedDocument redact(byte[] pdf, int maxPages, Function<String, List<PiiSpan>> detect)
            throws IOException, UnreadableDocumentException {
        try (PDDocument document = load(pdf)) {
            int pages = document.getNumberOfPages();
            if (pages > maxPages) {
                throw new UnreadableDocumentException(
                        "has " + pages + " pages; at most " + maxPages + " are anonymised at once");
            }
            // One text for the whole document: a name under "Name:" on page one is then found in page two's
            // footer too (Mentions).
            PositionedText positioned = new PositionedText();
            int pagesWithoutText = 0;
            for (int page = 1; page <= pages; page++) {
                int before = positioned.text.length();
                positioned.read(document, page);
                if (positioned.text.substring(before).isBlank()) {
                    pagesWithoutText++;
                }
            }
            String text = positioned.text.toString();
            List<PiiSpan> spans = Mentions.everywhere(text, detect.apply(text));

            Map<PiiType, Integer> found = new EnumMap<>(PiiType.class);
            List<List<Rectangle2D>> boxesPerPage = new ArrayList<>();
            for (int page = 0; page < pages; page++) {
                boxesPerPage.add(new ArrayList<>());
            }
            for (PiiSpan span : spans) {
                found.merge(span.type(), 1, Integer::sum);
                for (Located line : positioned.lines(span.start(), span.end())) {
                    boxesPerPage.get(line.page() - 1).add(line.box());
                }
            }

            PictureBlankingRenderer renderer = new PictureBlankingRenderer(document);
            try (PDDocument out = new PDDocument()) {
                for (int page = 0; page < pages; page++) {
                    BufferedImage image = renderer.renderImageWithDPI(page, DPI, ImageType.RGB);
                    Graphics2D graphics = image.createGraphics();
                    graphics.setColor(Color.BLACK);
                    double scale = DPI / 72.0;
                    for (Rectangle2D box : boxesPerPage.get(page)) {
                        graphics.fill(new Rectangle2D.Double(
                                box.getX() * scale,
                                box.getY() * scale,
                                box.getWidth() * scale,
                                box.getHeight() * scale));
                    }
                    graphics.dispose();
                    // The page as it was shown (a rotated page comes out upright), at its size in points.
                    PDRectangle size = new PDRectangle(image.getWidth() * 72f / DPI, image.getHeight() * 72f / DPI);
                    PDPage copy = new PDPage(size);
                    out.addPage(copy);
                    PDImageXObject drawn = JPEGFactory.createFromImage(out, image, 0.85f);
                    try (PDPageContentStream content = new PDPageContentStream(out, copy)) {
                        content.drawImage(drawn, 0, 0, size.getWidth(), size.getHeight());
                    }
                }
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                out.save(bytes);
                return new RedactedDocument(
                        bytes.toByteArray(), MEDIA_TYPE, "pdf", found, renderer.pictures, pagesWithoutText);
            }
        }
    }

    private static PDDocument load(byte[] pdf) throws IOException, UnreadableDocumentException {
        try {
            return Loader.loadPDF(pdf);
        } catch (InvalidPasswordException e) {
            throw new UnreadableDocumentException("is protected by a password");
        } catch (IOException e) {
            throw new UnreadableDocumentException("is not a PDF that can be read");
        }
    }

    /** A stretch of one line of one page, in points from the page's top left as it is shown. */
    record Located(int page, Rectangle2D box) {}

    /**
     * The document's text with, for each character, where it is drawn; word and line breaks are characters
     * drawn nowhere.
     */
    private static final class PositionedText extends PDFTextStripper {

        final StringBuilder text = new StringBuilder();
        private final List<TextPosition> drawnAt = new ArrayList<>();
        private final List<Integer> pageOf = new ArrayList<>();
        private int page;

        PositionedText() {
            setSortByPosition(true);
        }

        void read(PDDocument document, int pageNumber) throws IOException {
            page = pageNumber;
            setStartPage(pageNumber);
            setEndPage(pageNumber);
            writeText(document, new StringWriter());
            separator('\n');
        }

        @Override
        protected void writeString(String ignored, List<TextPosition> positions) {
            // The positions, not the string: the string may have ligatures expanded or words reordered.
            for (TextPosition position : positions) {
                String unicode = position.getUnicode();
                for (int i = 0; i < unicode.length(); i++) {
                    text.append(unicode.charAt(i));
                    drawnAt.add(position);
                    pageOf.add(page);
                }
            }
        }

        @Override
        protected void writeWordSeparator() {
            separator(' ');
        }

        @Override
        protected void writeLineSeparator() {
            separator('\n');
        }

        private void separator(char c) {
            text.append(c);
            drawnAt.add(null);
            pageOf.add(page);
        }

        /** Where characters {@code [start, end)} are drawn: one box per line they are on. */
        List<Located> lines(int start, int end) {
            List<Located> lines = new ArrayList<>();
            Rectangle2D current = null;
            int currentPage = 0;
            float currentBaseline = 0;
            for (int i = start; i < end; i++) {
                TextPosition position = drawnAt.get(i);
                if (position == null) {
                    continue;
                }
                Rectangle2D box = box(position);
                boolean sameLine = current != null
                        && pageOf.get(i) == currentPage
                        && Math.abs(position.getY() - currentBaseline) < box.getHeight() / 2;
                if (sameLine) {
                    current.add(box);
                } else {
                    if (current != null) {
                        lines.add(new Located(currentPage, current));
                    }
                    current = box;
                    currentPage = pageOf.get(i);
                    currentBaseline = position.getY();
                }
            }
            if (current != null) {
                lines.add(new Located(currentPage, current));
            }
            return lines;
        }

        /**
         * A character's box: from its ascenders to its descenders, half a point to spare at the sides. Not higher:
         * a line is about 1.15 em from the next, and a box reaching into it would cut the words above in half.
         */
        private static Rectangle2D box(TextPosition position) {
            // The size the text is drawn at: the text matrix's scale (the font size alone says 19 for text a Tf 1
            // and a matrix make 11.4 points high).
            float em = position.getYScale();
            if (!(em > 1 && em < 300)) {
                em = position.getHeight() * 1.4f;
            }
            float above = em * 0.75f;
            return new Rectangle2D.Float(
                    position.getX() - 0.5f, position.getY() - above, position.getWidth() + 1, above + em * 0.22f);
        }
    }

    /** Renders pages with every picture drawn as a grey area of its size. */
    private static final class PictureBlankingRenderer extends PDFRenderer {

        int pictures;

        PictureBlankingRenderer(PDDocument document) {
            super(document);
        }

        @Override
        protected PageDrawer createPageDrawer(PageDrawerParameters parameters) throws IOException {
            return new PageDrawer(parameters) {
                @Override
                public void drawImage(PDImage image) throws IOException {
                    if (image.isStencil()) {
                        // A stencil mask is a shape painted in one colour (glyphs, icons), not a picture.
                        super.drawImage(image);
                        return;
                    }
                    pictures++;
                    Graphics2D graphics = getGraphics();
                    transferClip(graphics);
                    graphics.setPaint(PICTURE_FILL);
                    // An image fills the unit square of the current transformation.
                    graphics.fill(getGraphicsState()
                            .getCurrentTransformationMatrix()
                            .createAffineTransform()
                            .createTransformedShape(new Rectangle2D.Float(0, 0, 1, 1)));
                }
            };
        }
    }
}

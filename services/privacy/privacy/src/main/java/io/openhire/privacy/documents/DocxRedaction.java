package io.openhire.privacy.documents;

import io.openhire.pii.Anonymizer;
import io.openhire.pii.PiiSpan;
import io.openhire.pii.PiiType;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import javax.imageio.ImageIO;
import javax.xml.namespace.QName;
import org.apache.poi.ooxml.POIXMLTypeLoader;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.PackageProperties;
import org.apache.poi.openxml4j.opc.PackageRelationship;
import org.apache.poi.openxml4j.opc.TargetMode;
import org.apache.xmlbeans.XmlCursor;
import org.apache.xmlbeans.XmlException;
import org.apache.xmlbeans.XmlObject;

/**
 * A Word document (.docx) without its personal data, in the same layout: the text of every part that shows
 * text — the body, headers and footers, text boxes, footnotes, endnotes, comments, field codes (a mailto link's
 * address), tracked deletions, SmartArt — is read as one text, anonymised with the caller's operators, and
 * written back into the same runs, so the formatting stays. Around it: links to an address or profile found
 * lead nowhere, pictures become grey areas of their size, pictures' descriptions ("Photo of Jane Doe") and
 * the document's author, company and other properties are emptied.
 *
 * <p>Works on the package's XML directly (not POI's Word model), so no kind of content is missed because the
 * model does not know it.
 */
final class DocxRedaction {

    static final String MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private static final String W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    private static final String A = "http://schemas.openxmlformats.org/drawingml/2006/main";
    private static final String WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing";
    private static final String PIC = "http://schemas.openxmlformats.org/drawingml/2006/picture";
    private static final String XML = "http://www.w3.org/XML/1998/namespace";

    /** Elements whose text is shown (or, for field codes and deletions, kept in the file). */
    private static final Set<QName> TEXT =
            Set.of(new QName(W, "t"), new QName(W, "delText"), new QName(W, "instrText"), new QName(A, "t"));

    private static final Set<QName> PARAGRAPHS = Set.of(new QName(W, "p"), new QName(A, "p"));
    private static final Set<QName> BREAKS = Set.of(new QName(W, "br"), new QName(W, "cr"), new QName(A, "br"));
    private static final QName TAB = new QName(W, "tab");
    /** Where a picture's name and description are written. */
    private static final Set<QName> PICTURE_PROPERTIES = Set.of(new QName(WP, "docPr"), new QName(PIC, "cNvPr"));

    private static final Color PICTURE_FILL = new Color(0xC8, 0xC8, 0xC8);

    private DocxRedaction() {}

    /** A ZIP whose first entry is an Office part (every .docx starts "PK"). */
    static boolean isZip(byte[] content) {
        return content.length > 4 && content[0] == 'P' && content[1] == 'K' && content[2] == 3 && content[3] == 4;
    }

    static RedactedDocument redact(
            byte[] docx,
            Function<String, List<PiiSpan>> detect,
            Map<PiiType, Anonymizer.Operator> operators,
            Anonymizer.Operator fallback)
            throws IOException, UnreadableDocumentException {
        try (OPCPackage pack = open(docx)) {
            if (pack.getPartsByContentType(MEDIA_TYPE + ".main+xml").isEmpty()) {
                throw new UnreadableDocumentException("is not a Word document (.docx)");
            }
            List<XmlPart> parts = new ArrayList<>();
            DocumentText text = new DocumentText();
            for (PackagePart part : parts(pack)) {
                if (showsText(part.getContentType())) {
                    XmlPart xml = new XmlPart(part, parse(part));
                    parts.add(xml);
                    text.read(xml);
                }
            }
            String all = text.toString();
            List<PiiSpan> spans = Mentions.everywhere(all, detect.apply(all));
            Anonymizer.Result anonymised = Anonymizer.anonymize(all, spans, operators, fallback);
            Map<PiiType, Integer> found = new EnumMap<>(PiiType.class);
            for (int i = 0; i < spans.size(); i++) {
                PiiSpan span = spans.get(i);
                found.merge(span.type(), 1, Integer::sum);
                text.replace(span.start(), span.end(), anonymised.items().get(i).replacement());
            }
            text.writeBack();

            Set<String> values = new LinkedHashSet<>();
            for (PiiSpan span : spans) {
                values.add(all.substring(span.start(), span.end()).strip().toLowerCase(Locale.ROOT));
            }
            for (XmlPart part : parts) {
                emptyPictureDescriptions(part);
                unlink(part.part, values, detect);
                if (part.changed) {
                    try (OutputStream out = part.part.getOutputStream()) {
                        part.xml.save(out, POIXMLTypeLoader.DEFAULT_XML_OPTIONS);
                    }
                }
            }
            int pictures = 0;
            for (PackagePart part : parts(pack)) {
                if (part.getContentType().startsWith("image/") && blank(part)) {
                    pictures++;
                }
            }
            emptyProperties(pack);

            ByteArrayOutputStream out = new ByteArrayOutputStream();
            pack.save(out);
            return new RedactedDocument(out.toByteArray(), MEDIA_TYPE, "docx", found, pictures, 0);
        }
    }

    private static OPCPackage open(byte[] docx) throws UnreadableDocumentException {
        try {
            return OPCPackage.open(new ByteArrayInputStream(docx));
        } catch (InvalidFormatException | IOException | RuntimeException e) {
            // POI refuses ZIP bombs and broken archives with runtime exceptions too.
            throw new UnreadableDocumentException("is not a Word document (.docx) that can be read");
        }
    }

    private static List<PackagePart> parts(OPCPackage pack) throws UnreadableDocumentException {
        try {
            return pack.getParts();
        } catch (InvalidFormatException e) {
            throw new UnreadableDocumentException("has parts that cannot be read");
        }
    }

    private static XmlObject parse(PackagePart part) throws IOException, UnreadableDocumentException {
        try (InputStream in = part.getInputStream()) {
            return XmlObject.Factory.parse(in, POIXMLTypeLoader.DEFAULT_XML_OPTIONS);
        } catch (XmlException e) {
            throw new UnreadableDocumentException("has a part that is not well-formed XML");
        }
    }

    /**
     * The parts whose text a reader sees: the Word parts (document, headers, footers, notes, comments,
     * glossary) and SmartArt and chart text; not styles, settings, fonts, numbering or the theme.
     */
    private static boolean showsText(String contentType) {
        if (contentType.startsWith("application/vnd.openxmlformats-officedocument.wordprocessingml.")) {
            return !contentType.contains(".styles+")
                    && !contentType.contains(".settings+")
                    && !contentType.contains(".webSettings+")
                    && !contentType.contains(".fontTable+")
                    && !contentType.contains(".numbering+");
        }
        return contentType.startsWith("application/vnd.openxmlformats-officedocument.drawingml.diagramData")
                || contentType.startsWith("application/vnd.openxmlformats-officedocument.drawingml.chart");
    }

    /** One XML part, parsed, and whether it has been changed (only changed parts are written back). */
    private static final class XmlPart {
        final PackagePart part;
        final XmlObject xml;
        boolean changed;

        XmlPart(PackagePart part, XmlObject xml) {
            this.part = part;
            this.xml = xml;
        }
    }

    /**
     * The text of every part, in document order, with for each character the text element it is in and where;
     * paragraph ends, tabs and line breaks are characters that are in no element.
     */
    private static final class DocumentText {
        private final StringBuilder text = new StringBuilder();
        private final List<TextElement> elements = new ArrayList<>();
        /** Per character: the index of its element, or -1. */
        private final List<Integer> elementOf = new ArrayList<>();
        /** Per character: its offset in its element. */
        private final List<Integer> offsetIn = new ArrayList<>();

        void read(XmlPart part) {
            List<QName> open = new ArrayList<>();
            try (XmlCursor cursor = part.xml.newCursor()) {
                while (!cursor.toNextToken().isNone()) {
                    if (cursor.isStart()) {
                        QName name = cursor.getName();
                        if (TEXT.contains(name)) {
                            TextElement element =
                                    new TextElement(part, cursor.getObject(), cursor.getTextValue(), name);
                            int index = elements.size();
                            elements.add(element);
                            for (int i = 0; i < element.original.length(); i++) {
                                text.append(element.original.charAt(i));
                                elementOf.add(index);
                                offsetIn.add(i);
                            }
                            cursor.toEndToken(); // its text is read; go on after it
                        } else {
                            if (BREAKS.contains(name)) {
                                separator('\n');
                            } else if (TAB.equals(name)) {
                                separator('\t');
                            }
                            open.add(name);
                        }
                    } else if (cursor.isEnd() && !open.isEmpty()) {
                        if (PARAGRAPHS.contains(open.removeLast())) {
                            separator('\n');
                        }
                    }
                }
            }
            separator('\n');
        }

        private void separator(char c) {
            text.append(c);
            elementOf.add(-1);
            offsetIn.add(-1);
        }

        /**
         * Characters {@code [start, end)} become {@code replacement}: it goes where the first of them was (in
         * its run, so it keeps that run's formatting) and the rest are removed from whatever elements they are in.
         */
        void replace(int start, int end, String replacement) {
            boolean placed = false;
            for (int i = start; i < end; i++) {
                int index = elementOf.get(i);
                if (index < 0) {
                    continue;
                }
                TextElement element = elements.get(index);
                element.remove(offsetIn.get(i), placed ? "" : replacement);
                placed = true;
            }
        }

        void writeBack() {
            for (TextElement element : elements) {
                element.writeBack();
            }
        }

        @Override
        public String toString() {
            return text.toString();
        }
    }

    /** One text element: its original text, and per original character what it becomes. */
    private static final class TextElement {
        final XmlPart part;
        final XmlObject element;
        final String original;
        final QName name;
        /** Per original character its replacement; null where it stays. */
        private final String[] becomes;

        TextElement(XmlPart part, XmlObject element, String original, QName name) {
            this.part = part;
            this.element = element;
            this.original = original;
            this.name = name;
            this.becomes = new String[original.length()];
        }

        void remove(int offset, String replacement) {
            becomes[offset] = replacement;
        }

        void writeBack() {
            StringBuilder out = new StringBuilder(original.length());
            boolean changed = false;
            for (int i = 0; i < original.length(); i++) {
                if (becomes[i] == null) {
                    out.append(original.charAt(i));
                } else {
                    out.append(becomes[i]);
                    changed = true;
                }
            }
            if (!changed) {
                return;
            }
            String value = out.toString();
            try (XmlCursor cursor = element.newCursor()) {
                cursor.setTextValue(value);
                if (W.equals(name.getNamespaceURI()) && !value.equals(value.strip())) {
                    // Word drops a run's leading and trailing spaces unless told to keep them.
                    cursor.setAttributeText(new QName(XML, "space"), "preserve");
                }
            }
            part.changed = true;
        }
    }

    /** "Photo of Jane Doe": a picture's name, title and description are emptied. */
    private static void emptyPictureDescriptions(XmlPart part) {
        try (XmlCursor cursor = part.xml.newCursor()) {
            while (!cursor.toNextToken().isNone()) {
                if (cursor.isStart() && PICTURE_PROPERTIES.contains(cursor.getName())) {
                    for (String attribute : List.of("descr", "title")) {
                        if (cursor.getAttributeText(new QName(attribute)) != null) {
                            cursor.setAttributeText(new QName(attribute), "");
                            part.changed = true;
                        }
                    }
                }
            }
        }
    }

    /**
     * A link to an address or a profile the text no longer shows (mailto:jane@…, a LinkedIn page) is
     * pointed nowhere: the relationship keeps its id, so the document stays valid.
     */
    private static void unlink(PackagePart part, Set<String> values, Function<String, List<PiiSpan>> detect)
            throws UnreadableDocumentException {
        List<PackageRelationship> links = new ArrayList<>();
        try {
            for (PackageRelationship relationship : part.getRelationships()) {
                if (relationship.getTargetMode() == TargetMode.EXTERNAL) {
                    links.add(relationship);
                }
            }
        } catch (InvalidFormatException e) {
            throw new UnreadableDocumentException("has relationships that cannot be read");
        }
        for (PackageRelationship link : links) {
            String target = link.getTargetURI().toString();
            String lower = target.toLowerCase(Locale.ROOT);
            boolean names = !detect.apply(target).isEmpty() || values.stream().anyMatch(lower::contains);
            if (names) {
                part.removeRelationship(link.getId());
                part.addExternalRelationship("about:blank", link.getRelationshipType(), link.getId());
            }
        }
    }

    /** A picture becomes a grey area of the same size, in the same format; false for formats left as they are. */
    private static boolean blank(PackagePart part) throws IOException {
        String type = part.getContentType().toLowerCase(Locale.ROOT);
        byte[] replacement;
        if (type.startsWith("image/svg")) {
            replacement = ("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"100\" height=\"100\">"
                            + "<rect width=\"100\" height=\"100\" fill=\"#c8c8c8\"/></svg>")
                    .getBytes(StandardCharsets.UTF_8);
        } else {
            String format = switch (type) {
                case "image/png" -> "png";
                case "image/jpeg", "image/jpg" -> "jpeg";
                case "image/gif" -> "gif";
                case "image/bmp", "image/x-bmp" -> "bmp";
                case "image/tiff" -> "tiff";
                default -> null; // EMF, WMF: drawings Java cannot write; charts and icons, not photos
            };
            if (format == null) {
                return false;
            }
            int width = 16;
            int height = 16;
            try (InputStream in = part.getInputStream()) {
                BufferedImage original = ImageIO.read(in);
                if (original != null) {
                    width = original.getWidth();
                    height = original.getHeight();
                }
            } catch (IOException | RuntimeException e) {
                // unreadable: the grey square's default size will do, the drawing sets the shown size
            }
            // Large photos shrink: the drawing in the document sets the size shown, not the pixels.
            double shrink = Math.min(1, 256.0 / Math.max(width, height));
            BufferedImage grey = new BufferedImage(
                    Math.max(1, (int) (width * shrink)),
                    Math.max(1, (int) (height * shrink)),
                    BufferedImage.TYPE_INT_RGB);
            Graphics2D graphics = grey.createGraphics();
            graphics.setColor(PICTURE_FILL);
            graphics.fillRect(0, 0, grey.getWidth(), grey.getHeight());
            graphics.dispose();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            if (!ImageIO.write(grey, format, bytes)) {
                return false;
            }
            replacement = bytes.toByteArray();
        }
        try (OutputStream out = part.getOutputStream()) {
            out.write(replacement);
        }
        return true;
    }

    /** Author, last editor, title, subject, description, keywords, category; the company and manager. */
    private static void emptyProperties(OPCPackage pack) throws IOException, UnreadableDocumentException {
        try {
            PackageProperties properties = pack.getPackageProperties();
            properties.setCreatorProperty(java.util.Optional.empty());
            properties.setLastModifiedByProperty(java.util.Optional.empty());
            properties.setTitleProperty(java.util.Optional.empty());
            properties.setSubjectProperty(java.util.Optional.empty());
            properties.setDescriptionProperty(java.util.Optional.empty());
            properties.setKeywordsProperty(java.util.Optional.empty());
            properties.setCategoryProperty(java.util.Optional.empty());
        } catch (InvalidFormatException e) {
            throw new IOException(e);
        }
        for (PackagePart part : parts(pack)) {
            String type = part.getContentType();
            boolean extended = type.equals("application/vnd.openxmlformats-officedocument.extended-properties+xml");
            boolean custom = type.equals("application/vnd.openxmlformats-officedocument.custom-properties+xml");
            if (!extended && !custom) {
                continue;
            }
            XmlObject xml;
            try {
                xml = parse(part);
            } catch (UnreadableDocumentException e) {
                continue;
            }
            try (XmlCursor cursor = xml.newCursor()) {
                while (!cursor.toNextToken().isNone()) {
                    if (!cursor.isStart()) {
                        continue;
                    }
                    String local = cursor.getName().getLocalPart();
                    // Extended: who the company and manager are; custom: every value (a template's "Candidate").
                    boolean personal = extended
                            ? local.equals("Company") || local.equals("Manager")
                            : cursor.getName().getNamespaceURI().contains("docPropsVTypes");
                    if (personal) {
                        cursor.setTextValue("");
                    }
                }
            }
            try (OutputStream out = part.getOutputStream()) {
                xml.save(out, POIXMLTypeLoader.DEFAULT_XML_OPTIONS);
            }
        }
    }
}

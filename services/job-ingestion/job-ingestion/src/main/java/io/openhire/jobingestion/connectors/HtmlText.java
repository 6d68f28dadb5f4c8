package io.openhire.jobingestion.connectors;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;

/**
 * Posting HTML → plain text that keeps its structure: a line per paragraph, heading and list item ("- "
 * before items), so that later steps can still find the "Requirements" section and its bullets.
 */
public final class HtmlText {

    private HtmlText() {}

    public static String of(String html) {
        if (html == null || html.isBlank()) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        append(Jsoup.parseBodyFragment(html).body(), out);
        return out.toString()
                .replace('\u00a0', ' ')
                .replaceAll("[ \\t]+", " ")
                .replaceAll(" *\\n *", "\n")
                .replaceAll("\\n{3,}", "\n\n")
                .strip();
    }

    /**
     * Greenhouse escapes the posting's HTML once more ("&amp;lt;p&amp;gt;"): entities are decoded until
     * the text stops changing (at most three rounds), then read as HTML.
     */
    public static String ofEscaped(String html) {
        String current = html == null ? "" : html;
        for (int i = 0; i < 3 && current.contains("&"); i++) {
            String decoded = Parser.unescapeEntities(current, false);
            if (decoded.equals(current)) {
                break;
            }
            current = decoded;
        }
        return of(current);
    }

    /** Blocks end a line; consecutive block edges make one line break, not a blank line per edge. */
    private static void newLine(StringBuilder out) {
        if (!out.isEmpty() && out.charAt(out.length() - 1) != '\n') {
            out.append('\n');
        }
    }

    private static void append(Node node, StringBuilder out) {
        for (Node child : node.childNodes()) {
            if (child instanceof TextNode text) {
                out.append(text.text());
            } else if (child instanceof Element element) {
                String tag = element.normalName();
                boolean block = element.isBlock() || tag.equals("br");
                if (tag.equals("script") || tag.equals("style")) {
                    continue;
                }
                if (block) {
                    newLine(out);
                }
                if (tag.equals("li")) {
                    out.append("- ");
                }
                append(element, out);
                if (block) {
                    newLine(out);
                }
            }
        }
    }
}

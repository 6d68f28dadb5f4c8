package io.openhire.resumeprocessing.parsing;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** A resume's text as the parts read it: non-empty lines with single spaces, bullets strippable. */
final class Lines {

    private static final Pattern BULLET = Pattern.compile("^[\\s•·▪●◦○■□➢➤►▶✓✔*\\-–—>]+\\s*");

    static List<String> split(String text) {
        List<String> lines = new ArrayList<>();
        for (String raw : text.replace('\u00a0', ' ').replace("\t", "   ").split("\\R")) {
            // Text that lost its line breaks (exports, some PDFs) keeps runs of spaces where they were.
            String[] pieces = raw.length() > 200 ? raw.split("\\s{2,}") : new String[] {raw};
            for (String piece : pieces) {
                String line = piece.replaceAll("\\s+", " ").strip();
                if (!line.isEmpty()) {
                    lines.add(line);
                }
            }
        }
        return lines;
    }

    /** "• Led the move" → "Led the move"; also dashes, arrows, check marks and asterisks. */
    static String stripBullet(String line) {
        return BULLET.matcher(line).replaceFirst("").strip();
    }

    private Lines() {}
}

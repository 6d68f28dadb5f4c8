package io.openhire.resumeprocessing.extraction;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Repairs text that was encoded twice on its way into a document: UTF-8 bytes read as Windows-1252 and written
 * again ("Ã©" for "é", "â€œ" for "“", "Â " for a no-break space, "ï¼" for a full-width comma). Each run of
 * characters that Windows-1252 can hold is turned back into its bytes; where those bytes are valid UTF-8 with at
 * least one multi-byte character, the run is replaced by what they say. Remnants that cannot be recovered (a lead
 * byte whose continuation was lost, a lone "Â" before a space) are dropped. Then Unicode NFKC: ligatures ("ﬁ"),
 * full-width letters and digits, no-break and other odd spaces become the plain characters a parser expects.
 *
 * <p>Text that was right to begin with stays as it was: a run is only replaced when it decodes as UTF-8 with a
 * multi-byte character, which ordinary Latin-1 text ("Müller", "café") never does.
 */
public final class TextRepair {

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    /** Characters that are one byte ≥ 0x80 in Windows-1252: what double-encoded UTF-8 is made of. */
    private static final Pattern SUSPECT_RUN = Pattern.compile("[" + windows1252(0x80, 0xFF) + "]{2,}");

    /**
     * What is left when a double-encoded character lost its last byte: a three-byte lead ("ï¼", "â€", "âž") with
     * a zero-width or no character after it, and the "Â" of a no-break space that became a plain space.
     */
    private static final Pattern REMNANT = Pattern.compile(
            "(?:[\\u00E2\\u00EF][\\u0080-\\u009F" + windows1252(0x80, 0xBF) + "]\\u200B?)|(?:\\u00C2(?=[\\s\\u00A0]))");

    private TextRepair() {}

    /** The characters Windows-1252 gives the bytes {@code from}–{@code to}, as a regular-expression class body. */
    private static String windows1252(int from, int to) {
        StringBuilder characters = new StringBuilder();
        for (int b = from; b <= to; b++) {
            String character = new String(new byte[] {(byte) b}, WINDOWS_1252);
            if (!character.equals("\uFFFD")) { // the five bytes Windows-1252 leaves undefined
                characters.append(String.format("\\x{%X}", character.codePointAt(0)));
            }
        }
        return characters.toString();
    }

    public static String repair(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        Matcher runs = SUSPECT_RUN.matcher(text);
        StringBuilder repaired = new StringBuilder(text.length());
        while (runs.find()) {
            runs.appendReplacement(repaired, Matcher.quoteReplacement(decoded(runs.group())));
        }
        runs.appendTail(repaired);
        String cleaned = REMNANT.matcher(repaired).replaceAll(" ").replace("\u200B", "");
        return Normalizer.isNormalized(cleaned, Normalizer.Form.NFKC)
                ? cleaned
                : Normalizer.normalize(cleaned, Normalizer.Form.NFKC);
    }

    /**
     * The run as UTF-8 when its Windows-1252 bytes are valid UTF-8 holding a multi-byte character; else as it
     * was. A run may mix a double-encoded part with ordinary Latin-1 letters around it, so the longest valid
     * stretches are decoded piece by piece.
     */
    private static String decoded(String run) {
        byte[] bytes;
        try {
            CharsetEncoder encoder = WINDOWS_1252
                    .newEncoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            ByteBuffer buffer = encoder.encode(CharBuffer.wrap(run));
            bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
        } catch (CharacterCodingException e) {
            return run;
        }
        StringBuilder out = new StringBuilder(run.length());
        int i = 0;
        while (i < bytes.length) {
            int length = sequenceLength(bytes, i);
            if (length > 1) {
                String character = utf8(bytes, i, length);
                if (character != null) {
                    out.append(character);
                    i += length;
                    continue;
                }
            }
            out.append(run.charAt(i)); // Windows-1252 is one byte a character: the byte's index is the character's
            i++;
        }
        return out.toString();
    }

    /** How long a UTF-8 sequence starting here says it is (1 for anything that is not a multi-byte lead). */
    private static int sequenceLength(byte[] bytes, int i) {
        int b = bytes[i] & 0xFF;
        int length = b >= 0xF0 && b <= 0xF4 ? 4 : b >= 0xE0 ? (b <= 0xEF ? 3 : 1) : b >= 0xC2 && b <= 0xDF ? 2 : 1;
        return i + length <= bytes.length ? length : 1;
    }

    private static String utf8(byte[] bytes, int offset, int length) {
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            return decoder.decode(ByteBuffer.wrap(bytes, offset, length)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}

package io.openhire.privacy.documents;

import io.openhire.pii.PiiType;
import java.util.Map;

/**
 * A document with the personal data taken out.
 *
 * @param content the new file, in the format it came in
 * @param mediaType that format's media type
 * @param extension that format's file name extension, without the dot
 * @param found how many pieces of personal data were taken out, per type
 * @param pictures how many pictures were blanked (a photo cannot be told from a logo, so every one is)
 * @param pagesWithoutText PDF pages that carry no text (scans, text drawn as shapes): nothing on them was read,
 *     so nothing on them was found — a person should look at them
 */
public record RedactedDocument(
        byte[] content,
        String mediaType,
        String extension,
        Map<PiiType, Integer> found,
        int pictures,
        int pagesWithoutText) {

    public int total() {
        return found.values().stream().mapToInt(Integer::intValue).sum();
    }
}

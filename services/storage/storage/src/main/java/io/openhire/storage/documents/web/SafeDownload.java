package io.openhire.storage.documents.web;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/**
 * How a stored document is served: always as a download, never as a page. The media type is whatever
 * the uploader said, so a type a browser would run (HTML, SVG, XML, script, style sheet) is served as
 * {@code application/octet-stream}; the stored metadata keeps the type as given.
 */
final class SafeDownload {

    /** Says the response is a sandboxed document that loads nothing, should a browser render it anyway. */
    static final String CONTENT_SECURITY_POLICY = "sandbox; default-src 'none'";

    private SafeDownload() {}

    static MediaType contentType(String stored) {
        MediaType type;
        try {
            type = MediaType.parseMediaType(stored);
        } catch (InvalidMediaTypeException e) {
            return MediaType.APPLICATION_OCTET_STREAM;
        }
        return isActive(type) ? MediaType.APPLICATION_OCTET_STREAM : type;
    }

    /** Types a browser renders with scripts, styles or markup, and anything vague enough to be sniffed. */
    private static boolean isActive(MediaType type) {
        if (type.isWildcardType() || type.isWildcardSubtype()) {
            return true;
        }
        String subtype = type.getSubtype().toLowerCase(Locale.ROOT);
        return subtype.equals("html")
                || subtype.equals("xhtml+xml")
                || subtype.equals("xml")
                || subtype.endsWith("+xml")
                || subtype.equals("xsl")
                || subtype.equals("xslt+xml")
                || subtype.contains("javascript")
                || subtype.contains("ecmascript")
                || subtype.equals("css")
                || subtype.equals("x-shockwave-flash");
    }

    /**
     * {@code attachment} with the key's last segment as the file name (RFC 6266): an ASCII {@code filename}
     * for every browser, and {@code filename*} in UTF-8 when the name is not plain ASCII. Key segments hold
     * only letters, digits, {@code . _ - ( )} and spaces, so the quoted name needs no escaping.
     */
    static String contentDisposition(String key) {
        String name = key.substring(key.lastIndexOf('/') + 1);
        StringBuilder ascii = new StringBuilder(name.length());
        name.codePoints().forEach(c -> ascii.append(c >= 0x20 && c < 0x7f && c != '"' && c != '\\' ? (char) c : '_'));
        String header = "attachment; filename=\"" + ascii + "\"";
        return ascii.toString().equals(name) ? header : header + "; filename*=UTF-8''" + percentEncode(name);
    }

    /** RFC 8187 {@code value-chars}: attr-chars as they are, every other UTF-8 byte as %XX. */
    private static String percentEncode(String value) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            boolean attrChar = (c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || "!#$&+-.^_`|~".indexOf(c) >= 0;
            encoded.append(attrChar ? String.valueOf((char) c) : String.format("%%%02X", c));
        }
        return encoded.toString();
    }
}

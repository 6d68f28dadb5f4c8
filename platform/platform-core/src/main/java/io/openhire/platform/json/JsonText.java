package io.openhire.platform.json;

/**
 * Escapes text for a JSON string literal, for the two places that write JSON by hand because they run
 * outside Spring MVC or before the object mapper exists: problem details from servlet filters and
 * log lines.
 */
public final class JsonText {

    private JsonText() {}

    public static StringBuilder appendEscaped(StringBuilder out, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out;
    }
}

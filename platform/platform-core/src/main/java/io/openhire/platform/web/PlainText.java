package io.openhire.platform.web;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.module.SimpleModule;

/**
 * Text that people and programs send us holds no control characters: a NUL byte cannot be stored by
 * PostgreSQL (it answered a 500 on eleven endpoints before this), and the others (escape sequences,
 * backspaces) only serve to hide or garble what logs and pages show. Tab, line feed and carriage return
 * are text. Checked once at the edge, for every service: JSON strings by {@link #jacksonModule()},
 * query parameters and the path by {@link PlainTextFilter}.
 */
public final class PlainText {

    static final String MESSAGE = "must not contain control characters";

    private PlainText() {}

    /** Whether {@code text} holds a C0 control character other than tab, line feed or carriage return, or DEL. */
    public static boolean hasControlCharacters(CharSequence text) {
        if (text == null) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f) {
                return true;
            }
        }
        return false;
    }

    /** Refuses JSON strings with control characters; the problem names the field (see GlobalProblemHandler). */
    public static SimpleModule jacksonModule() {
        SimpleModule module = new SimpleModule("openhire-plain-text");
        module.addDeserializer(String.class, new CheckedStrings());
        return module;
    }

    /** Thrown while reading a JSON body; carries the field's path like any other binding problem. */
    static final class ControlCharactersException extends MismatchedInputException {
        ControlCharactersException(JsonParser parser) {
            super(parser, MESSAGE);
        }
    }

    private static final class CheckedStrings extends StringDeserializer {
        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) {
            String value = super.deserialize(parser, context);
            if (hasControlCharacters(value)) {
                throw new ControlCharactersException(parser);
            }
            return value;
        }
    }
}

package io.openhire.jobingestion.connectors;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reading sources' JSON leniently field by field, strictly as a whole. */
final class Json {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private Json() {}

    /** The whole answer, or a ConnectorException naming the source and where the JSON breaks. */
    static JsonNode parse(byte[] body, String what) {
        try {
            return MAPPER.readTree(body);
        } catch (JacksonException e) {
            String reason = e.getOriginalMessage();
            if (reason != null && reason.length() > 160) {
                reason = reason.substring(0, 160) + "…";
            }
            String where = e.getLocation() == null
                    ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column "
                            + e.getLocation().getColumnNr();
            throw new ConnectorException(what + " answered with malformed JSON" + where + ": " + reason, e);
        }
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || value.isNull() || value.isMissingNode() || value.isContainer()) {
            return null;
        }
        String text = value.asString().strip();
        return text.isEmpty() ? null : text;
    }

    static BigDecimal number(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isNumber()) {
            return value.decimalValue();
        }
        try {
            return new BigDecimal(value.asString().replace(",", "").strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** ISO instants, offsets or plain dates ("2016-01-14T10:55:28-05:00", "2011-10-31"); null if unreadable. */
    static Instant instant(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.strip();
        try {
            return OffsetDateTime.parse(t).toInstant();
        } catch (DateTimeParseException e) {
            // try the next form
        }
        try {
            return Instant.parse(t);
        } catch (DateTimeParseException e) {
            // try the next form
        }
        try {
            return LocalDate.parse(t.length() > 10 ? t.substring(0, 10) : t)
                    .atStartOfDay()
                    .toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}

package io.openhire.platform.logging;

import ch.qos.logback.classic.pattern.ThrowableProxyConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.encoder.EncoderBase;
import io.openhire.platform.json.JsonText;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

/**
 * Writes one JSON object per log event, with the message and any stack trace passed through {@link
 * Redactor}. Fields: {@code @timestamp, level, service, logger, thread, message, requestId, traceId,
 * spanId} and any other MDC entry, plus {@code error} for a throwable.
 *
 * <p>Hand-written rather than Jackson-based so that logging never depends on the application's
 * object mapper and works from the first line of start-up.
 */
public class JsonLogEncoder extends EncoderBase<ILoggingEvent> {

    private final ThrowableProxyConverter throwableConverter = new ThrowableProxyConverter();

    @Override
    public void start() {
        throwableConverter.setContext(getContext());
        throwableConverter.start();
        super.start();
    }

    @Override
    public byte[] headerBytes() {
        return null;
    }

    @Override
    public byte[] footerBytes() {
        return null;
    }

    @Override
    public byte[] encode(ILoggingEvent event) {
        StringBuilder json = new StringBuilder(256);
        json.append('{');
        field(json, "@timestamp", Instant.ofEpochMilli(event.getTimeStamp()).toString());
        field(json, "level", event.getLevel().toString());
        Map<String, String> mdc = event.getMDCPropertyMap();
        String service = mdc.get("service");
        if (service != null) {
            field(json, "service", service);
        }
        field(json, "logger", event.getLoggerName());
        field(json, "thread", event.getThreadName());
        field(json, "message", Redactor.redact(event.getFormattedMessage()));
        for (Map.Entry<String, String> entry : mdc.entrySet()) {
            if (!"service".equals(entry.getKey())) {
                field(json, entry.getKey(), Redactor.redact(entry.getValue()));
            }
        }
        IThrowableProxy error = event.getThrowableProxy();
        if (error != null) {
            field(json, "error", Redactor.redact(throwableConverter.convert(event)));
        }
        json.setLength(json.length() - 1);
        json.append("}\n");
        return json.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void field(StringBuilder json, String name, String value) {
        json.append('"');
        JsonText.appendEscaped(json, name).append("\":\"");
        JsonText.appendEscaped(json, value == null ? "" : value).append("\",");
    }
}

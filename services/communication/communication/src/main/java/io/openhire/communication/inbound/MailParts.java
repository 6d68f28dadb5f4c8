package io.openhire.communication.inbound;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetHeaders;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads what communication needs from an inbound email: its text, and whether it is a delivery report. */
final class MailParts {

    static final int MAX_TEXT = 20_000;
    private static final Pattern STATUS = Pattern.compile("(?im)^Status:\\s*([245]\\.\\d{1,3}\\.\\d{1,3})");
    private static final Pattern ACTION = Pattern.compile("(?im)^Action:\\s*(\\w+)");
    private static final Pattern DIAGNOSTIC = Pattern.compile("(?im)^Diagnostic-Code:\\s*(.+)$");

    /** A delivery status notification (RFC 3464) or a complaint (RFC 5965), reduced to what matters. */
    record Report(boolean complaint, String action, String status, String diagnostic, String originalMessageId) {

        boolean delivered() {
            return !complaint && "delivered".equalsIgnoreCase(action);
        }

        boolean failed() {
            return complaint || "failed".equalsIgnoreCase(action);
        }

        boolean permanent() {
            return complaint || (status != null && status.startsWith("5"));
        }
    }

    private MailParts() {}

    /** The first plain-text part (or an HTML one without its tags), at most {@link #MAX_TEXT} characters. */
    static String text(Part part) throws MessagingException, IOException {
        String text = findText(part, "text/plain");
        if (text == null) {
            String html = findText(part, "text/html");
            text = html == null
                    ? ""
                    : html.replaceAll("(?is)<(script|style)[^>]*>.*?</\\1>", " ")
                            .replaceAll("(?s)<[^>]+>", " ")
                            .replace("&nbsp;", " ")
                            .replaceAll("[ \\t]+", " ");
        }
        text = text.strip();
        return text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) : text;
    }

    private static String findText(Part part, String type) throws MessagingException, IOException {
        if (part.isMimeType(type) && !Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
            Object content = part.getContent();
            return content instanceof String s ? s : null;
        }
        if (part.isMimeType("multipart/*") && part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                String found = findText(multipart.getBodyPart(i), type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /** The report, when the message is a delivery status notification or a feedback (complaint) report. */
    static Optional<Report> report(Part message) throws MessagingException, IOException {
        if (!message.isMimeType("multipart/report")) {
            return Optional.empty();
        }
        String reportType = new ContentType(message.getContentType()).getParameter("report-type");
        boolean complaint = "feedback-report".equalsIgnoreCase(reportType);
        if (!complaint && !"delivery-status".equalsIgnoreCase(reportType)) {
            return Optional.empty();
        }
        if (!(message.getContent() instanceof Multipart parts)) {
            return Optional.empty();
        }
        String statusText = "";
        String originalId = null;
        for (int i = 0; i < parts.getCount(); i++) {
            BodyPart part = parts.getBodyPart(i);
            String type = part.getContentType().toLowerCase(Locale.ROOT);
            if (type.startsWith("message/delivery-status") || type.startsWith("message/feedback-report")) {
                statusText = raw(part);
            } else if (type.startsWith("text/rfc822-headers") || type.startsWith("message/rfc822")) {
                InternetHeaders headers =
                        new InternetHeaders(new ByteArrayInputStream(raw(part).getBytes(StandardCharsets.UTF_8)));
                originalId = headers.getHeader("Message-ID", null);
            }
        }
        return Optional.of(new Report(
                complaint,
                first(ACTION, statusText),
                first(STATUS, statusText),
                first(DIAGNOSTIC, statusText),
                originalId));
    }

    private static String raw(BodyPart part) throws MessagingException, IOException {
        Object content = part.getContent();
        if (content instanceof String s) {
            return s;
        }
        if (content instanceof Part inner) {
            // message/rfc822: its headers are what is needed
            StringBuilder headers = new StringBuilder();
            var all = inner.getAllHeaders();
            while (all.hasMoreElements()) {
                var header = all.nextElement();
                headers.append(header.getName())
                        .append(": ")
                        .append(header.getValue())
                        .append("\r\n");
            }
            return headers.toString();
        }
        try (InputStream in = part.getInputStream()) {
            return new String(in.readNBytes(64 * 1024), StandardCharsets.UTF_8);
        }
    }

    private static String first(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        return m.find() ? m.group(1).strip() : null;
    }
}

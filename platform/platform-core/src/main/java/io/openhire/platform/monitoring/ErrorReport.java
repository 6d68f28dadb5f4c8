package io.openhire.platform.monitoring;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * One error as a service (or the dashboard's browser script) reports it to the monitoring service's
 * {@code POST /api/v1/errors/report}. A platform protocol like {@code ServiceTokenExchange}: platform-core's
 * {@link ErrorReporter} writes it, monitoring reads it, so both sides use this record.
 *
 * <p>It carries no personal data: the message has been through {@link ErrorReport#scrub}, the frames are code
 * locations, the operation is a route pattern ({@code GET /api/v1/candidates/{id}}), never a concrete URL. The
 * organisation affected is not in the body: monitoring takes it from the reporter's token, so it cannot be forged.
 *
 * @param service the reporting service ({@code spring.application.name}), or {@code browser}
 * @param source where it happened: {@code request} (an unhandled error answered with a 500), {@code listener}
 *     (an event dead-lettered), {@code browser} (a script error on a dashboard page)
 * @param type the exception's class name (a script error's name in a browser)
 * @param message what went wrong, scrubbed
 * @param frames the top stack frames, innermost first ({@code io.openhire.x.Y.method:42})
 * @param operation the route pattern or the topic the failing work belonged to
 * @param traceId the trace the error happened in, if traced
 * @param requestId the request id ({@code X-Request-Id}) the caller saw
 */
public record ErrorReport(
        @NotBlank @Size(max = 60) @Pattern(regexp = "[a-z][a-z0-9-]*", message = "must be a service name")
        String service,

        @NotBlank @Pattern(regexp = "request|listener|browser", message = "must be request, listener or browser")
        String source,

        @NotBlank @Size(max = 200) String type,
        @Size(max = 1000) String message,
        @Size(max = 20) List<@NotBlank @Size(max = 300) String> frames,
        @Size(max = 200) String operation,

        @Size(max = 64) @Pattern(regexp = "[0-9a-fA-F]*", message = "must be hexadecimal")
        String traceId,

        @Size(max = 100) @Pattern(regexp = "[A-Za-z0-9._-]*", message = "must be a request id")
        String requestId) {

    /** How many frames a report keeps: enough to tell two errors apart, not a whole stack. */
    public static final int FRAMES = 12;

    private static final java.util.regex.Pattern QUOTED =
            java.util.regex.Pattern.compile("'[^']*'|\"[^\"]*\"|\\([^()]{1,200}\\)=\\([^()]*\\)");
    private static final java.util.regex.Pattern UUID = java.util.regex.Pattern.compile(
            "\\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\\b");
    private static final java.util.regex.Pattern NUMBER = java.util.regex.Pattern.compile("\\b\\d{3,}\\b");

    /**
     * An exception's message as it may be stored: secrets, emails and phones masked (the log redactor), and
     * whatever an exception quotes (values, SQL key details) replaced, because that is where a name or an
     * address would be; ids and long numbers too, so that the same error with other data reads the same.
     */
    public static String scrub(String message) {
        if (message == null || message.isBlank()) {
            return null;
        }
        String out = io.openhire.platform.logging.Redactor.redact(message);
        out = QUOTED.matcher(out).replaceAll("…");
        out = UUID.matcher(out).replaceAll("{id}");
        out = NUMBER.matcher(out).replaceAll("{n}");
        out = out.replaceAll("\\s+", " ").strip();
        return out.length() > 500 ? out.substring(0, 500) + "…" : out;
    }

    /**
     * The root cause's frames as {@code class.method:line}: the top few where it was thrown (inside a library, often),
     * then OpenHire's own frames below them, which say whose code it was — {@value #FRAMES} in all.
     */
    public static List<String> framesOf(Throwable e) {
        StackTraceElement[] stack = rootOf(e).getStackTrace();
        List<String> frames = new java.util.ArrayList<>();
        for (int i = 0; i < stack.length && frames.size() < FRAMES; i++) {
            if (i < TOP_FRAMES || stack[i].getClassName().startsWith(OWN_CODE)) {
                frames.add(frame(stack[i]));
            }
        }
        return List.copyOf(frames);
    }

    /** Frames kept from the top of a stack, whoever's code they are. */
    private static final int TOP_FRAMES = 4;

    /** Where OpenHire's own code is: the frames that tell one error from another. */
    public static final String OWN_CODE = "io.openhire.";

    private static String frame(StackTraceElement f) {
        String text =
                f.getClassName() + "." + f.getMethodName() + (f.getLineNumber() > 0 ? ":" + f.getLineNumber() : "");
        return text.length() > 300 ? text.substring(0, 300) : text;
    }

    /** The root cause's class: what the error is, under Spring's wrappers. */
    public static Throwable rootOf(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }
}

package io.openhire.dashboard.web;

import io.openhire.monitoring.client.MonitoringApi;
import io.openhire.platform.monitoring.ErrorReport;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.stereotype.Controller;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;

/**
 * {@code POST /client-errors}: a script error on a dashboard page, as {@code dashboard.js} catches it ({@code
 * window.onerror}, an unhandled promise rejection), relayed to the monitoring service as an {@link ErrorReport} of
 * the service {@code browser}. Signed-in people only (see {@code SignInSecurity}); monitoring counts the report
 * against their organisation (it reads it from their token) and limits how many new errors one organisation starts.
 *
 * <p>Best effort: with monitoring away the browser still gets 202 (there is nothing it could do about it) and the
 * dashboard logs it at debug. A malformed report is refused with 400 and never reaches monitoring.
 */
@Controller
class BrowserErrors {

    private static final Logger log = LoggerFactory.getLogger(BrowserErrors.class);

    private static final java.util.regex.Pattern ID = java.util.regex.Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final java.util.regex.Pattern NUMBER = java.util.regex.Pattern.compile("\\d+");

    private final MonitoringApi monitoring;

    BrowserErrors(MonitoringApi monitoring) {
        this.monitoring = monitoring;
    }

    /**
     * What the page's script sends: the error's name ({@code TypeError}), its message, at most {@value
     * ErrorReport#FRAMES} stack frames, and the page's path without its query (the query may hold a search).
     */
    record BrowserError(
            @NotBlank @Size(max = 200) String type,
            @Size(max = 1000) String message,
            @Size(max = ErrorReport.FRAMES) List<@NotBlank @Size(max = 300) String> frames,

            @NotBlank @Size(max = 200) @Pattern(regexp = "/[^?#\\s]*", message = "must be a path without a query")
            String route) {}

    @PostMapping("/client-errors")
    ResponseEntity<Void> report(@Valid @RequestBody BrowserError error) {
        ErrorReport report = new ErrorReport(
                "browser",
                "browser",
                error.type().strip(),
                ErrorReport.scrub(error.message()),
                error.frames() == null ? List.of() : error.frames(),
                pattern(error.route()),
                null,
                null); // the request id would be this relay's, not the one of the request that failed
        try {
            monitoring.report(report);
        } catch (RuntimeException away) {
            // Monitoring away or refusing (too many new errors): the browser's error is lost, nothing else is.
            log.debug(
                    "A browser error was not relayed to monitoring: {}",
                    away.getClass().getSimpleName());
        }
        return ResponseEntity.accepted().build();
    }

    /** Not JSON, not a report, or a field out of bounds: 400, and monitoring is not asked. */
    @ExceptionHandler({
        HttpMessageNotReadableException.class,
        HttpMediaTypeNotSupportedException.class,
        MethodArgumentNotValidException.class
    })
    ResponseEntity<Void> malformed() {
        return ResponseEntity.badRequest().build();
    }

    /**
     * The page's route as a pattern ({@code /candidates/{id}}): ids and numbers are the same page's data, so the same
     * error on two candidates is one error; a segment with an address in it is dropped (it would be personal data).
     */
    static String pattern(String route) {
        String pattern = java.util.Arrays.stream(route.split("/", -1))
                .map(segment -> ID.matcher(segment).matches()
                        ? "{id}"
                        : NUMBER.matcher(segment).matches() ? "{n}" : segment.contains("@") ? "{value}" : segment)
                .collect(Collectors.joining("/"));
        return pattern.length() <= 200 ? pattern : pattern.substring(0, 200);
    }
}

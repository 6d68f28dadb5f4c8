package io.openhire.communication.interviews.web;

import io.openhire.communication.interviews.Interviews;
import io.openhire.platform.errors.DomainException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * The candidate's booking page: public (no account), reached by the tokenised link in their invitation. It
 * lists the offered times in the recruiter's time zone with its UTC offset, and books the one picked. Plain
 * HTML, no script; not cached, not indexed, and the token goes to no other site as a referrer ("same-origin":
 * with "no-referrer" browsers send "Origin: null" with the form, which the CORS check rightly refuses).
 */
@RestController
@RequestMapping("/api/v1/communications/bookings")
class BookingController {

    private final Interviews interviews;

    BookingController(Interviews interviews) {
        this.interviews = interviews;
    }

    @GetMapping(path = "/{token}", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> page(@PathVariable String token) {
        try {
            var interview = interviews.byToken(token);
            if ("BOOKED".equals(interview.status())) {
                return html(
                        HttpStatus.OK,
                        "<h1>Your interview is booked</h1><p>" + esc(interview.title()) + ": "
                                + esc(interview.when(interview.startsAt())) + ".</p>");
            }
            if ("CANCELLED".equals(interview.status())) {
                return html(HttpStatus.GONE, "<h1>This interview was cancelled</h1>");
            }
            StringBuilder form = new StringBuilder()
                    .append("<h1>")
                    .append(esc(interview.title()))
                    .append("</h1>")
                    .append("<p>Pick a time (")
                    .append(interview.durationMinutes())
                    .append(" minutes")
                    .append(interview.location() == null ? "" : ", " + esc(interview.location()))
                    .append("):</p><form method=\"post\">");
            Instant now = Instant.now();
            int shown = 0;
            for (Instant slot : interviews.openSlots(interview, now)) {
                form.append("<p><label><input type=\"radio\" name=\"slot\" required value=\"")
                        .append(slot)
                        .append("\"> ")
                        .append(esc(interview.when(slot)))
                        .append("</label></p>");
                shown++;
            }
            if (shown == 0) {
                return html(
                        HttpStatus.OK,
                        "<h1>" + esc(interview.title())
                                + "</h1><p>All the offered times have passed. Please reply to the invitation email.</p>");
            }
            form.append("<button type=\"submit\">Book this time</button></form>");
            return html(HttpStatus.OK, form.toString());
        } catch (DomainException e) {
            return problem(e);
        }
    }

    @PostMapping(path = "/{token}", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> book(@PathVariable String token, @RequestParam(required = false) String slot) {
        try {
            Instant chosen;
            try {
                chosen = slot == null ? null : Instant.parse(slot);
            } catch (DateTimeParseException e) {
                chosen = null;
            }
            var booked = interviews.book(token, chosen);
            return html(
                    HttpStatus.OK,
                    "<h1>Booked</h1><p>" + esc(booked.title()) + ": "
                            + esc(booked.when(booked.startsAt()))
                            + ".</p><p>A calendar invitation is on its way to your inbox.</p>");
        } catch (DomainException e) {
            return problem(e);
        }
    }

    private static ResponseEntity<String> problem(DomainException e) {
        HttpStatus status = switch (e.category()) {
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            default -> HttpStatus.BAD_REQUEST;
        };
        String message = status == HttpStatus.NOT_FOUND ? "This booking link is not valid." : e.getMessage();
        if (e.properties().get("errors") instanceof java.util.List<?> errors
                && !errors.isEmpty()
                && errors.getFirst() instanceof java.util.Map<?, ?> first) {
            message = "The time " + first.get("message") + ".";
        }
        return html(status, "<h1>Not booked</h1><p>" + esc(message) + "</p>");
    }

    private static ResponseEntity<String> html(HttpStatus status, String body) {
        return ResponseEntity.status(status)
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .header("Cache-Control", "no-store")
                .header("Referrer-Policy", "same-origin")
                .header("X-Robots-Tag", "noindex")
                .body("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                        // the dashboard's style sheet, served by the same gateway: the page looks like OpenHire
                        + "<link rel=\"stylesheet\" href=\"/assets/dashboard.css\">"
                        + "<title>Interview booking</title></head><body><main class=\"card narrow\">" + body
                        + "</main></body></html>");
    }

    private static String esc(String text) {
        return HtmlUtils.htmlEscape(text == null ? "" : text);
    }
}

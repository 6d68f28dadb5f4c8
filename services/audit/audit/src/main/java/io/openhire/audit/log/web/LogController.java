package io.openhire.audit.log.web;

import io.openhire.audit.client.AuditEntry;
import io.openhire.audit.client.AuditPage;
import io.openhire.audit.client.ChainVerification;
import io.openhire.audit.log.AuditLog;
import io.openhire.platform.security.AuthenticatedUser;
import io.openhire.platform.web.DateOrInstant;
import io.openhire.platform.web.ProblemException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/logs} (filters, newest first, a page at a time), {@code /logs/export} (the same as CSV, every
 * entry) and {@code /logs/verify} (the chain recomputed): the caller's organisation only, its admins only.
 */
@RestController
@RequestMapping("/api/v1/logs")
class LogController {

    static final int MAX_LIMIT = 500;
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9._-]{0,99}");
    private static final Pattern ACTOR = Pattern.compile("(user|api-key|service):[A-Za-z0-9._-]{1,100}");
    private static final int MAX_RESOURCE_ID = 200;

    private final AuditLog log;

    LogController(AuditLog log) {
        this.log = log;
    }

    /**
     * The organisation's admins read everything; a service reads the entries of one record only (the candidate
     * portal showing a candidate who looked at their file).
     */
    @GetMapping
    @PreAuthorize("hasAnyRole('ADMIN', 'SERVICE')")
    AuditPage entries(
            AuthenticatedUser caller,
            @RequestParam(required = false) String actor,
            @RequestParam(required = false) String action,
            @RequestParam(required = false) String resourceType,
            @RequestParam(required = false) String resourceId,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) Long before,
            @RequestParam(defaultValue = "50") int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ProblemException.invalidField("limit", "must be from 1 to " + MAX_LIMIT);
        }
        if (!caller.hasRole("ADMIN") && (isBlank(resourceType) || isBlank(resourceId))) {
            throw ProblemException.forbidden(
                    "A service reads the entries of one record: give resourceType and resourceId");
        }
        if (before != null && before < 1) {
            throw ProblemException.invalidField("before", "must be a position, 1 or more (a page's nextBefore)");
        }
        return log.page(
                caller.organizationId(), filter(actor, action, resourceType, resourceId, from, to), before, limit);
    }

    /** Every entry that passes the filters, newest first, as CSV (one header line, then an entry a line). */
    @GetMapping("/export")
    @PreAuthorize("hasRole('ADMIN')")
    void export(
            AuthenticatedUser caller,
            @RequestParam(required = false) String actor,
            @RequestParam(required = false) String action,
            @RequestParam(required = false) String resourceType,
            @RequestParam(required = false) String resourceId,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            HttpServletResponse response)
            throws IOException {
        AuditLog.Filter filter = filter(actor, action, resourceType, resourceId, from, to);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"audit-log.csv\"");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        PrintWriter out = response.getWriter();
        out.print(String.join(",", CSV_HEADER) + "\r\n");
        log.each(caller.organizationId(), filter, e -> out.print(csvLine(e)));
        out.flush();
        if (out.checkError()) {
            throw new UncheckedIOException(new IOException("the client went away during the export"));
        }
    }

    @GetMapping("/verify")
    @PreAuthorize("hasRole('ADMIN')")
    ChainVerification verify(AuthenticatedUser caller) {
        return log.verify(caller.organizationId());
    }

    static final List<String> CSV_HEADER = List.of(
            "position",
            "id",
            "occurredAt",
            "recordedAt",
            "actor",
            "action",
            "resourceType",
            "resourceId",
            "result",
            "ip",
            "requestId",
            "service",
            "previousHash",
            "hash");

    static String csvLine(AuditEntry e) {
        return List.of(
                                Long.toString(e.position()),
                                e.id().toString(),
                                e.occurredAt().toString(),
                                e.recordedAt().toString(),
                                e.actor(),
                                e.action(),
                                e.resourceType(),
                                nullToEmpty(e.resourceId()),
                                e.result(),
                                nullToEmpty(e.ip()),
                                nullToEmpty(e.requestId()),
                                e.service(),
                                e.previousHash(),
                                e.hash())
                        .stream()
                        .map(LogController::csvCell)
                        .collect(Collectors.joining(","))
                + "\r\n";
    }

    /**
     * RFC 4180 quoting; a cell a spreadsheet would run as a formula (=, +, -, @ first) is opened with an apostrophe
     * (an id written by a service is not trusted to be harmless).
     */
    static String csvCell(String value) {
        String v = value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
            v = "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    private static AuditLog.Filter filter(
            String actor, String action, String resourceType, String resourceId, String from, String to) {
        actor = blankToNull(actor);
        action = blankToNull(action);
        resourceType = blankToNull(resourceType);
        resourceId = blankToNull(resourceId);
        if (actor != null && !ACTOR.matcher(actor).matches()) {
            throw ProblemException.invalidField("actor", "must be user:<id>, api-key:<id> or service:<name>");
        }
        if (action != null && !NAME.matcher(action).matches()) {
            throw ProblemException.invalidField("action", "must be an action's name, e.g. resume.downloaded");
        }
        if (resourceType != null && !NAME.matcher(resourceType).matches()) {
            throw ProblemException.invalidField("resourceType", "must be a kind of record, e.g. resume");
        }
        if (resourceId != null && resourceId.length() > MAX_RESOURCE_ID) {
            throw ProblemException.invalidField("resourceId", "must be at most " + MAX_RESOURCE_ID + " characters");
        }
        Instant fromInstant = DateOrInstant.atStart("from", from);
        Instant toInstant = DateOrInstant.afterEnd("to", to);
        if (fromInstant != null && toInstant != null && !fromInstant.isBefore(toInstant)) {
            throw ProblemException.invalidField("to", "must be after from");
        }
        return new AuditLog.Filter(actor, action, resourceType, resourceId, fromInstant, toInstant);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}

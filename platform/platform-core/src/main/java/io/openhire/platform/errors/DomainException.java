package io.openhire.platform.errors;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An outcome of a business rule that the caller must know about: something was not found, conflicts with
 * what is there, is not allowed, or cannot be handled now. Core code (services, repositories, parsers,
 * listeners) throws this and knows nothing of HTTP; the web layer ({@code GlobalProblemHandler}) turns the
 * {@link Category} into a status and the rest into an RFC 9457 problem detail.
 *
 * <p>{@code kind} is a stable, short slug (for example {@code source-exists}); it becomes the problem's
 * {@code type} URI, which clients may switch on. Never put secrets or personal data into the detail: it is
 * shown to the caller and may be logged.
 */
public class DomainException extends RuntimeException {

    /** What went wrong, in domain terms; the web layer owns the mapping to HTTP statuses. */
    public enum Category {
        /** The input breaks a rule (400). */
        INVALID,
        /** The input is well-formed but cannot be processed (a document without text, say) (422). */
        UNPROCESSABLE,
        /** Who is asking is unknown or their credentials are wrong (401). */
        UNAUTHENTICATED,
        /** Known, but not allowed to do this (403). */
        NOT_PERMITTED,
        /** Nothing of that id in the caller's organisation (404). */
        NOT_FOUND,
        /** Conflicts with the current state (a duplicate, a change made meanwhile) (409). */
        CONFLICT,
        /** The thing is locked for now (an account after too many failed logins) (423). */
        LOCKED,
        /** Larger than accepted (413). */
        TOO_LARGE,
        /** A type of content this does not handle (415). */
        UNSUPPORTED_TYPE,
        /** The caller must slow down (429). */
        TOO_MANY_REQUESTS,
        /** Something this depends on is away; try again shortly (503). */
        UNAVAILABLE,
        /** Something this depends on did not answer in time (504). */
        TIMED_OUT
    }

    private final Category category;
    private final String kind;
    private final String title;
    private final Map<String, Object> properties = new LinkedHashMap<>();

    public DomainException(Category category, String kind, String title, String detail) {
        super(detail);
        this.category = category;
        this.kind = kind;
        this.title = title;
    }

    public static DomainException invalid(String kind, String detail) {
        return new DomainException(Category.INVALID, kind, "Bad request", detail);
    }

    /** The same shape as bean-validation errors, for rules checked in code (a password policy, say). */
    public static DomainException invalidField(String field, String message) {
        return new DomainException(
                        Category.INVALID, "validation", "Invalid request", "The request has 1 invalid field(s).")
                .with("errors", List.of(Map.of("field", field, "message", message)));
    }

    public static DomainException unprocessable(String kind, String detail) {
        return new DomainException(Category.UNPROCESSABLE, kind, "Unprocessable content", detail);
    }

    public static DomainException notFound(String what) {
        return new DomainException(Category.NOT_FOUND, "not-found", "Not found", what + " was not found");
    }

    public static DomainException conflict(String kind, String detail) {
        return new DomainException(Category.CONFLICT, kind, "Conflict", detail);
    }

    public static DomainException notPermitted(String detail) {
        return new DomainException(Category.NOT_PERMITTED, "forbidden", "Forbidden", detail);
    }

    public static DomainException unavailable(String kind, String detail) {
        return new DomainException(Category.UNAVAILABLE, kind, "Service unavailable", detail);
    }

    /** Adds a property to the problem detail ({@code retryAfterSeconds} also becomes a Retry-After header). */
    public DomainException with(String property, Object value) {
        properties.put(property, value);
        return this;
    }

    public Category category() {
        return category;
    }

    public String kind() {
        return kind;
    }

    public String title() {
        return title;
    }

    public Map<String, Object> properties() {
        return Collections.unmodifiableMap(properties);
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        // Expected outcomes, not bugs: a stack trace per refused request is wasted work.
        return this;
    }
}

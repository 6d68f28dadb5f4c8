package io.openhire.dashboard.web;

import io.openhire.dashboard.api.ApiProblem;
import io.openhire.platform.errors.DomainException;
import io.openhire.platform.web.GlobalProblemHandler;
import io.openhire.platform.web.ProblemException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.client.RestClientResponseException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Whatever goes wrong shows as a sentence on the page — the service's own problem detail where it gave
 * one — never a stack trace or a blank page. An htmx request gets the message as a fragment in place of
 * what it asked for (htmx is configured to swap error answers); a page request gets the error page.
 */
@ControllerAdvice
@Order(0)
class PageErrors {

    private static final Logger log = LoggerFactory.getLogger(PageErrors.class);

    /** The dashboard's own bugs go to the monitoring service too (platform-core's reporter, where configured). */
    private final org.springframework.beans.factory.ObjectProvider<io.openhire.platform.monitoring.ErrorReporter>
            errorReporter;

    PageErrors(
            org.springframework.beans.factory.ObjectProvider<io.openhire.platform.monitoring.ErrorReporter>
                    errorReporter) {
        this.errorReporter = errorReporter;
    }

    /** A link with a malformed part (an id that cannot be one): the same sentence wherever it is found. */
    static final String BAD_LINK = "That link is not valid: a part of it is missing or malformed.";

    @ExceptionHandler(RestClientResponseException.class)
    ModelAndView serviceRefused(
            RestClientResponseException e, HttpServletRequest request, HttpServletResponse response) {
        int status = e.getStatusCode().value();
        return error(status == 401 ? 401 : status >= 500 ? 502 : status, ApiProblem.message(e), request, response);
    }

    @ExceptionHandler(ProblemException.class)
    ModelAndView problem(ProblemException e, HttpServletRequest request, HttpServletResponse response) {
        return error(e.status().value(), withFieldErrors(e), request, response);
    }

    /** "The request has 1 invalid field(s). strongMatchPercent: a whole number from 0 to 100." */
    static String withFieldErrors(ProblemException e) {
        StringBuilder message = new StringBuilder(e.getMessage());
        Map<String, Object> properties = e.toProblemDetail().getProperties();
        if (properties != null && properties.get("errors") instanceof List<?> errors) {
            for (Object error : errors) {
                if (error instanceof Map<?, ?> field) {
                    message.append(' ')
                            .append(field.get("field"))
                            .append(": ")
                            .append(field.get("message"))
                            .append('.');
                }
            }
        }
        return message.toString();
    }

    /** A service that could not be reached (its client says so), with the status the services would answer. */
    @ExceptionHandler(DomainException.class)
    ModelAndView domain(DomainException e, HttpServletRequest request, HttpServletResponse response) {
        return error(GlobalProblemHandler.statusOf(e.category()).value(), e.getMessage(), request, response);
    }

    @ExceptionHandler({MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class})
    ModelAndView badLink(Exception e, HttpServletRequest request, HttpServletResponse response) {
        // Which part was wrong (a parameter name, never its value): enough to find a broken link or form.
        log.info(
                "{} {}: {}",
                request.getMethod(),
                request.getRequestURI(),
                e.getClass().getSimpleName()
                        + (e instanceof MissingServletRequestParameterException missing
                                ? " " + missing.getParameterName()
                                : "")
                        + (e instanceof MethodArgumentTypeMismatchException mismatch ? " " + mismatch.getName() : ""));
        return error(400, BAD_LINK, request, response);
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ModelAndView notFound(HttpServletRequest request, HttpServletResponse response) {
        return error(404, "There is no page here.", request, response);
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ModelAndView tooLarge(HttpServletRequest request, HttpServletResponse response) {
        return error(413, "The file is larger than 10 MB.", request, response);
    }

    @ExceptionHandler(org.springframework.web.HttpRequestMethodNotSupportedException.class)
    ModelAndView wrongMethod(HttpServletRequest request, HttpServletResponse response) {
        return error(405, "That action is not available here.", request, response);
    }

    /**
     * A live-update stream reached its time limit (the browser reconnects), or the browser went away:
     * normal ends of a stream, not errors.
     */
    @ExceptionHandler({
        org.springframework.web.context.request.async.AsyncRequestTimeoutException.class,
        org.springframework.web.context.request.async.AsyncRequestNotUsableException.class
    })
    void streamEnded() {
        // the response is already committed; nothing to add
    }

    /** Anything else is our bug: logged (without request content) and shown as a sentence. */
    @ExceptionHandler(Exception.class)
    ModelAndView unexpected(Exception e, HttpServletRequest request, HttpServletResponse response) {
        log.error("{} {} failed", request.getMethod(), request.getRequestURI(), e);
        errorReporter.ifAvailable(reporter -> reporter.requestFailed(e, GlobalProblemHandler.operationOf(request)));
        return error(500, "Something went wrong on our side. Try again in a moment.", request, response);
    }

    static ModelAndView error(int status, String message, HttpServletRequest request, HttpServletResponse response) {
        if (status >= 500) {
            log.warn("{} {} failed with {}: {}", request.getMethod(), request.getRequestURI(), status, message);
        }
        response.setStatus(status);
        ModelAndView view = new ModelAndView(PageModel.partial(request) ? "error :: message" : "error");
        view.addObject("status", status);
        // Exception handlers do not get the advice's model attributes: the page frame needs them too.
        view.addObject("me", PageModel.signedIn());
        view.addObject("path", request.getRequestURI());
        view.addObject("message", message);
        return view;
    }
}

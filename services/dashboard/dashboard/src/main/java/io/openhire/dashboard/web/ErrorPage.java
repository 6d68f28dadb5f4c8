package io.openhire.dashboard.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * What the servlet container sends to {@code /error} (an unknown path, a request it rejected before any
 * controller): the dashboard's error page instead of the services' JSON problem.
 */
@Controller
class ErrorPage implements ErrorController {

    @RequestMapping("/error")
    ModelAndView error(HttpServletRequest request, HttpServletResponse response) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer value ? value : 500;
        String message = switch (status) {
            case 404 -> "There is no page here.";
            case 403 ->
                request.getAttribute(WebAttributes.ACCESS_DENIED_403) instanceof CsrfException
                        ? "The form was too old: reload the page and try again."
                        : "Your role does not allow this.";
            case 413 -> "That is too large.";
            case 400 -> "The request was not understood.";
            default ->
                status >= 500 ? "Something went wrong on our side. Try again in a moment." : "That did not work.";
        };
        return PageErrors.error(status, message, request, response);
    }
}

package io.openhire.dashboard.signin;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.WebAttributes;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** {@code GET /login}: the sign-in form, with why the person is here (wrong password, session ended, signed out). */
@Controller
class SignInPage {

    @GetMapping("/login")
    String signIn(HttpServletRequest request, Model model) {
        if (request.getParameter("error") != null) {
            HttpSession session = request.getSession(false);
            Object failure = session == null ? null : session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
            if (session != null) {
                session.removeAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
            }
            model.addAttribute(
                    "error",
                    failure instanceof AuthenticationException e && e.getMessage() != null
                            ? e.getMessage()
                            : "Wrong email address or password.");
        } else if (request.getParameter("expired") != null) {
            model.addAttribute("notice", "Your session has ended. Sign in again to continue.");
        } else if (request.getParameter("logout") != null) {
            model.addAttribute("notice", "You have signed out.");
        }
        return "login";
    }
}

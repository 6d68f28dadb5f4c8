package io.openhire.dashboard.web;

import io.openhire.dashboard.signin.SignedInUser;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page's frame shows: who is signed in (name, organisation, admin or not) and where they are. */
@ControllerAdvice
class PageModel {

    @ModelAttribute("me")
    SignedInUser me() {
        return signedIn();
    }

    static SignedInUser signedIn() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication instanceof SignedInUser user ? user : null;
    }

    @ModelAttribute("path")
    String path(HttpServletRequest request) {
        return request.getRequestURI();
    }

    /** Pages for an organisation's admins only (the services check again: this is for a clear message). */
    static void requireAdmin(String message) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (!(authentication instanceof SignedInUser user) || !user.isAdmin()) {
            throw io.openhire.platform.web.ProblemException.forbidden(message);
        }
    }

    /** htmx asks for a part of a page; a plain request (a link, a reload) gets the whole page. */
    static boolean partial(HttpServletRequest request) {
        return request.getHeader("HX-Request") != null && request.getHeader("HX-Boosted") == null;
    }
}

package io.openhire.dashboard.signin;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.WebUtils;

/**
 * Access tokens live 15 minutes, a dashboard session for hours: before a request uses a token that is
 * about to expire, this renews it with the refresh token and keeps the new pair in the session. When
 * identity refuses (signed out elsewhere, account disabled), the session ends and the person is asked to
 * sign in again — with a message saying why.
 *
 * <p>One renewal per session at a time: identity rotates refresh tokens, so two parallel requests (a page
 * and its live-update connection) must not both spend the same one.
 */
class TokenRenewal extends OncePerRequestFilter {

    /** Renew this long before expiry, so that a call made during the request still carries a valid token. */
    static final Duration MARGIN = Duration.ofSeconds(60);

    static final String SESSION_ENDED = "openhire.dashboard.session-ended";

    private final IdentitySignIn signIn;
    private final SecurityContextRepository contexts;
    private final Clock clock;

    TokenRenewal(IdentitySignIn signIn, SecurityContextRepository contexts, Clock clock) {
        this.signIn = signIn;
        this.contexts = contexts;
        this.clock = clock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (current() instanceof SignedInUser user
                && user.expiresBefore(clock.instant().plus(MARGIN))) {
            HttpSession session = request.getSession(false);
            if (session != null) {
                synchronized (WebUtils.getSessionMutex(session)) {
                    renew(request, response, session);
                }
            }
        }
        chain.doFilter(request, response);
    }

    private void renew(HttpServletRequest request, HttpServletResponse response, HttpSession session) {
        // Another request may have renewed while this one waited: read the session's context again.
        SecurityContext stored = contexts.loadDeferredContext(request).get();
        Authentication latest = stored.getAuthentication();
        if (latest instanceof SignedInUser user
                && !user.expiresBefore(clock.instant().plus(MARGIN))) {
            SecurityContextHolder.getContext().setAuthentication(user);
            return;
        }
        Optional<SignedInUser> renewed = latest instanceof SignedInUser user ? signIn.renew(user) : Optional.empty();
        if (renewed.isPresent()) {
            SecurityContext context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(renewed.get());
            SecurityContextHolder.setContext(context);
            contexts.saveContext(context, request, response);
        } else {
            SecurityContextHolder.clearContext();
            session.invalidate();
            request.setAttribute(SESSION_ENDED, Boolean.TRUE);
        }
    }

    private static Authentication current() {
        return SecurityContextHolder.getContext().getAuthentication();
    }
}

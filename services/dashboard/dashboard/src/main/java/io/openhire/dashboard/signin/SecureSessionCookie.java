package io.openhire.dashboard.signin;

import io.openhire.dashboard.DashboardProperties.SecureCookie;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.Charset;
import java.util.function.Supplier;
import org.apache.tomcat.util.http.CookieProcessor;
import org.apache.tomcat.util.http.MimeHeaders;
import org.apache.tomcat.util.http.ServerCookies;

/**
 * {@code openhire.dashboard.secure-cookie} for the session cookie. Tomcat marks the session cookie
 * {@code Secure} by itself when the request is secure (HTTPS to the dashboard, or {@code X-Forwarded-Proto:
 * https} from a trusted proxy): that is {@code auto}, and this changes nothing. {@code always} and {@code
 * never} override it here, where the cookie becomes a header: Tomcat's own setting can add {@code Secure}
 * but never take it away.
 */
final class SecureSessionCookie implements CookieProcessor {

    private final CookieProcessor cookies;
    private final Supplier<String> sessionCookieName;
    private final SecureCookie mode;

    SecureSessionCookie(CookieProcessor cookies, Supplier<String> sessionCookieName, SecureCookie mode) {
        this.cookies = cookies;
        this.sessionCookieName = sessionCookieName;
        this.mode = mode;
    }

    @Override
    public String generateHeader(Cookie cookie, HttpServletRequest request) {
        if (mode == SecureCookie.AUTO || !cookie.getName().equals(sessionCookieName.get())) {
            return cookies.generateHeader(cookie, request);
        }
        Cookie session = (Cookie) cookie.clone();
        session.setSecure(mode == SecureCookie.ALWAYS);
        return cookies.generateHeader(session, request);
    }

    @Override
    public void parseCookieHeader(MimeHeaders headers, ServerCookies serverCookies) {
        cookies.parseCookieHeader(headers, serverCookies);
    }

    @Override
    public Charset getCharset() {
        return cookies.getCharset();
    }
}

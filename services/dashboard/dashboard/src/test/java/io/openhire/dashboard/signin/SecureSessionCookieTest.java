package io.openhire.dashboard.signin;

import static org.assertj.core.api.Assertions.assertThat;

import io.openhire.dashboard.DashboardProperties.SecureCookie;
import jakarta.servlet.http.Cookie;
import org.apache.tomcat.util.http.Rfc6265CookieProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/**
 * {@code openhire.dashboard.secure-cookie}: {@code always} and {@code never} decide the session cookie's
 * {@code Secure} whatever Tomcat made of the request; {@code auto} leaves Tomcat's choice (DashboardIT
 * shows it following {@code X-Forwarded-Proto}). Other cookies are left alone.
 */
class SecureSessionCookieTest {

    final MockHttpServletRequest request = new MockHttpServletRequest();

    @Test
    void alwaysMarksTheSessionCookieSecureOnPlainHttp() {
        String header = header(SecureCookie.ALWAYS, new Cookie("openhire_session", "abc"));
        assertThat(header).startsWith("openhire_session=abc").contains("; Secure");
        assertThat(header(SecureCookie.ALWAYS, new Cookie("other", "x"))).doesNotContain("Secure");
    }

    @Test
    void neverTakesSecureAwayEvenWhereTomcatSetIt() {
        assertThat(header(SecureCookie.NEVER, secure(new Cookie("openhire_session", "abc"))))
                .startsWith("openhire_session=abc")
                .doesNotContain("Secure");
        assertThat(header(SecureCookie.NEVER, secure(new Cookie("other", "x")))).contains("; Secure");
    }

    @Test
    void autoKeepsWhatTomcatDecided() {
        assertThat(header(SecureCookie.AUTO, secure(new Cookie("openhire_session", "abc"))))
                .contains("; Secure");
        assertThat(header(SecureCookie.AUTO, new Cookie("openhire_session", "abc")))
                .doesNotContain("Secure");
    }

    String header(SecureCookie mode, Cookie cookie) {
        return new SecureSessionCookie(new Rfc6265CookieProcessor(), () -> "openhire_session", mode)
                .generateHeader(cookie, request);
    }

    static Cookie secure(Cookie cookie) {
        cookie.setSecure(true);
        return cookie;
    }
}

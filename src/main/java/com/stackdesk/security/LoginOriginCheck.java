package com.stackdesk.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a sign-in posted from another site (login CSRF: signing a victim's browser in to the
 * attacker's account). Vaadin exempts the login form's POST from Spring's CSRF token (its login
 * form posts natively), so this check is what stops it: browsers send {@code Origin} on every
 * cross-site POST ({@code null} from sandboxed frames) and usually {@code Referer}; a sign-in whose
 * origin is another site is answered 403 before the password is looked at. A request with neither
 * header does not come from a browser form, so it cannot be a cross-site forgery.
 */
class LoginOriginCheck extends OncePerRequestFilter {

    private final String loginPath;

    LoginOriginCheck(String loginPath) {
        this.loginPath = loginPath;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod())
                || !(request.getContextPath() + loginPath).equals(request.getRequestURI());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var origin = request.getHeader(HttpHeaders.ORIGIN);
        var claimed = origin != null ? origin : request.getHeader(HttpHeaders.REFERER);
        if (claimed != null && !sameOrigin(claimed, request)) {
            // written here: an error dispatch would pass the chain again and end as a login redirect
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            response.setContentType("text/plain;charset=UTF-8");
            response.getWriter().write("Sign in from this site's own login page.");
            return;
        }
        chain.doFilter(request, response);
    }

    /**
     * The host decides, not scheme and port: behind a TLS-terminating proxy the browser's {@code
     * https://host} reaches the app as {@code http://host:8080}, and another port of the same host
     * is the same site to a browser anyway.
     */
    private static boolean sameOrigin(String claimed, HttpServletRequest request) {
        try {
            var uri = URI.create(claimed.strip());
            return uri.getHost() != null && uri.getHost().equalsIgnoreCase(request.getServerName());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}

package com.stackdesk.security;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

/**
 * The browser protections on Vaadin's pages themselves. Spring Security writes its headers when a
 * response is committed, which covers its own answers (redirects, errors) and the API but did not
 * reach the page Vaadin writes for each route. Writing them before every request instead (eagerly)
 * put Spring Security's full cache set on Vaadin's scripts and round trips as well, and with that
 * set (or {@code no-cache, no-store, max-age=0, must-revalidate} with {@code Pragma} and {@code
 * Expires}) on the page, the sales rep's grid journey in Chromium stopped opening a lead; plain
 * {@code no-store} does not. So the page gets exactly this set, where Vaadin builds it.
 */
@Component
class PageHeaders implements VaadinServiceInitListener {

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.addIndexHtmlRequestListener(page -> {
            var response = page.getVaadinResponse();
            response.setHeader("Content-Security-Policy", SecurityConfig.CONTENT_SECURITY_POLICY);
            response.setHeader("X-Content-Type-Options", "nosniff");
            response.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
            response.setHeader("X-Frame-Options", "SAMEORIGIN");
            // workspace pages show personal data: no browser or proxy keeps a copy (see above)
            response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        });
    }
}

package com.stackdesk.security;

import com.stackdesk.security.ui.LoginView;
import com.stackdesk.staff.StaffLookup;
import com.vaadin.flow.spring.security.RequestUtil;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/** The Vaadin UI's security: public pages open to all, staff views behind the login view. */
@Configuration
@EnableWebSecurity
// Services guard their methods with @PreAuthorize. JSR-250 stays off for method security on
// purpose: with it, Spring would wrap every @RolesAllowed/@PermitAll view in a proxy; Vaadin
// reads those view annotations itself.
@EnableMethodSecurity
class SecurityConfig {

    /**
     * What a page may load and run. Vaadin Flow needs {@code 'unsafe-inline' 'unsafe-eval'} for
     * scripts (its bootstrap is an inline script, and its client runs the expressions the server
     * sends as functions) and {@code 'unsafe-inline'} for styles (Lumo and component styles); the
     * rest is locked to this origin: no plug-ins, no foreign forms or base URL, and no other site may
     * frame a page (the visitor-site embed script will get its own, wider rule).
     */
    static final String CONTENT_SECURITY_POLICY = String.join(
            "; ",
            "default-src 'self'",
            "script-src 'self' 'unsafe-inline' 'unsafe-eval'",
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data: blob:",
            "font-src 'self' data:",
            "connect-src 'self'",
            "worker-src 'self' blob:",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'self'");

    @Bean
    SecurityFilterChain vaadinSecurityFilterChain(
            HttpSecurity http,
            ApiProperties api,
            StaffLookup staff,
            ObjectProvider<SecurityContextHolderStrategy> strategy,
            RequestUtil vaadinRequests)
            throws Exception {
        http.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .referrerPolicy(referrer ->
                        referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                .frameOptions(HeadersConfigurer.FrameOptionsConfig::sameOrigin));
        http.addFilterBefore(new LoginOriginCheck("/login"), CsrfFilter.class);
        http.addFilterBefore(
                new AccountStillValidFilter(
                        staff, strategy.getIfAvailable(SecurityContextHolder::getContextHolderStrategy)),
                AnonymousAuthenticationFilter.class);
        http.authorizeHttpRequests(auth -> auth.requestMatchers(
                        "/icons/**", "/styles.css", "/workspace.css", "/robots.txt", "/embed/**", "/demo/**")
                .permitAll());
        // the stack assistant's script and styles, which the consultancy's own pages load, and its demo page
        // (served in the demo run only)
        http.authorizeHttpRequests(
                auth -> auth.requestMatchers("/embed/assistant.js", "/embed/assistant.css", "/demo/assistant")
                        .permitAll());
        // the OpenAPI description and Swagger UI: for anyone in the demo, for signed-in staff otherwise
        http.authorizeHttpRequests(auth -> {
            var docs = auth.requestMatchers(
                    "/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml", "/swagger-ui.html", "/swagger-ui/**");
            if (api.publicDocs()) {
                docs.permitAll();
            } else {
                docs.authenticated();
            }
        });
        // an address that is no page at all: Vaadin answers it with its not-found page (in the
        // workspace frame for staff, a plain one for visitors) instead of a login prompt or a bare 403
        http.authorizeHttpRequests(auth -> auth.requestMatchers(request -> unknownPage(request, vaadinRequests))
                .permitAll());
        return http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LoginView.class, "/login")
                        .defaultSuccessUrl("/dashboard"))
                .build();
    }

    /**
     * A GET for a path that no view, alias or framework resource answers, outside the paths other
     * parts of the app own. Views keep their own access rules: a staff view's path is never one.
     */
    static boolean unknownPage(HttpServletRequest request, RequestUtil vaadinRequests) {
        if (!"GET".equals(request.getMethod())) {
            return false;
        }
        var path = request.getRequestURI().substring(request.getContextPath().length());
        for (var owned :
                List.of("/api/", "/actuator", "/v3/", "/swagger-ui", "/error", "/VAADIN/", "/login", "/logout")) {
            if (path.startsWith(owned)) {
                return false;
            }
        }
        return !vaadinRequests.isFrameworkInternalRequest(request)
                && !vaadinRequests.isAnonymousRoute(request)
                && !vaadinRequests.isSecuredFlowRoute(request);
    }

    /** Password sign-in (form and HTTP Basic) for the whole app, behind the per-client throttle. */
    @Bean
    AuthenticationProvider throttledAuthenticationProvider(
            UserDetailsService users, PasswordEncoder passwordEncoder, LoginThrottle throttle) {
        return new ThrottledAuthenticationProvider(users, passwordEncoder, throttle);
    }

    /**
     * bcrypt today, and any stored hash keeps working when the default moves on. The tests set
     * {@code stackdesk.security.bcrypt-strength=4} (16 rounds instead of bcrypt's default 1,024): each
     * hash there takes about 2 ms instead of over 100 ms, and each test context hashes its first
     * admin's or demo staff's passwords.
     */
    @Bean
    PasswordEncoder passwordEncoder(@Value("${stackdesk.security.bcrypt-strength:10}") int bcryptStrength) {
        return PasswordHashing.encoder(bcryptStrength);
    }
}

package com.stackdesk.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.session.DisableEncodeUrlFilter;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * The HTTP API's own security, apart from the Vaadin UI's: stateless, HTTP Basic (or a personal
 * API token) for staff endpoints, anonymous lead intake, CORS only for configured origins. CSRF is
 * off here because nothing in this chain is authenticated by a cookie; the UI keeps it on.
 */
@Configuration(proxyBeanMethods = false)
class ApiSecurityConfig {

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurityFilterChain(
            HttpSecurity http, ApiProperties properties, ApiTokens tokens, UserDetailsService users) throws Exception {
        return http.securityMatcher("/api/**")
                .addFilterBefore(new RequestBodyLimit(properties.maxBodySize().toBytes()), DisableEncodeUrlFilter.class)
                .addFilterBefore(new ApiTokenAuthenticationFilter(tokens, users), BasicAuthenticationFilter.class)
                .authorizeHttpRequests(auth -> auth.requestMatchers(HttpMethod.POST, "/api/leads")
                        .permitAll()
                        .requestMatchers(HttpMethod.OPTIONS, "/api/leads")
                        .permitAll()
                        // the stack assistant and the form-analytics beacons, which visitors' browsers call
                        .requestMatchers(HttpMethod.GET, "/api/assistant/questions")
                        .permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/assistant/recommendation", "/api/assistant/quote")
                        .permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/analytics/*/*")
                        .permitAll()
                        .requestMatchers(HttpMethod.OPTIONS, "/api/assistant/*", "/api/analytics/*/*")
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint(ApiSecurityConfig::unauthorized))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(ApiSecurityConfig::unauthorized)
                        .accessDeniedHandler((request, response, denied) ->
                                answer(response, HttpServletResponse.SC_FORBIDDEN, "You may not see these leads")))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(AbstractHttpConfigurer::disable)
                .cors(cors -> cors.configurationSource(corsFor(properties.allowedOrigins())))
                .requestCache(AbstractHttpConfigurer::disable)
                .build();
    }

    /** The API answers in JSON itself: an error dispatch would end up at the UI's login redirect. */
    static void unauthorized(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"Stackdesk\"");
        answer(response, HttpServletResponse.SC_UNAUTHORIZED, "Sign in with HTTP Basic or an API token");
    }

    static void answer(HttpServletResponse response, int status, String message) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("{\"message\":\"" + message + "\"}");
    }

    private static UrlBasedCorsConfigurationSource corsFor(List<String> origins) {
        var intake = new CorsConfiguration();
        intake.setAllowedOrigins(origins);
        intake.setAllowedMethods(List.of("POST"));
        intake.setAllowedHeaders(List.of("Content-Type"));
        intake.setMaxAge(3600L);
        var assistant = new CorsConfiguration();
        assistant.setAllowedOrigins(origins);
        assistant.setAllowedMethods(List.of("GET", "POST"));
        assistant.setAllowedHeaders(List.of("Content-Type"));
        assistant.setMaxAge(3600L);
        var source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/api/leads", intake);
        source.registerCorsConfiguration("/api/assistant/*", assistant);
        source.registerCorsConfiguration("/api/analytics/*/*", intake);
        return source;
    }
}

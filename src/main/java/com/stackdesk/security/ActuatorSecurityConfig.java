package com.stackdesk.security;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * Spring Boot Actuator's endpoints ({@code /actuator/**}, or the management port when one is set):
 * {@code health} with its probes for everyone (load balancers and Kubernetes ask anonymously), all
 * others, {@code prometheus} first, for admins only, over HTTP Basic or an admin's API token, as
 * the HTTP API. Stateless and without CSRF like the API: no cookie signs anyone in here.
 */
@Configuration(proxyBeanMethods = false)
class ActuatorSecurityConfig {

    @Bean
    @Order(0)
    SecurityFilterChain actuatorSecurityFilterChain(HttpSecurity http, ApiTokens tokens, UserDetailsService users)
            throws Exception {
        return http.securityMatcher(EndpointRequest.toAnyEndpoint())
                .addFilterBefore(new ApiTokenAuthenticationFilter(tokens, users), BasicAuthenticationFilter.class)
                .authorizeHttpRequests(auth -> auth.requestMatchers(EndpointRequest.to("health"))
                        .permitAll()
                        .anyRequest()
                        .hasRole("ADMIN"))
                .httpBasic(basic -> basic.authenticationEntryPoint(ApiSecurityConfig::unauthorized))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(ApiSecurityConfig::unauthorized)
                        .accessDeniedHandler((request, response, denied) -> ApiSecurityConfig.answer(
                                response, HttpServletResponse.SC_FORBIDDEN, "Administrators only")))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .build();
    }
}

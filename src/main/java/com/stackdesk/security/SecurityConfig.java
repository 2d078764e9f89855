package com.stackdesk.security;

import com.stackdesk.security.ui.LoginView;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;

/** The Vaadin UI's security: public pages open to all, staff views behind the login view. */
@Configuration
@EnableWebSecurity
// Services guard their methods with @PreAuthorize. JSR-250 stays off for method security on
// purpose: with it, Spring would wrap every @RolesAllowed/@PermitAll view in a proxy; Vaadin
// reads those view annotations itself.
@EnableMethodSecurity
class SecurityConfig {

    @Bean
    SecurityFilterChain vaadinSecurityFilterChain(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(auth -> auth.requestMatchers(
                        "/icons/**",
                        "/styles.css",
                        "/workspace.css",
                        "/v3/api-docs",
                        "/v3/api-docs/**",
                        "/swagger-ui.html",
                        "/swagger-ui/**")
                .permitAll());
        return http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LoginView.class, "/login")
                        .defaultSuccessUrl("/dashboard"))
                .build();
    }

    /** bcrypt today, and any stored hash keeps working when the default moves on. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}

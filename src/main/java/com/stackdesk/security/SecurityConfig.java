package com.stackdesk.security;

import com.stackdesk.security.ui.LoginView;
import com.stackdesk.staff.StaffMembers;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.csrf.CsrfFilter;

/** The Vaadin UI's security: public pages open to all, staff views behind the login view. */
@Configuration
@EnableWebSecurity
// Services guard their methods with @PreAuthorize. JSR-250 stays off for method security on
// purpose: with it, Spring would wrap every @RolesAllowed/@PermitAll view in a proxy; Vaadin
// reads those view annotations itself.
@EnableMethodSecurity
class SecurityConfig {

    @Bean
    SecurityFilterChain vaadinSecurityFilterChain(
            HttpSecurity http, StaffMembers staff, ObjectProvider<SecurityContextHolderStrategy> strategy)
            throws Exception {
        http.addFilterBefore(new LoginOriginCheck("/login"), CsrfFilter.class);
        http.addFilterBefore(
                new AccountStillValidFilter(
                        staff, strategy.getIfAvailable(SecurityContextHolder::getContextHolderStrategy)),
                AnonymousAuthenticationFilter.class);
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

    /** Password sign-in (form and HTTP Basic) for the whole app, behind the per-client throttle. */
    @Bean
    AuthenticationProvider throttledAuthenticationProvider(
            UserDetailsService users, PasswordEncoder passwordEncoder, LoginThrottle throttle) {
        return new ThrottledAuthenticationProvider(users, passwordEncoder, throttle);
    }

    /** bcrypt today, and any stored hash keeps working when the default moves on. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}

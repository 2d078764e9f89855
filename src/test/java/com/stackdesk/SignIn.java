package com.stackdesk;

import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Signs a staff member in on the test thread the way the login form does, through the real user
 * details. Sets the context on the application's own holder strategy (Vaadin installs one per
 * application context) as well as on the static holder.
 */
public final class SignIn {

    private SignIn() {}

    public static void as(ApplicationContext app, String username) {
        var principal = app.getBean(UserDetailsService.class).loadUserByUsername(username);
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()));
        use(app, context);
    }

    public static SecurityContext current(ApplicationContext app) {
        return strategy(app).getContext();
    }

    public static void use(ApplicationContext app, SecurityContext context) {
        SecurityContextHolder.setContext(context);
        strategy(app).setContext(context);
    }

    public static void out(ApplicationContext app) {
        SecurityContextHolder.clearContext();
        strategy(app).clearContext();
    }

    private static SecurityContextHolderStrategy strategy(ApplicationContext app) {
        return app.getBeanProvider(SecurityContextHolderStrategy.class)
                .getIfAvailable(SecurityContextHolder::getContextHolderStrategy);
    }
}

package com.stackdesk;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

/** Signs a staff member in on the test thread the way the login form does, through the real user details. */
public final class SignIn {

    private SignIn() {}

    public static void as(UserDetailsService users, String username) {
        var principal = users.loadUserByUsername(username);
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()));
        SecurityContextHolder.setContext(context);
    }

    public static void out() {
        SecurityContextHolder.clearContext();
    }
}

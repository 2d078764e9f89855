package com.stackdesk.security;

import org.springframework.security.authentication.AccountStatusException;
import org.springframework.security.authentication.AccountStatusUserDetailsChecker;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Username and password sign-in (the login form and HTTP Basic) behind the {@link LoginThrottle}.
 * The password is checked before the account's state, so "deactivated" is only ever said to
 * someone who knows the password, and nobody learns from the answer whether a username exists.
 */
class ThrottledAuthenticationProvider implements AuthenticationProvider {

    private final DaoAuthenticationProvider passwords;
    private final LoginThrottle throttle;

    ThrottledAuthenticationProvider(UserDetailsService users, PasswordEncoder encoder, LoginThrottle throttle) {
        this.passwords = new DaoAuthenticationProvider(users);
        this.passwords.setPasswordEncoder(encoder);
        this.passwords.setPreAuthenticationChecks(user -> {});
        this.passwords.setPostAuthenticationChecks(new AccountStatusUserDetailsChecker());
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        var username = authentication.getName() == null ? "" : authentication.getName();
        var address = authentication.getDetails() instanceof WebAuthenticationDetails details
                        && details.getRemoteAddress() != null
                ? details.getRemoteAddress()
                : "unknown";
        if (!throttle.tryAcquire(username, address)) {
            throw new LockedException(
                    "Too many wrong passwords for " + LoginThrottle.key(username) + " from " + address);
        }
        try {
            var result = passwords.authenticate(authentication);
            throttle.succeeded(username, address);
            return result;
        } catch (AccountStatusException rightPasswordButDeactivated) {
            throttle.succeeded(username, address);
            throw rightPasswordButDeactivated;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}

package com.stackdesk.security;

import java.util.Map;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/** How staff passwords are hashed: the one definition the app and the module tests share. */
public final class PasswordHashing {

    /** bcrypt's strength in production (1,024 rounds), Spring Security's default. */
    public static final int PRODUCTION_STRENGTH = 10;

    private PasswordHashing() {}

    /**
     * bcrypt at {@code bcryptStrength} for new hashes; a stored hash of any strength or kind
     * ({@code {noop}}, {@code {pbkdf2}}, ...) is checked as Spring Security's standard encoder
     * checks it, so stored hashes keep working when the default moves on.
     */
    public static PasswordEncoder encoder(int bcryptStrength) {
        var standard = PasswordEncoderFactories.createDelegatingPasswordEncoder();
        if (bcryptStrength == PRODUCTION_STRENGTH) {
            return standard;
        }
        var encoder =
                new DelegatingPasswordEncoder("bcrypt", Map.of("bcrypt", new BCryptPasswordEncoder(bcryptStrength)));
        encoder.setDefaultPasswordEncoderForMatches(standard);
        return encoder;
    }
}

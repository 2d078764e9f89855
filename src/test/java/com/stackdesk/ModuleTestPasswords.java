package com.stackdesk;

import java.util.Map;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * For module tests that start the staff module without the security module: staff hashes
 * passwords with the encoder the security module defines.
 */
@TestConfiguration(proxyBeanMethods = false)
public class ModuleTestPasswords {

    @Bean
    PasswordEncoder passwordEncoder() {
        // as the security module's encoder under stackdesk.security.bcrypt-strength=4 (ModuleTest sets it)
        var encoder = new DelegatingPasswordEncoder("bcrypt", Map.of("bcrypt", new BCryptPasswordEncoder(4)));
        encoder.setDefaultPasswordEncoderForMatches(PasswordEncoderFactories.createDelegatingPasswordEncoder());
        return encoder;
    }
}

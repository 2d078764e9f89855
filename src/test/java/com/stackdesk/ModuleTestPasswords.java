package com.stackdesk;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * For module tests that start the staff module without the security module: staff hashes
 * passwords with the encoder the security module defines.
 */
@TestConfiguration(proxyBeanMethods = false)
public class ModuleTestPasswords {

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}

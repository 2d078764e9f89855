package com.stackdesk;

import com.stackdesk.security.PasswordHashing;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
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
        return PasswordHashing.encoder(4);
    }
}

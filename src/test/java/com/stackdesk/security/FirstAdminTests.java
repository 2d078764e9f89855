package com.stackdesk.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.stackdesk.IntegrationTest;
import com.stackdesk.staff.Role;
import com.stackdesk.staff.StaffMembers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.TestPropertySource;

/** A database without staff gets one admin whose password comes from STACKDESK_ADMIN_PASSWORD. */
@IntegrationTest
@TestPropertySource(properties = "STACKDESK_ADMIN_PASSWORD=first-admin-secret")
class FirstAdminTests {

    @Autowired
    StaffMembers staff;

    @Autowired
    PasswordEncoder passwords;

    @Test
    void anEmptyDatabaseGetsAnAdminWithThePasswordFromTheEnvironment() {
        var admin = staff.findByUsernameIgnoreCase("admin").orElseThrow();

        assertThat(admin.getRole()).isEqualTo(Role.ADMIN);
        assertThat(passwords.matches("first-admin-secret", admin.getPasswordHash()))
                .isTrue();
        assertThat(passwords.matches("demo1234", admin.getPasswordHash())).isFalse();
        assertThat(staff.count()).isEqualTo(1);
    }
}

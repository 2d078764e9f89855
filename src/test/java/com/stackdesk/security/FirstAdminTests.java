package com.stackdesk.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.stackdesk.IntegrationTest;
import com.stackdesk.staff.Role;
import com.stackdesk.staff.internal.StaffMembers;
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
        assertThat(admin.isPasswordChangeRequired())
                .as("a password the operator chose need not be changed")
                .isFalse();
    }

    @Test
    void aWeakAdminPasswordFromTheEnvironmentStopsTheFirstStartWithTheReason() {
        var start =
                new org.springframework.boot.builder.SpringApplicationBuilder(com.stackdesk.StackdeskApplication.class);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> start.run(
                        "--STACKDESK_ADMIN_PASSWORD=password123",
                        "--spring.datasource.url=jdbc:h2:mem:weak-admin-" + java.util.UUID.randomUUID()
                                + ";DB_CLOSE_DELAY=-1",
                        "--server.port=0",
                        "--stackdesk.seeds.location=classpath:no-seeds/",
                        "--stackdesk.mail.embedded.enabled=false",
                        "--vaadin.launch-browser=false",
                        "--spring.main.banner-mode=off"))
                .hasStackTraceContaining("STACKDESK_ADMIN_PASSWORD is not accepted")
                .hasStackTraceContaining("attackers try");
    }
}

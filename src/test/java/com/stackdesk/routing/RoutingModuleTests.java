package com.stackdesk.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.stackdesk.ModuleTest;
import com.stackdesk.lead.LeadRegistration;
import com.stackdesk.lead.StackLeaning;
import com.stackdesk.lead.internal.Leads;
import com.stackdesk.staff.Role;
import com.stackdesk.staff.internal.StaffMembers;
import java.time.Duration;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Routing with the modules it reads (lead, staff) and nothing else: no emails, no security filter
 * chain, no workspace.
 */
@ModuleTest(mode = BootstrapMode.DIRECT_DEPENDENCIES)
class RoutingModuleTests {

    /** The staff module hashes passwords with the encoder the security module defines. */
    @TestConfiguration
    static class Passwords {
        @Bean
        PasswordEncoder passwordEncoder() {
            return PasswordEncoderFactories.createDelegatingPasswordEncoder();
        }
    }

    @Autowired
    StaffMembers staff;

    @Autowired
    LeadRegistration registration;

    @Autowired
    Leads leads;

    @Test
    void aStoredGoLeadIsAssignedToTheRepWithTheGoSkill() {
        var ana = RoutingFixtures.staff(staff, "ana", "Ana Souza", Role.SALES, false, StackLeaning.GO);
        RoutingFixtures.staff(staff, "ben", "Ben Okafor", Role.SALES, false, StackLeaning.JAVA);

        var stored = registration.register(RoutingFixtures.lead(StackLeaning.GO, "lee@example.com"));

        var routed = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> leads.findById(Objects.requireNonNull(stored.getId()))
                                .orElseThrow(),
                        lead -> !lead.isRoutingPending());
        assertThat(routed.getAssigneeId()).isEqualTo(ana.getId());
        assertThat(routed.getRoutingReason()).isEqualTo("Go skill: Ana Souza → Ana Souza");
    }
}

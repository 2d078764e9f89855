package com.stackdesk.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.stackdesk.ModuleTest;
import com.stackdesk.ModuleTestPasswords;
import com.stackdesk.lead.LeadRegistration;
import com.stackdesk.lead.StackLeaning;
import com.stackdesk.lead.internal.Leads;
import com.stackdesk.staff.Role;
import com.stackdesk.staff.internal.StaffMembers;
import java.time.Duration;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;

/**
 * Routing with the modules it reads (lead, staff) and nothing else: no emails, no security filter
 * chain, no workspace.
 */
@ModuleTest(mode = BootstrapMode.DIRECT_DEPENDENCIES)
@Import(ModuleTestPasswords.class)
class RoutingModuleTests {

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

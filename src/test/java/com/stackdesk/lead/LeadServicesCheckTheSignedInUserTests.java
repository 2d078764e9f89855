package com.stackdesk.lead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.stackdesk.IntegrationTest;
import com.stackdesk.SignIn;
import com.stackdesk.lead.internal.Leads;
import com.stackdesk.notification.Outbox;
import com.stackdesk.staff.Role;
import com.stackdesk.staff.StaffMember;
import com.stackdesk.staff.TestStaff;
import com.stackdesk.staff.internal.StaffMembers;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.access.AccessDeniedException;

/**
 * Services decide from the signed-in user themselves what a caller may read or change: a sales rep
 * gets nothing of another rep's leads by calling them directly, and a manager reassigns leads only
 * to staff who may hold them.
 */
@IntegrationTest
class LeadServicesCheckTheSignedInUserTests {

    @Autowired
    ApplicationContext app;

    @Autowired
    LeadWork work;

    @Autowired
    LeadSearch search;

    @Autowired
    Outbox outbox;

    @Autowired
    LeadRegistration registration;

    @Autowired
    Leads leads;

    @Autowired
    StaffMembers staff;

    String suffix;
    StaffMember ana;
    StaffMember ben;
    StaffMember maria;
    Lead bensLead;

    @BeforeEach
    void setUp() {
        suffix = UUID.randomUUID().toString().substring(0, 8);
        ana = member("ana", Role.SALES);
        ben = member("ben", Role.SALES);
        maria = member("maria", Role.MANAGER);
        bensLead = TestLeads.store(
                registration,
                TestLeads.request(
                        LeadKind.CONSULTATION,
                        "Li",
                        "Lei",
                        "li@x.example",
                        null,
                        StackLeaning.JAVA,
                        "secret-partner-" + suffix,
                        null),
                Instant.now());
        bensLead.assign(ben.getId(), "test");
        bensLead = leads.save(bensLead);
    }

    private StaffMember member(String name, Role role) {
        return TestStaff.member(name + "-" + suffix)
                .fullName(name)
                .email(name + "@x.example")
                .role(role)
                .save(staff);
    }

    @AfterEach
    void signOut() {
        SignIn.out(app);
    }

    @Test
    void aRepDoesNotSeeTheSourcesOfAnotherRepsLeads() {
        SignIn.as(app, ana.getUsername());
        assertThat(search.sources()).doesNotContain("secret-partner-" + suffix);

        SignIn.as(app, ben.getUsername());
        assertThat(search.sources()).contains("secret-partner-" + suffix);

        SignIn.as(app, maria.getUsername());
        assertThat(search.sources()).contains("secret-partner-" + suffix);
    }

    @Test
    void aRepDoesNotReadTheEmailsOfAnotherRepsLead() {
        SignIn.as(app, ana.getUsername());
        assertThatThrownBy(() -> outbox.ofLead(bensLead.getId())).isInstanceOf(AccessDeniedException.class);

        SignIn.as(app, ben.getUsername());
        assertThat(outbox.ofLead(bensLead.getId())).isNotNull();
    }

    @Test
    void aManagerReassignsOnlyToActiveStaffWhoMayHoldLeads() {
        var gone = TestStaff.deactivate(staff, member("gone", Role.SALES));
        var admin = TestStaff.capacity(staff, member("root", Role.ADMIN), 0);
        SignIn.as(app, maria.getUsername());

        for (long target : new long[] {gone.getId(), admin.getId(), 987_654_321L}) {
            var current = leads.findById(bensLead.getId()).orElseThrow();
            assertThatThrownBy(() -> work.reassign(current.getReference(), current.getVersion(), target))
                    .isInstanceOf(IllegalLeadChange.class);
        }
        assertThat(leads.findById(bensLead.getId()).orElseThrow().getAssigneeId())
                .isEqualTo(ben.getId());

        var moved = work.reassign(bensLead.getReference(), bensLead.getVersion(), ana.getId());
        assertThat(moved.getAssigneeId()).isEqualTo(ana.getId());
    }
}

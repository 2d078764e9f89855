package com.stackdesk.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.stackdesk.ModuleTest;
import com.stackdesk.ModuleTestPasswords;
import com.stackdesk.lead.LeadRegistration;
import com.stackdesk.lead.StackLeaning;
import com.stackdesk.routing.LeadAssigned;
import com.stackdesk.routing.RoutingFixtures;
import com.stackdesk.staff.Role;
import com.stackdesk.staff.internal.StaffMembers;
import java.time.Instant;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.transaction.support.TransactionTemplate;

/** The emails with the modules whose events and data they use (lead, staff, routing), and nothing else. */
@ModuleTest(mode = BootstrapMode.DIRECT_DEPENDENCIES)
@Import(ModuleTestPasswords.class)
class NotificationModuleTests {

    @Autowired
    StaffMembers staff;

    @Autowired
    LeadRegistration registration;

    @Autowired
    OutboundEmails outbox;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate tx;

    @Test
    void anAssignmentQueuesTheVisitorsConfirmationAndTheOwnersAlert() {
        var ana = RoutingFixtures.staff(staff, "ana", "Ana Souza", Role.SALES, false, StackLeaning.GO);
        // imported: stored without LeadSubmitted, so routing leaves it alone
        var lead = registration.importLead(RoutingFixtures.lead(StackLeaning.GO, "lee@example.com"), Instant.now());
        long leadId = Objects.requireNonNull(lead.getId());

        tx.executeWithoutResult(status -> events.publishEvent(
                new LeadAssigned(leadId, Objects.requireNonNull(ana.getId()), "Go skill: Ana Souza → Ana Souza")));

        var queued = outbox.findAll().stream()
                .filter(e -> Objects.equals(e.getLeadId(), leadId))
                .toList();
        assertThat(queued)
                .extracting(OutboundEmail::getKind, OutboundEmail::getRecipient)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(EmailKind.VISITOR_CONFIRMATION, "lee@example.com"),
                        org.assertj.core.groups.Tuple.tuple(EmailKind.REP_ALERT, "ana@northwind.example"));
    }
}

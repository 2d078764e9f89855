package com.stackdesk.notification.ui;

import static com.stackdesk.routing.RoutingFixtures.lead;
import static com.stackdesk.routing.RoutingFixtures.staff;
import static org.assertj.core.api.Assertions.assertThat;

import com.stackdesk.AwaitRouting;
import com.stackdesk.IntegrationTest;
import com.stackdesk.base.ui.NotFoundView;
import com.stackdesk.lead.LeadRegistration;
import com.stackdesk.lead.StackLeaning;
import com.stackdesk.notification.OutboxDispatcher;
import com.stackdesk.routing.RoutingFixtures;
import com.stackdesk.staff.Role;
import com.stackdesk.staff.internal.StaffMembers;
import com.vaadin.browserless.SpringBrowserlessTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.util.AopTestUtils;

/**
 * The mail log shows managers what the embedded SMTP server (the default when no server is
 * configured) received; sales reps cannot open it.
 */
@IntegrationTest
@TestPropertySource(properties = {"stackdesk.mail.dispatcher.enabled=false", "stackdesk.mail.embedded.port=0"})
@WithMockUser(username = "maria", roles = "MANAGER")
class MailLogViewTests extends SpringBrowserlessTest {

    @Autowired
    com.stackdesk.lead.internal.Leads leads;

    @Autowired
    LeadRegistration registration;

    @Autowired
    StaffMembers staffMembers;

    @Autowired
    OutboxDispatcher dispatcher;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void showsTheConfirmationAndTheAlertThatTheEmbeddedServerReceived() {
        RoutingFixtures.clean(jdbc);
        staff(staffMembers, "ana", "Ana Souza", Role.SALES, false, StackLeaning.GO);
        var lead = AwaitRouting.routed(
                leads,
                registration.register(lead(StackLeaning.GO, "log@example.com")).getId());
        dispatcher.dispatchDue();

        // @RolesAllowed makes the view a method-security proxy: read the fields of the view itself
        MailLogView view = AopTestUtils.getUltimateTargetObject(navigate(MailLogView.class));

        assertThat(view.destination.getText()).contains("embedded SMTP server on 127.0.0.1:");
        var subjects = java.util.stream.IntStream.range(0, test(view.grid).size())
                .mapToObj(i -> test(view.grid).getRow(i).subject())
                .toList();
        assertThat(subjects)
                .contains("Your development plan request " + lead.getReference() + " at Northwind Software")
                .anyMatch(s -> s.startsWith("New lead " + lead.getReference() + " assigned to you"));
        test(view.grid)
                .select(subjects.indexOf(
                        "Your development plan request " + lead.getReference() + " at Northwind Software"));
        assertThat(view.selectedText.getText()).contains("Ana Souza will contact you");
        assertThat(view.selectedMeta.getText()).contains("log@example.com");
    }

    @Test
    @WithMockUser(username = "ben", roles = "SALES")
    void aSalesRepCannotOpenIt() {
        navigate("admin/mail-log", NotFoundView.class);
    }
}

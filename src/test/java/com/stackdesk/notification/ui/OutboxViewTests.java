package com.stackdesk.notification.ui;

import static com.stackdesk.routing.RoutingFixtures.lead;
import static com.stackdesk.routing.RoutingFixtures.staff;
import static org.assertj.core.api.Assertions.assertThat;

import com.stackdesk.AwaitRouting;
import com.stackdesk.IntegrationTest;
import com.stackdesk.SignIn;
import com.stackdesk.lead.LeadRegistration;
import com.stackdesk.lead.LeadTimeline;
import com.stackdesk.lead.StackLeaning;
import com.stackdesk.notification.EmailStatus;
import com.stackdesk.notification.OutboxDispatcher;
import com.stackdesk.routing.RoutingFixtures;
import com.stackdesk.staff.Role;
import com.stackdesk.staff.TestStaff;
import com.stackdesk.staff.internal.StaffMembers;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.util.AopTestUtils;

/** The outbox shows a failed email with its last error, and its retry button queues it again. */
@IntegrationTest
@TestPropertySource(
        properties = {
            "stackdesk.mail.dispatcher.enabled=false",
            "stackdesk.mail.dispatcher.max-attempts=1",
            // nothing listens here: every attempt fails
            "spring.mail.host=127.0.0.1",
            "spring.mail.port=9",
            "spring.mail.properties.mail.smtp.connectiontimeout=1000"
        })
class OutboxViewTests extends SpringBrowserlessTest {

    @Autowired
    com.stackdesk.lead.internal.Leads leads;

    @Autowired
    LeadRegistration registration;

    @Autowired
    LeadTimeline timeline;

    @Autowired
    StaffMembers staffMembers;

    @Autowired
    OutboxDispatcher dispatcher;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    org.springframework.context.ApplicationContext app;

    @AfterEach
    void signOut() {
        SignIn.out(app);
    }

    @Test
    void showsAFailedEmailWithItsErrorAndRetriesIt() {
        RoutingFixtures.clean(jdbc);
        // no valid address: the owner alert fails for good at once
        TestStaff.member("ana")
                .fullName("Ana Souza")
                .email("ana at northwind")
                .skills(StackLeaning.GO)
                .save(staffMembers);
        var lead = AwaitRouting.routed(
                leads,
                registration
                        .register(lead(StackLeaning.GO, "retry@example.com"))
                        .getId());
        dispatcher.dispatchDue();
        staff(staffMembers, "maria", "María García", Role.MANAGER, false);
        SignIn.as(app, "maria");

        OutboxView view = AopTestUtils.getUltimateTargetObject(navigate(OutboxView.class));

        // the visitor's confirmation waits for the unreachable server; the alert failed
        assertThat(view.counts.getText())
                .contains("Pending: 1")
                .contains("Sent: 0")
                .contains("Failed: 1");
        assertThat(test(view.grid).size()).isEqualTo(2);
        int failedRow = test(view.grid).getRow(0).getStatus() == EmailStatus.FAILED ? 0 : 1;
        assertThat(test(view.grid).getRow(failedRow).getLastError()).contains("Could not build the message");
        assertThat(test(view.grid).getRow(1 - failedRow).getLastError()).contains("Connection refused");
        assertThat(timeline.of(lead.getId())).anyMatch(a -> a.getText().startsWith("Email failed after 1 attempt:"));
        assertThat(timeline.of(lead.getId()))
                .anyMatch(a -> a.getText().startsWith("Email delayed: Visitor confirmation"));

        var retry = (Button) test(view.grid).getCellComponent(failedRow, 8);
        assertThat(retry.getText()).isEqualTo("Retry");
        test(retry).click();

        assertThat(view.counts.getText()).contains("Pending: 2").contains("Failed: 0");
        assertThat(timeline.of(lead.getId()))
                .anyMatch(a -> a.getText().startsWith("Email retry requested") && "maria".equals(a.getActor()));

        test(view.status).selectItem("Pending");
        assertThat(test(view.grid).size()).isEqualTo(2);
    }
}

package com.stackdesk.notification.ui;

import static com.stackdesk.routing.RoutingFixtures.lead;
import static com.stackdesk.routing.RoutingFixtures.staff;
import static org.assertj.core.api.Assertions.assertThat;

import com.stackdesk.IntegrationTest;
import com.stackdesk.lead.LeadRegistration;
import com.stackdesk.lead.LeadTimeline;
import com.stackdesk.lead.StackLeaning;
import com.stackdesk.notification.EmailStatus;
import com.stackdesk.notification.OutboxDispatcher;
import com.stackdesk.routing.RoutingFixtures;
import com.stackdesk.staff.Role;
import com.stackdesk.staff.StaffMembers;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithMockUser;
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
@WithMockUser(username = "maria", roles = "MANAGER")
class OutboxViewTests extends SpringBrowserlessTest {

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

    @Test
    void showsFailedEmailsWithTheirErrorAndRetriesThem() {
        RoutingFixtures.clean(jdbc);
        staff(staffMembers, "ana", "Ana Souza", Role.SALES, false, StackLeaning.GO);
        var lead = registration.register(lead(StackLeaning.GO, "retry@example.com"));
        dispatcher.dispatchDue();

        // @RolesAllowed makes the view a method-security proxy: read the fields of the view itself
        OutboxView view = AopTestUtils.getUltimateTargetObject(navigate(OutboxView.class));

        assertThat(view.counts.getText()).contains("Failed: 2").contains("Sent: 0");
        assertThat(test(view.grid).size()).isEqualTo(2);
        assertThat(test(view.grid).getRow(0).getStatus()).isEqualTo(EmailStatus.FAILED);
        assertThat(test(view.grid).getRow(0).getLastError()).isNotBlank();
        assertThat(timeline.of(lead.getId())).anyMatch(a -> a.getText().startsWith("Email failed after 1 attempts"));

        var retry = (Button) test(view.grid).getCellComponent(0, 8);
        assertThat(retry.getText()).isEqualTo("Retry");
        test(retry).click();

        assertThat(view.counts.getText()).contains("Pending: 1").contains("Failed: 1");
        assertThat(timeline.of(lead.getId()))
                .anyMatch(a -> a.getText().startsWith("Email retry requested") && "maria".equals(a.getActor()));

        test(view.status).selectItem("Failed");
        assertThat(test(view.grid).size()).isEqualTo(1);
    }
}

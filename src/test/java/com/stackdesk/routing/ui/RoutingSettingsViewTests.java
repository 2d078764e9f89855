package com.stackdesk.routing.ui;

import static com.stackdesk.routing.RoutingFixtures.staff;
import static org.assertj.core.api.Assertions.assertThat;

import com.stackdesk.IntegrationTest;
import com.stackdesk.lead.StackLeaning;
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

/** The routing page shows the settings and the team, and previews a decision without making it. */
@IntegrationTest
@TestPropertySource(properties = {"stackdesk.mail.dispatcher.enabled=false", "stackdesk.routing.strategy=least-loaded"})
@WithMockUser(username = "maria", roles = "MANAGER")
class RoutingSettingsViewTests extends SpringBrowserlessTest {

    @Autowired
    StaffMembers staffMembers;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void previewsWhoWouldGetAGoLeadAndWhy() {
        RoutingFixtures.clean(jdbc);
        staff(staffMembers, "ana", "Ana Souza", Role.SALES, false, StackLeaning.GO, StackLeaning.JAVA);
        staff(staffMembers, "gus", "Gus Lindqvist", Role.SALES, true);

        // @RolesAllowed makes the view a method-security proxy: read the fields of the view itself
        RoutingSettingsView view = AopTestUtils.getUltimateTargetObject(navigate(RoutingSettingsView.class));

        assertThat(view.settings.getText()).startsWith("Strategy: least-loaded");
        assertThat(test(view.reps).size()).isEqualTo(2);
        test(view.stack).selectItem("Go");
        test(view.tryIt).click();
        assertThat(view.outcome.getText()).isEqualTo("→ Ana Souza");
        assertThat(view.reason.getText()).isEqualTo("Go skill: Ana Souza → Ana Souza");

        test(view.stack).selectItem("Not sure yet");
        test(view.tryIt).click();
        assertThat(view.outcome.getText()).isEqualTo("→ Gus Lindqvist");
        assertThat(jdbc.queryForObject("select count(*) from routing_turn", Integer.class))
                .isZero();
    }
}

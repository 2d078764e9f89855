package com.stackdesk.workspace.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.stackdesk.DemoData;
import com.stackdesk.IntegrationTest;
import com.stackdesk.lead.LeadStatistics;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;

/** The dashboard's figures and charts, and what each role gets to see there and in the navigation. */
@IntegrationTest
@DemoData
class DashboardViewTests extends SpringBrowserlessTest {

    @Autowired
    LeadStatistics statistics;

    private String text(DashboardView view) {
        return view.getElement().getTextRecursively();
    }

    @Test
    @WithUserDetails("maria")
    void aManagerSeesTheTeamFiguresAndEveryRepsLoad() {
        var view = navigate(DashboardView.class);
        var overview = statistics.overview();

        assertThat(find(H2.class).from(view.charts).all())
                .extracting(H2::getText)
                .containsExactly(
                        "Leads per week",
                        "Pipeline by status",
                        "Leads by stack leaning",
                        "Leads by source",
                        "Open leads per rep");
        assertThat(text(view))
                .contains("Leads in the last 7 days" + overview.thisWeek())
                .contains("Unassigned open leads" + overview.unassignedOpen())
                .contains("Waiting for a first response" + overview.waiting().count())
                .contains("Oldest: " + overview.waiting().oldestReference())
                .contains("Ana Souza", "Ben Okafor");
        assertThat(overview.thisWeek()).isPositive();
        assertThat(overview.medianFirstResponse()).isNotNull();
    }

    @Test
    @WithUserDetails("maria")
    void theWeeklyChartHasATextAlternative() {
        var view = navigate(DashboardView.class);

        var svg = view.charts.getElement().getChild(0).getChild(1).getProperty("innerHTML");
        assertThat(svg).contains("role=\"img\"", "aria-label=\"Leads per week over the last 8 weeks: week from");
    }

    @Test
    @WithUserDetails("ana")
    void aSalesRepSeesNoPerRepLoadAndNoStaffAdmin() {
        var view = navigate(DashboardView.class);

        assertThat(find(H2.class).from(view.charts).all())
                .extracting(H2::getText)
                .doesNotContain("Open leads per rep");
        assertThat(text(view)).contains("Your leads and the unassigned ones");
        var nav = find(SideNav.class).single();
        assertThat(nav.getItems())
                .extracting(SideNavItem::getLabel)
                .containsExactly("Dashboard", "Leads", "My leads", "API tokens", "Password");
    }

    @Test
    @WithUserDetails("admin")
    void anAdminAlsoFindsStaffInTheNavigation() {
        navigate(DashboardView.class);

        var nav = find(SideNav.class).single();
        assertThat(nav.getItems())
                .extracting(SideNavItem::getLabel)
                .containsExactly(
                        "Dashboard",
                        "Leads",
                        "My leads",
                        "Staff",
                        "Export log",
                        "Routing",
                        "Outbox",
                        "Mail log",
                        "API tokens",
                        "Password");
    }
}

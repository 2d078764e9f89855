package com.stackdesk.workspace.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.stackdesk.IntegrationTest;
import com.stackdesk.lead.DashboardLeads;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.dom.Element;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.TestExecutionEvent;
import org.springframework.security.test.context.support.WithUserDetails;

/**
 * The dashboard's figures and charts, and what each role gets to see there and in the navigation.
 * The figures are those of {@link DashboardLeads}, counted by hand (LeadStatisticsTests checks the
 * same numbers one level down).
 */
@IntegrationTest
@Import(DashboardLeads.FixedClock.class)
class DashboardViewTests extends SpringBrowserlessTest {

    @Autowired
    ApplicationContext app;

    @BeforeEach
    void storeTheKnownLeads() {
        DashboardLeads.store(app);
    }

    private static String text(Component component) {
        return component.getElement().getTextRecursively();
    }

    private static String chart(DashboardView view, int index) {
        return view.charts.getElement().getChild(index).getTextRecursively();
    }

    @Test
    @WithUserDetails(value = "maria", setupBefore = TestExecutionEvent.TEST_EXECUTION)
    void aManagerSeesTheTeamFiguresAndEveryRepsLoad() {
        var view = navigate(DashboardView.class);

        assertThat(find(H2.class).from(view.charts).all())
                .extracting(H2::getText)
                .containsExactly(
                        "Leads per week",
                        "Pipeline by status",
                        "Leads by stack leaning",
                        "Leads by source",
                        "Open leads per rep",
                        "First responses by rep (30 days)",
                        "First responses by source (30 days)",
                        "Lost leads by reason");
        // L6 was lost because it "went elsewhere": not on the list, so "Other"
        assertThat(chart(view, 7)).isEqualTo("Lost leads by reasonOther1");
        assertThat(text(view.kpis))
                .contains("Leads in the last 7 days4▲ +2 vs the 7 days before (2)")
                .contains("Unassigned open leads2")
                .contains("Waiting for a first response3Oldest: " + DashboardLeads.REFERENCES[6] + ", waiting 20 d")
                .contains("Median time to first response3 hover 4 leads of the last 30 days");
        assertThat(chart(view, 1)).isEqualTo("Pipeline by statusNew3Contacted2Qualified1Proposal0Won1Lost1");
        assertThat(chart(view, 2)).isEqualTo("Leads by stack leaningGo4Java3Python1");
        assertThat(chart(view, 3)).isEqualTo("Leads by sourcegoogle4newsletter3direct1");
        // idle reps follow with 0; the admin who takes no leads is not on the chart
        assertThat(chart(view, 4))
                .startsWith("Open leads per repAna Souza3Ben Okafor2")
                .contains("María García0")
                .doesNotContain("Ada Admin");
    }

    @Test
    @WithUserDetails(value = "ana", setupBefore = TestExecutionEvent.TEST_EXECUTION)
    void aSalesRepSeesTheFiguresOfTheirOwnAndTheUnassignedLeads() {
        var view = navigate(DashboardView.class);

        assertThat(text(view.kpis))
                .contains("Leads in the last 7 days3▲ +2 vs the 7 days before (1)")
                .contains("Unassigned open leads2")
                .contains("Waiting for a first response3Oldest: " + DashboardLeads.REFERENCES[6])
                .contains("Median time to first response4 hover 2 leads of the last 30 days");
        assertThat(chart(view, 1)).isEqualTo("Pipeline by statusNew3Contacted1Qualified0Proposal0Won0Lost1");
        assertThat(chart(view, 3)).isEqualTo("Leads by sourcenewsletter3google2");
    }

    @Test
    @WithUserDetails(value = "maria", setupBefore = TestExecutionEvent.TEST_EXECUTION)
    void theWeeklyChartHasATextAlternative() {
        var view = navigate(DashboardView.class);

        var svg = view.charts.getElement().getChild(0).getChild(1).getProperty("innerHTML");
        assertThat(svg).contains("role=\"img\"", "aria-label=\"Leads per week over the last 8 weeks: week from");
    }

    @Test
    @WithUserDetails(value = "ana", setupBefore = TestExecutionEvent.TEST_EXECUTION)
    void aSalesRepSeesNoPerRepLoadAndNoStaffAdmin() {
        var view = navigate(DashboardView.class);

        assertThat(find(H2.class).from(view.charts).all())
                .extracting(H2::getText)
                .doesNotContain("Open leads per rep");
        assertThat(text(view)).contains("Your leads and the unassigned ones");
        var nav = find(SideNav.class).single();
        assertThat(nav.getItems())
                .extracting(SideNavItem::getLabel)
                .containsExactly(
                        "Today", "Dashboard", "Leads", "My leads", "Call hours", "API tokens", "Time zone", "Password");
    }

    @Test
    @WithUserDetails(value = "ada", setupBefore = TestExecutionEvent.TEST_EXECUTION)
    void anAdminAlsoFindsStaffInTheNavigation() {
        navigate(DashboardView.class);

        var nav = find(SideNav.class).single();
        assertThat(nav.getItems())
                .extracting(SideNavItem::getLabel)
                .containsExactly(
                        "Today",
                        "Dashboard",
                        "Leads",
                        "My leads",
                        "Staff",
                        "Export log",
                        "Embed forms",
                        "Routing",
                        "Response times",
                        "Lost reasons",
                        "Outbox",
                        "Mail log",
                        "Call hours",
                        "API tokens",
                        "Time zone",
                        "Password");
    }

    private java.util.List<java.util.List<String>> rows(DashboardView view, int table) {
        var tbody = view.forms
                .getElement()
                .getChildren()
                .filter(e -> e.getClassList().contains("sd-table-scroll"))
                .toList()
                .get(table)
                .getChild(0)
                .getChild(2);
        return tbody.getChildren()
                .map(tr -> tr.getChildren().map(Element::getText).toList())
                .toList();
    }

    @Test
    @WithUserDetails(value = "maria", setupBefore = TestExecutionEvent.TEST_EXECUTION)
    void theFormFiguresShowViewsStartsSubmissionsAndConversionPerFormWeekAndSource() {
        var jdbc = app.getBean(JdbcTemplate.class);
        jdbc.update("delete from form_counter");
        var insert =
                "insert into form_counter (form, source, week_start, views, starts, submissions) values (?, ?, ?, ?, ?, ?)";
        // the clock stands on Monday 2 March 2026: its week and the one before count, nine weeks back does not
        jdbc.update(insert, "assistant", "newsletter", LocalDate.of(2026, 3, 2), 8, 4, 2);
        jdbc.update(insert, "assistant", "direct", LocalDate.of(2026, 2, 23), 2, 1, 0);
        jdbc.update(insert, "book", "newsletter", LocalDate.of(2026, 3, 2), 5, 2, 0);
        jdbc.update(insert, "plan", "google", LocalDate.of(2025, 12, 29), 100, 50, 25);

        var view = navigate(DashboardView.class);

        assertThat(text(view.kpis)).contains("Form conversion, last 8 weeks13.3 %2 submissions of 15 form views");
        assertThat(rows(view, 0))
                .containsExactly(
                        java.util.List.of("Consultation page (/book)", "5", "2", "0", "0.0 %"),
                        java.util.List.of("Stack assistant", "10", "5", "2", "20.0 %"));
        assertThat(rows(view, 1))
                .containsExactly(
                        java.util.List.of("2 Mar", "Consultation page (/book)", "5", "2", "0", "0.0 %"),
                        java.util.List.of("2 Mar", "Stack assistant", "8", "4", "2", "25.0 %"),
                        java.util.List.of("23 Feb", "Stack assistant", "2", "1", "0", "0.0 %"));
        assertThat(rows(view, 2))
                .containsExactly(
                        java.util.List.of("Consultation page (/book)", "newsletter", "5", "2", "0", "0.0 %"),
                        java.util.List.of("Stack assistant", "newsletter", "8", "4", "2", "25.0 %"),
                        java.util.List.of("Stack assistant", "direct", "2", "1", "0", "0.0 %"));
    }

    /**
     * With deadlines on four of the known leads, counted by hand: L2 (Ana, waiting 2 d, due after
     * 1 d) and L3 (Ana, answered after 2 h, due after 1 h) missed theirs, L4 (Ben, 4 h of 5) and L6
     * (Ana, 6 h of 8) made it. L6 is 12 days old, so in the 30-day window. Medians count every answered
     * lead of the window: Ana 2 h and 6 h, Ben 4 h and 1 h (L5).
     */
    @Test
    @WithUserDetails(value = "maria", setupBefore = TestExecutionEvent.TEST_EXECUTION)
    void aManagerSeesTheShareAnsweredInTimePerRepAndSource() {
        var jdbc = app.getBean(org.springframework.jdbc.core.JdbcTemplate.class);
        due(jdbc, 1, java.time.Duration.ofDays(1));
        due(jdbc, 2, java.time.Duration.ofHours(1));
        due(jdbc, 3, java.time.Duration.ofHours(5));
        due(jdbc, 5, java.time.Duration.ofHours(8));

        var view = navigate(DashboardView.class);

        assertThat(text(view.kpis)).contains("Answered within the deadline50 %2 of 4 leads of the last 30 days");
        assertThat(chart(view, 5))
                .startsWith("First responses by rep (30 days)RepIn timeMedian")
                .contains("Unassigned——")
                .contains("Ana Souza33 % (1/3)4 h")
                .contains("Ben Okafor100 % (1/1)2 h 30 min");
        assertThat(chart(view, 6))
                .contains("google0 % (0/1)")
                .contains("newsletter50 % (1/2)")
                .contains("direct100 % (1/1)");
    }

    private static void due(org.springframework.jdbc.core.JdbcTemplate jdbc, int lead, java.time.Duration after) {
        var reference = DashboardLeads.REFERENCES[lead];
        var created = jdbc.queryForObject(
                "select created_at from lead where reference = ?", java.time.OffsetDateTime.class, reference);
        jdbc.update("update lead set response_due_at = ? where reference = ?", created.plus(after), reference);
    }
}

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
                        "First responses by source (30 days)",
                        "Lost leads by reason");
        // L6 was lost because it "went elsewhere": not on the list, so "Other"
        assertThat(chart(view, 6)).isEqualTo("Lost leads by reasonOther1");
        assertThat(text(view.kpis))
                .contains("Leads in the last 7 days4▲ +2 vs the 7 days before (2)")
                .contains("Unassigned open leads2")
                .contains(
                        "Waiting for a first response3Oldest: " + DashboardLeads.REFERENCES[6] + ", waiting 20\u00a0d")
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
                // L3 2 h and L6 5 h in business time (answered at 18:00, an hour after closing)
                .contains("Median time to first response3 h 30 minover 2 leads of the last 30 days");
        assertThat(chart(view, 1)).isEqualTo("Pipeline by statusNew3Contacted1Qualified0Proposal0Won0Lost1");
        assertThat(chart(view, 3)).isEqualTo("Leads by sourcenewsletter3google2");
    }

    @Test
    @WithUserDetails(value = "maria", setupBefore = TestExecutionEvent.TEST_EXECUTION)
    void theWeeklyChartHasATextAlternative() {
        var view = navigate(DashboardView.class);

        var svg = view.charts.getElement().getChild(0).getChild(1).getProperty("innerHTML");
        assertThat(svg).contains("role=\"group\"", "aria-label=\"Leads per week over the last 8 weeks: week from");
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
                        "Today",
                        "Dashboard",
                        "Leads",
                        "My new leads, oldest first",
                        "Unassigned, oldest first",
                        "Overdue",
                        "My leads",
                        "Call hours",
                        "API tokens",
                        "Time zone",
                        "Password");
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
                        "My new leads, oldest first",
                        "Unassigned, oldest first",
                        "Overdue",
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
     * lead of the window in business time (09:00-17:00 UTC, arrivals at 12:00): Ana 2 h and 5 h (L6,
     * answered at 18:00), Ben 4 h and 1 h (L5).
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
        // 30 days: Ana L2 (late), L3 (late), L6 (lost, in time); Ben L4 (in time), L5 (won, no deadline)
        assertThat(text(view.reps))
                .startsWith("RepsLeads received in the last 7 days30 days90 days (since 1 Feb); open load is now.")
                .contains("Ana Souza3 / 253 h 30 min (2 leads)33 % (1 of 3)0 % (0 of 1 closed)")
                .contains("Ben Okafor2 / 252 h 30 min (2 leads)100 % (1 of 1)100 % (1 of 1 closed)")
                .contains("María García0 / 25— (0 leads)— (0 of 0)— (0 of 0 closed)");
        assertThat(chart(view, 5))
                .contains("google0 % (0/1)")
                .contains("newsletter50 % (1/2)")
                .contains("direct100 % (1/1)");
    }

    @Test
    @WithUserDetails(value = "maria", setupBefore = TestExecutionEvent.TEST_EXECUTION)
    void theRepsPeriodIsChosenInTheLink() {
        var jdbc = app.getBean(org.springframework.jdbc.core.JdbcTemplate.class);
        due(jdbc, 1, java.time.Duration.ofDays(1));
        due(jdbc, 2, java.time.Duration.ofHours(1));
        due(jdbc, 3, java.time.Duration.ofHours(5));

        var view = withPeriod("7");

        // 7 days (since 24 Feb): Ana L2 (late), L3 (late, 2 h); Ben L4 (in time, 4 h); nothing closed yet
        assertThat(text(view.reps))
                .contains("(since 24 Feb)")
                .contains("Ana Souza3 / 252 h (1 lead)0 % (0 of 2)— (0 of 0 closed)")
                .contains("Ben Okafor2 / 254 h (1 lead)100 % (1 of 1)— (0 of 0 closed)");
        assertThat(find(com.vaadin.flow.router.RouterLink.class).from(view.reps).all())
                .filteredOn(l -> "true".equals(l.getElement().getAttribute("aria-current")))
                .extracting(com.vaadin.flow.router.RouterLink::getText)
                .containsExactly("7 days");

        var refused = withPeriod("13");
        assertThat(text(refused.reps)).contains("The period \u201c13\u201d is not offered: showing 30 days");
    }

    /**
     * Follows every link of the dashboard (figures, bars, the weekly chart's columns, table cells)
     * the way the grid does: its URL filters through {@link com.stackdesk.lead.LeadFilterParameters#parse}
     * into the grid's count, which must be the figure the link shows.
     */
    @Test
    @WithUserDetails(value = "maria", setupBefore = TestExecutionEvent.TEST_EXECUTION)
    void everyFigureAndBarOfAManagerOpensExactlyTheLeadsItCounts() {
        var jdbc = app.getBean(org.springframework.jdbc.core.JdbcTemplate.class);
        due(jdbc, 1, java.time.Duration.ofDays(1));
        due(jdbc, 2, java.time.Duration.ofHours(1));
        due(jdbc, 3, java.time.Duration.ofHours(5));
        due(jdbc, 5, java.time.Duration.ofHours(8));
        for (var period : java.util.List.of("7", "30", "90")) {
            var view = withPeriod(period);
            var links = followEveryLink(view, "maria");
            assertThat(links).as("links followed").hasSizeGreaterThan(40);
        }
        var view = navigate(DashboardView.class);
        var showThem = find(com.vaadin.flow.router.RouterLink.class).from(view.kpis).all().stream()
                .filter(l -> l.getText().equals("Show them"))
                .findFirst()
                .orElseThrow();
        assertThat(com.vaadin.flow.router.QueryParameters.fromString(
                                showThem.getHref().substring("leads?".length()))
                        .getParameters())
                .isEqualTo(
                        java.util.Map.of("status", java.util.List.of("open"), "assignee", java.util.List.of("none")));
        assertThat(count("status=open&assignee=none", "maria")).as("L1, L7").isEqualTo(2);
    }

    @Test
    @WithUserDetails(value = "maria", setupBefore = TestExecutionEvent.TEST_EXECUTION)
    void eachLostReasonBarOpensTheGridOnExactlyTheLeadsLostForIt() {
        var jdbc = app.getBean(JdbcTemplate.class);
        // besides L6 ("went elsewhere": Other), L4 is lost for Budget and L9 was lost before reasons were counted
        jdbc.update(
                "update lead set status = 'LOST', lost_reason = 'Budget', lost_reason_label = 'Budget'"
                        + " where reference = ?",
                DashboardLeads.REFERENCES[3]);
        jdbc.update(
                "update lead set status = 'LOST', lost_reason = null, lost_reason_label = null where reference = ?",
                DashboardLeads.REFERENCES[8]);
        var view = navigate(DashboardView.class);
        var card = view.charts
                .getChildren()
                .filter(c -> c.getId().filter("lost-reasons"::equals).isPresent())
                .findFirst()
                .orElseThrow();
        var bars = new java.util.TreeMap<String, String>();
        find(com.vaadin.flow.router.RouterLink.class)
                .from(card)
                .all()
                .forEach(link ->
                        bars.put(link.getElement().getTextRecursively().replaceAll("\\d+$", ""), link.getHref()));

        assertThat(bars).containsOnlyKeys("Budget", "Not given", "Other");
        bars.forEach((label, href) -> assertThat(
                        com.vaadin.flow.router.QueryParameters.fromString(href.substring("leads?".length()))
                                .getParameters())
                .as(label)
                .isEqualTo(
                        java.util.Map.of("status", java.util.List.of("lost"), "lostReason", java.util.List.of(label))));
        assertThat(gridReferences(bars.get("Budget"))).containsExactly(DashboardLeads.REFERENCES[3]);
        assertThat(gridReferences(bars.get("Not given"))).containsExactly(DashboardLeads.REFERENCES[8]);
        assertThat(gridReferences(bars.get("Other"))).containsExactly(DashboardLeads.REFERENCES[5]);
    }

    /** Follows a link to the grid and reads the references of the leads it lists. */
    private java.util.List<String> gridReferences(String href) {
        com.vaadin
                .flow
                .component
                .UI
                .getCurrent()
                .navigate(
                        "leads", com.vaadin.flow.router.QueryParameters.fromString(href.substring("leads?".length())));
        var grid = test(((LeadsView) getCurrentView()).grid);
        assertThat(((LeadsView) getCurrentView()).linkProblems.isVisible())
                .as("problems with " + href)
                .isFalse();
        var references = new java.util.ArrayList<String>();
        for (int i = 0; i < grid.size(); i++) {
            references.add(grid.getRow(i).reference());
        }
        return references;
    }

    @Test
    @WithUserDetails(value = "ana", setupBefore = TestExecutionEvent.TEST_EXECUTION)
    void everyFigureAndBarOfASalesRepOpensExactlyTheLeadsItCounts() {
        var view = navigate(DashboardView.class);

        assertThat(followEveryLink(view, "ana")).hasSizeGreaterThan(20);
        assertThat(text(view.reps)).startsWith("You").contains("Ana Souza").doesNotContain("Ben Okafor");
    }

    /** The dashboard at {@code /dashboard?period=...}. */
    private DashboardView withPeriod(String days) {
        com.vaadin
                .flow
                .component
                .UI
                .getCurrent()
                .navigate(DashboardView.class, com.vaadin.flow.router.QueryParameters.of("period", days));
        return (DashboardView) getCurrentView();
    }

    /** Checks each link's count against the grid's; returns the hrefs followed. */
    private java.util.List<String> followEveryLink(DashboardView view, String username) {
        var followed = new java.util.ArrayList<String>();
        var elements = new java.util.ArrayDeque<Element>(java.util.List.of(view.getElement()));
        while (!elements.isEmpty()) {
            var element = elements.pop();
            element.getChildren().forEach(elements::push);
            var href = element.getAttribute("href");
            if (href != null && href.startsWith("leads?")) {
                assertThat(element.getAttribute("data-count"))
                        .as("the figure of " + href)
                        .isNotNull();
                var shown = element.getTextRecursively().replaceAll("[^0-9].*$", "");
                if (!shown.isEmpty() && !element.getClassList().contains("sd-bar-row")) {
                    assertThat(shown).as("the figure shown for " + href).isEqualTo(element.getAttribute("data-count"));
                }
                assertThat(count(href.substring(href.indexOf('?') + 1), username))
                        .as("leads behind " + href)
                        .isEqualTo(Long.parseLong(element.getAttribute("data-count")));
                followed.add(href);
            }
            var html = element.getProperty("innerHTML");
            if (html != null) {
                var svgLink = java.util.regex.Pattern.compile("<a href=\"leads\\?([^\"]*)\" data-count=\"(\\d+)\"")
                        .matcher(html);
                int columns = 0;
                while (svgLink.find()) {
                    var query = svgLink.group(1).replace("&amp;", "&");
                    assertThat(count(query, username))
                            .as("leads behind the column " + query)
                            .isEqualTo(Long.parseLong(svgLink.group(2)));
                    followed.add("leads?" + query);
                    columns++;
                }
                if (html.contains("sd-week-chart")) {
                    assertThat(columns).as("every week's column is a link").isEqualTo(8);
                }
            }
        }
        return followed;
    }

    /** The grid's count for a link's query string, as {@code username} sees it. */
    private long count(String query, String username) {
        var staff = app.getBean(com.stackdesk.staff.StaffDirectory.class);
        var parsed = com.stackdesk.lead.LeadFilterParameters.parse(
                com.vaadin.flow.router.QueryParameters.fromString(query).getParameters(),
                staff.idOf(username).orElseThrow(),
                staff::idOf);
        assertThat(parsed.problems()).as("the link's filters " + query).isEmpty();
        return app.getBean(com.stackdesk.lead.LeadSearch.class)
                .count(parsed.parameters().filter(DashboardLeads.NOW));
    }

    private static void due(org.springframework.jdbc.core.JdbcTemplate jdbc, int lead, java.time.Duration after) {
        var reference = DashboardLeads.REFERENCES[lead];
        var created = jdbc.queryForObject(
                "select created_at from lead where reference = ?", java.time.OffsetDateTime.class, reference);
        jdbc.update("update lead set response_due_at = ? where reference = ?", created.plus(after), reference);
    }
}

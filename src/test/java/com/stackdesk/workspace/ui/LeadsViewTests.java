package com.stackdesk.workspace.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.stackdesk.DemoData;
import com.stackdesk.DemoLeads;
import com.stackdesk.IntegrationTest;
import com.stackdesk.base.Times;
import com.stackdesk.lead.LeadKind;
import com.stackdesk.lead.LeadRow;
import com.stackdesk.lead.LeadStatus;
import com.stackdesk.lead.StackLeaning;
import com.stackdesk.lead.internal.Leads;
import com.stackdesk.staff.internal.StaffMembers;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.QueryParameters;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;

/** The leads grid on the demo data: filters from the URL and from the fields, and what each role sees. */
@IntegrationTest
@DemoData
class LeadsViewTests extends SpringBrowserlessTest {

    @Autowired
    Leads leads;

    @Autowired
    StaffMembers staff;

    @Autowired
    JdbcTemplate jdbc;

    /** Opens the grid with query parameters, as a bookmarked link does. */
    private LeadsView open(String query) {
        UI.getCurrent().navigate("leads", QueryParameters.fromString(query));
        return (LeadsView) getCurrentView();
    }

    private List<LeadRow> rows(LeadsView view) {
        var grid = test(view.grid);
        var rows = new ArrayList<LeadRow>();
        for (int i = 0; i < grid.size(); i++) {
            rows.add(grid.getRow(i));
        }
        return rows;
    }

    @Test
    @WithUserDetails("maria")
    void filtersGivenInTheUrlAreAppliedAndShown() {
        var view = open("status=NEW&stack=GO&kind=CONSULTATION");

        assertThat(view.status.getValue()).isEqualTo(LeadStatus.NEW);
        assertThat(view.stack.getValue()).isEqualTo(StackLeaning.GO);
        var rows = rows(view);
        long expected = leads.findAll().stream()
                .filter(l -> l.getStatus() == LeadStatus.NEW
                        && l.getStack() == StackLeaning.GO
                        && l.getKind() == LeadKind.CONSULTATION
                        && !l.isSuspectedSpam())
                .count();
        assertThat(rows).hasSize((int) expected).isNotEmpty();
        assertThat(rows).allSatisfy(r -> {
            assertThat(r.status()).isEqualTo(LeadStatus.NEW);
            assertThat(r.stack()).isEqualTo(StackLeaning.GO);
        });
        assertThat(view.total.getText()).isEqualTo(expected + " leads");
    }

    @Test
    @WithUserDetails("maria")
    void theOverdueFilterListsWhatIsOverdueSoonestFirst() {
        var view = open("due=overdue");

        assertThat(view.due.getValue()).isEqualTo("overdue");
        var rows = rows(view);
        long expected = jdbc.queryForObject(
                "select count(*) from lead where next_due_at < ? and suspected_spam = false",
                Long.class,
                java.sql.Timestamp.from(java.time.Instant.now()));
        assertThat(rows).hasSize((int) expected).isNotEmpty();
        assertThat(rows).allSatisfy(r -> assertThat(r.nextDueAt()).isBefore(java.time.Instant.now()));
        assertThat(rows).extracting(LeadRow::nextDueAt).isSorted();
    }

    @Test
    @WithUserDetails("maria")
    void aFilterTheLinkGotWrongIsNamedAndTheOthersStillApply() {
        var view = open("status=PENDING&stack=GO");

        assertThat(view.linkProblems.isVisible()).isTrue();
        assertThat(view.linkProblems.getElement().getTextRecursively())
                .contains("\u201cstatus\u201d was ignored")
                .contains("status: use one of NEW");
        assertThat(view.status.getValue()).isNull();
        assertThat(view.stack.getValue()).isEqualTo(StackLeaning.GO);
        assertThat(rows(view)).isNotEmpty().allSatisfy(r -> assertThat(r.stack())
                .isEqualTo(StackLeaning.GO));

        var clean = open("stack=GO");
        assertThat(clean.linkProblems.isVisible()).isFalse();
    }

    @Test
    @WithUserDetails("ana")
    void aSalesRepsLinkToAnotherRepsLeadsSaysTheAssigneeWasIgnored() {
        var view = open("assignee=ben");

        assertThat(view.linkProblems.isVisible()).isTrue();
        assertThat(view.linkProblems.getElement().getTextRecursively()).contains("\u201cassignee\u201d was ignored");
        assertThat(view.assignee.getValue()).isNull();
    }

    @Test
    @WithUserDetails("maria")
    void onAPhoneTheGridKeepsTheColumnsThatMatterAndTheRestIsOneTapAway() {
        var view = navigate(LeadsView.class);

        view.fitColumnsTo(390);
        assertThat(visibleColumns(view)).containsExactly("lead");
        assertThat(view.columnsToggle.isVisible()).isTrue();

        var first = test(view.grid).getRow(0);
        assertThat(test(view.grid).getCellComponent(0, "lead").getElement().getTextRecursively())
                .contains(first.reference(), first.fullName(), first.status().label());

        test(view.columnsToggle).click();
        assertThat(visibleColumns(view)).hasSize(12);
        assertThat(view.columnsToggle.getText()).isEqualTo("Fewer columns");

        view.fitColumnsTo(1366);
        assertThat(visibleColumns(view)).hasSize(12);
        assertThat(view.columnsToggle.isVisible()).isFalse();
    }

    private static List<String> visibleColumns(LeadsView view) {
        return view.grid.getColumns().stream()
                .filter(c -> c.isVisible())
                .map(c -> c.getKey())
                .toList();
    }

    @Test
    @WithUserDetails("maria")
    void choosingFiltersNarrowsTheGridAndPutsThemInTheUrl() {
        var view = navigate(LeadsView.class);
        int all = test(view.grid).size();

        test(view.stack).selectItem("Python");
        test(view.assignee).selectItem("Unassigned");

        var rows = rows(view);
        assertThat(rows.size()).isLessThan(all);
        assertThat(rows).allSatisfy(r -> {
            assertThat(r.stack()).isEqualTo(StackLeaning.PYTHON);
            assertThat(r.assigneeId()).isNull();
        });
        assertThat(view.queryParameters().getQueryString()).isEqualTo("stack=PYTHON&assignee=none");

        test(view.clear).click();
        assertThat(test(view.grid).size()).isEqualTo(all);
        assertThat(view.queryParameters().getQueryString()).isEmpty();
    }

    @Test
    @WithUserDetails("maria")
    void callBookedShowsOnlyTheLeadsWithABookedCall() {
        var booked = jdbc.queryForList(
                "select id from lead where suspected_spam <> TRUE order by id fetch first 2 rows only", Long.class);
        // as the booking module keeps it through the lead module (BookingACallTests)
        jdbc.update(
                "update lead set call_at = ? where id in (?, ?)",
                java.sql.Timestamp.from(java.time.Instant.parse("2026-12-01T09:00:00Z")),
                booked.get(0),
                booked.get(1));
        try {
            var view = open("call=booked");

            assertThat(view.callBooked.getValue()).isTrue();
            assertThat(rows(view)).extracting(LeadRow::id).containsExactlyInAnyOrderElementsOf(booked);
            assertThat(view.total.getText()).isEqualTo("2 leads");
            test(view.stack).selectItem("Python");
            assertThat(view.queryParameters().getParameters())
                    .containsOnlyKeys("stack", "call")
                    .containsEntry("call", List.of("booked"));
        } finally {
            jdbc.update("update lead set call_at = null");
        }
    }

    @Test
    @WithUserDetails("maria")
    void aFilterChangeCountsTheMatchingLeadsOnce() {
        var view = navigate(LeadsView.class);
        test(view.grid).size();
        jdbc.execute("SET QUERY_STATISTICS TRUE");
        try {
            test(view.stack).selectItem("Go");
            test(view.grid).size(); // the grid fetches its rows and its size

            // H2's own record of what ran since statistics were switched on
            var counts = jdbc.queryForList(
                    "SELECT EXECUTION_COUNT FROM INFORMATION_SCHEMA.QUERY_STATISTICS"
                            + " WHERE SQL_STATEMENT LIKE 'SELECT COUNT(*) FROM lead WHERE%'",
                    Integer.class);
            assertThat(counts).containsExactly(1);
            assertThat(view.total.getText()).isEqualTo(test(view.grid).size() + " leads");
        } finally {
            jdbc.execute("SET QUERY_STATISTICS FALSE");
        }
    }

    @Test
    @WithUserDetails("maria")
    void theSearchBoxFindsAnEmailPrefixAndACompany() {
        var view = navigate(LeadsView.class);

        test(view.search).setValue("jose.fern");
        assertThat(rows(view)).extracting(LeadRow::email).containsExactly("jose.fernandez@fjordanalytics.example");

        test(view.search).setValue("Tidewater");
        assertThat(rows(view)).isNotEmpty().allSatisfy(r -> assertThat(r.company())
                .isEqualTo("Tidewater Bank"));
        assertThat(view.queryParameters().getQueryString()).isEqualTo("q=Tidewater");
    }

    @Test
    @WithUserDetails("maria")
    void aCreatedDateRangeFromTheUrlNarrowsByDay() {
        var today = java.time.LocalDate.now(Times.ZONE);
        var view = open("from=" + today.minusDays(2) + "&to=" + today);

        assertThat(view.createdFrom.getValue()).isEqualTo(today.minusDays(2));
        var earliest = today.minusDays(2).atStartOfDay(Times.ZONE).toInstant();
        assertThat(rows(view)).isNotEmpty().allSatisfy(r -> assertThat(r.createdAt())
                .isAfterOrEqualTo(earliest));
    }

    @Test
    @WithUserDetails("ana")
    void aSalesRepSeesOnlyOwnAndUnassignedLeads() {
        long ana = DemoLeads.staffId(staff, "ana");

        var view = navigate(LeadsView.class);

        var rows = rows(view);
        assertThat(rows).isNotEmpty().allSatisfy(r -> assertThat(r.assigneeId()).isIn(ana, null));
        assertThat(rows).anySatisfy(r -> assertThat(r.assigneeId()).isNull());
        assertThat(view.assignee.getListDataView().getItems().map(LeadsView.AssigneeChoice::label))
                .containsExactly("Me", "Unassigned");
    }

    @Test
    @WithUserDetails("ana")
    void myLeadsShowsOnlyTheRepsOwnLeads() {
        long ana = DemoLeads.staffId(staff, "ana");

        var view = navigate(MyLeadsView.class);

        assertThat(rows(view)).isNotEmpty().allSatisfy(r -> assertThat(r.assigneeId())
                .isEqualTo(ana));
        assertThat(view.assignee.isVisible()).isFalse();
    }

    @Test
    @WithUserDetails("maria")
    void clickingARowOpensTheLead() {
        var view = open("status=QUALIFIED");
        var first = test(view.grid).getRow(0);

        test(view.grid).clickRow(0);

        var detail = find(LeadDetailView.class).single();
        assertThat(detail.title.getText()).isEqualTo(first.fullName());
        assertThat(Objects.requireNonNull(getCurrentView())).isSameAs(detail);
    }

    @Test
    @WithUserDetails("maria")
    void aLeadOpenedFromTheGridGetsItsFiltersAndOrderAndBackReturnsToThem() {
        var view = open("status=NEW&sort=company");
        assertThat(view.grid.getSortOrder()).singleElement().satisfies(order -> {
            assertThat(order.getSorted().getKey()).isEqualTo("company");
            assertThat(order.getDirection()).isEqualTo(com.vaadin.flow.data.provider.SortDirection.ASCENDING);
        });
        assertThat(view.queryParameters().getParameters())
                .containsEntry("status", List.of("NEW"))
                .containsEntry("sort", List.of("company"));
        var first = test(view.grid).getRow(0);

        test(view.grid).clickRow(0);

        var detail = (LeadDetailView) getCurrentView();
        assertThat(detail.title.getText()).isEqualTo(first.fullName());
        var location = UI.getCurrent().getActiveViewLocation();
        assertThat(location.getPath()).isEqualTo("leads/" + first.reference());
        assertThat(location.getQueryParameters().getParameters())
                .isEqualTo(java.util.Map.of("status", List.of("NEW"), "sort", List.of("company")));
        assertThat(detail.previous.isEnabled())
                .as("the first row has nothing before it")
                .isFalse();

        detail.shortcuts.press("u");
        var back = (LeadsView) getCurrentView();
        assertThat(back.status.getValue()).isEqualTo(LeadStatus.NEW);
        assertThat(back.grid.getSortOrder().getFirst().getSorted().getKey()).isEqualTo("company");
    }

    @Test
    @WithUserDetails("ana")
    void aLeadOpenedFromMyLeadsWalksMyLeads() {
        var view = navigate(MyLeadsView.class);

        assertThat(view.listParameters().getParameters()).containsEntry(LeadDetailView.LIST, List.of("mine"));
        test(view.grid).clickRow(0);

        var detail = (LeadDetailView) getCurrentView();
        assertThat(detail.back.getHref()).startsWith("leads/mine?");
        assertThat(detail.back.getText()).isEqualTo("← My leads");
    }
}

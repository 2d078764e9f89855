package com.stackdesk.workspace.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.stackdesk.DemoData;
import com.stackdesk.DemoLeads;
import com.stackdesk.IntegrationTest;
import com.stackdesk.base.Times;
import com.stackdesk.lead.LeadKind;
import com.stackdesk.lead.LeadRow;
import com.stackdesk.lead.LeadSearch;
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
    @WithUserDetails("maria")
    void aLostReasonAmongTheMoreFiltersListsTheLeadsLostForItAndGoesInTheUrl() {
        var view = open("");
        var lostForBudget = jdbc.queryForList(
                "select reference from lead where status = 'LOST' and lost_reason_label = 'Budget'"
                        + " and suspected_spam = false",
                String.class);

        assertThat(view.lostReason.getListDataView().getItems())
                .contains("Budget", "Other", "Not given")
                .doesNotHaveDuplicates();
        view.lostReason.setValue("Budget");

        assertThat(rows(view)).extracting(LeadRow::reference).containsExactlyInAnyOrderElementsOf(lostForBudget);
        assertThat(lostForBudget).isNotEmpty();
        assertThat(view.queryParameters().getQueryString()).isEqualTo("lostReason=Budget");
        assertThat(view.moreFilters.getText()).endsWith("(1)");

        var fromALink = open("status=lost&lostReason=budget");
        assertThat(fromALink.lostReason.getValue()).as("as the list spells it").isEqualTo("Budget");
        assertThat(fromALink.more.isVisible()).isTrue();
        assertThat(rows(fromALink)).extracting(LeadRow::reference).containsExactlyInAnyOrderElementsOf(lostForBudget);
    }

    @Test
    @WithUserDetails("maria")
    void aLostReasonNoLeadWasLostForIsNamedAndTheOtherFiltersStillApply() {
        var view = open("status=lost&lostReason=Bugdet");

        assertThat(view.linkProblems.getElement().getTextRecursively())
                .contains("\u201clostReason\u201d was ignored")
                .contains("no lead was lost for \u201cBugdet\u201d");
        assertThat(view.lostReason.getValue()).isNull();
        long lost = jdbc.queryForObject(
                "select count(*) from lead where status = 'LOST' and suspected_spam = false", Long.class);
        assertThat(lost).isPositive();
        assertThat(rows(view)).hasSize((int) lost).allSatisfy(r -> assertThat(r.status())
                .isEqualTo(LeadStatus.LOST));
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
    void onAPhoneTheLeadsAreCardsWithNameStatusStackAndAge() {
        var view = navigate(LeadsView.class);

        view.fitColumnsTo(390);
        assertThat(view.showsCards()).isTrue();
        assertThat(view.cards.isVisible()).isTrue();
        assertThat(view.grid.isVisible()).isFalse();
        assertThat(view.columnsButton.isVisible()).isFalse();
        var cards = test(view.cards);
        assertThat(cards.size()).isEqualTo(test(view.grid).size());
        var first = cards.getItem(0);
        assertThat(cards.getItemComponent(0).getElement().getTextRecursively())
                .contains(
                        first.fullName(), first.status().label(), first.stack().label());

        view.fitColumnsTo(1366);
        assertThat(view.grid.isVisible()).isTrue();
        assertThat(view.cards.isVisible()).isFalse();
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
    void aSearchForAWordMoreThanTwentyThousandLeadsHaveSaysSoAndStillListsThem() {
        int many = (int) LeadSearch.MAX_COUNTED + 1;
        // written by H2 itself, not routed (routing_pending stays false), taken out again below
        jdbc.update(
                "INSERT INTO lead (reference, kind, first_name, last_name, email, company, stack, message,"
                        + " status, created_at, consent_version, consent_at, fingerprint, suspected_spam, version,"
                        + " source_label, search_name, search_last_name, search_email, search_company)"
                        + " SELECT 'SD-OV' || X, 'CONSULTATION', 'Ada', 'Overflowsson', 'ada.' || X || '@overflow.example',"
                        + " 'Overflow AB', 'GO', 'Bulk', 'NEW', CURRENT_TIMESTAMP, 'v1', CURRENT_TIMESTAMP, 'ovfp' || X,"
                        + " FALSE, 0, 'direct', 'ada overflowsson', 'overflowsson', 'ada.' || X || '@overflow.example',"
                        + " 'overflow ab' FROM SYSTEM_RANGE(1, ?)",
                many);
        jdbc.update("INSERT INTO lead_search_term (term, lead_id)"
                + " SELECT 'overflowsson', id FROM lead WHERE last_name = 'Overflowsson'");
        try {
            var view = open("q=Overflowsson");

            assertThat(view.total.getText()).isEqualTo("More than 20,000 leads: add a word to the search to narrow it");
            assertThat(view.export.isEnabled()).isTrue();
            var grid = test(view.grid);
            // each row read here asks the grid's data provider again: three show the page is theirs
            var firstRows = java.util.stream.IntStream.range(0, 3)
                    .mapToObj(grid::getRow)
                    .toList();
            assertThat(firstRows).allSatisfy(r -> assertThat(r.email()).endsWith("@overflow.example"));
        } finally {
            jdbc.update("DELETE FROM lead_search_term WHERE term = 'overflowsson'");
            jdbc.update("DELETE FROM lead WHERE last_name = 'Overflowsson'");
        }
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
    void leadsWithThePersonAndKeepsTheOtherColumnsInTheChooser() {
        var view = navigate(LeadsView.class);

        assertThat(view.visibleColumns()).containsExactly("person", "status", "stack", "owner", "age", "due");
        assertThat(view.optionalColumns())
                .contains("source", "first-response", "received", "kind", "call", "reference", "email");
        var first = test(view.grid).getRow(0);
        assertThat(test(view.grid).getCellComponent(0, "person").getElement().getTextRecursively())
                .contains(first.fullName())
                .contains(first.company() == null ? first.email() : first.company());
    }

    @Test
    @WithUserDetails("ben")
    void theChosenColumnsAreRememberedForTheNextVisit() {
        long ben = DemoLeads.staffId(staff, "ben");
        try {
            var view = navigate(LeadsView.class);
            test(view.columnChoice).selectItem("Source");
            test(view.columnChoice).deselectItem("Due");
            assertThat(view.visibleColumns()).contains("source").doesNotContain("due");

            UI.getCurrent().navigate("today");
            var again = navigate(LeadsView.class);
            assertThat(again).isNotSameAs(view);
            assertThat(again.visibleColumns()).containsExactly("person", "status", "stack", "owner", "age", "source");
            assertThat(jdbc.queryForObject(
                            "select columns from staff_grid_columns where staff_id = ?", String.class, ben))
                    .isEqualTo("status,stack,owner,age,source");
        } finally {
            jdbc.update("delete from staff_grid_columns");
        }
    }

    @Test
    @WithUserDetails("maria")
    void anEmptyResultSaysSoOffersToClearTheFiltersAndCannotBeExported() {
        var view = open("q=zzqqxxnothing&stack=GO");

        assertThat(view.total.getText()).isEqualTo("0 leads");
        assertThat(view.emptyState.isVisible()).isTrue();
        assertThat(view.emptyMessage.getText()).startsWith("No leads match these filters");
        assertThat(view.grid.isVisible()).isFalse();
        assertThat(view.export.isEnabled()).isFalse();

        test(view.emptyClear).click();

        assertThat(view.emptyState.isVisible()).isFalse();
        assertThat(view.grid.isVisible()).isTrue();
        assertThat(view.export.isEnabled()).isTrue();
        assertThat(view.queryParameters().getQueryString()).isEmpty();
    }

    private List<String> savedViewsInTheMenu() {
        return $(com.vaadin.flow.component.sidenav.SideNavItem.class).all().stream()
                .filter(i -> i.hasClassName("sd-saved-view"))
                .map(com.vaadin.flow.component.sidenav.SideNavItem::getLabel)
                .toList();
    }

    @Test
    @WithUserDetails("ana")
    void aSavedViewIsOneClickAwayInTheMenuAndCanBeRenamedAndDeleted() {
        try {
            var view = open("stack=GO&status=NEW");
            assertThat(savedViewsInTheMenu())
                    .containsExactly("My new leads, oldest first", "Unassigned, oldest first", "Overdue");

            test(view.saveView).click();
            roundTrip();
            var dialog = java.util.Objects.requireNonNull(view.viewsDialog);
            test(dialog.name).setValue("My new Go leads");
            test(dialog.save).click();

            assertThat(savedViewsInTheMenu()).endsWith("My new Go leads");
            var item = $(com.vaadin.flow.component.sidenav.SideNavItem.class).all().stream()
                    .filter(i -> "My new Go leads".equals(i.getLabel()))
                    .findFirst()
                    .orElseThrow();
            assertThat(item.getPath())
                    .startsWith("leads?")
                    .contains("status=NEW")
                    .contains("stack=GO");
            var reopened = open("status=NEW&stack=GO");
            assertThat(reopened.stack.getValue()).isEqualTo(StackLeaning.GO);

            test(dialog.name).setValue("my new go LEADS");
            test(dialog.save).click();
            assertThat(dialog.name.isInvalid()).isTrue();
            assertThat(dialog.name.getErrorMessage()).contains("already have a view called");

            var row = dialog.rows.getFirst();
            test(row.name()).setValue("Go leads");
            test(row.rename()).click();
            assertThat(savedViewsInTheMenu()).contains("Go leads").doesNotContain("My new Go leads");

            test(dialog.rows.getFirst().delete()).click();
            assertThat(savedViewsInTheMenu()).doesNotContain("Go leads");
            assertThat(jdbc.queryForObject("select count(*) from saved_view", Long.class))
                    .isZero();
        } finally {
            jdbc.update("delete from saved_view");
        }
    }

    @Test
    @WithUserDetails("maria")
    void theUnassignedViewListsTheLeadWaitingLongestFirst() {
        var view = open(com.stackdesk.workspace.SavedViews.BUILT_IN.get(1).query());

        var rows = rows(view);
        long unassigned = jdbc.queryForObject(
                "select count(*) from lead where assignee_id is null and suspected_spam = false", Long.class);
        assertThat(rows).hasSize((int) unassigned).allSatisfy(r -> assertThat(r.assigneeId())
                .isNull());
        assertThat(rows).extracting(LeadRow::createdAt).isSorted();
        assertThat(test(view.grid).getSortDirection("age"))
                .isEqualTo(com.vaadin.flow.data.provider.SortDirection.DESCENDING);
        assertThat(view.queryParameters().getQueryString()).isEqualTo("assignee=none&sort=created_at");
    }

    @Test
    @WithUserDetails("ana")
    void aRepTakesTickedLeadsAndIsToldOfOneChangedMeanwhile() {
        long ana = DemoLeads.staffId(staff, "ana");
        var view = open("assignee=none");
        var first = test(view.grid).getRow(0);
        var second = test(view.grid).getRow(1);
        try {
            test(view.grid).select(0);
            test(view.grid).select(1);
            assertThat(view.bulkBar.isVisible()).isTrue();
            assertThat(view.selectionText.getText()).isEqualTo("2 selected");
            assertThat(view.bulkAssignee.isVisible()).isFalse();
            // someone saves the second lead after the grid read it
            jdbc.update("update lead set version = version + 1 where id = ?", second.id());

            test(view.takeSelected).click();

            assertThat(view.bulkOutcome.getElement().getTextRecursively())
                    .contains("Taken: 1 lead; 1 lead left alone")
                    .contains(second.reference() + " — changed by someone else since you loaded the list");
            assertThat(jdbc.queryForObject("select assignee_id from lead where id = ?", Long.class, first.id()))
                    .isEqualTo(ana);
            assertThat(jdbc.queryForObject("select assignee_id from lead where id = ?", Long.class, second.id()))
                    .isNull();
            assertThat(jdbc.queryForObject(
                            "select count(*) from lead_activity where lead_id = ? and type = 'ASSIGNED' and actor = 'ana'",
                            Long.class,
                            first.id()))
                    .isEqualTo(1);
            assertThat(view.bulkBar.isVisible()).isFalse();
        } finally {
            jdbc.update("update lead set assignee_id = null, open_assignee_id = null where id = ?", first.id());
            jdbc.update(
                    "delete from lead_activity where lead_id = ? and type = 'ASSIGNED' and actor = 'ana'", first.id());
        }
    }

    @Test
    @WithUserDetails("maria")
    void aManagerSelectsAllMatchingLeadsAndReassignsThem() {
        long ben = DemoLeads.staffId(staff, "ben");
        var ids = jdbc.queryForList(
                "select id from lead where assignee_id is null and suspected_spam = false", Long.class);
        assertThat(ids).hasSizeGreaterThan(1);
        var view = open("assignee=none");
        try {
            test(view.grid).select(0);
            assertThat(view.selectAllMatching.getText()).isEqualTo("Select all " + ids.size() + " matching leads");
            test(view.selectAllMatching).click();
            assertThat(view.selectionText.getText()).isEqualTo("All " + ids.size() + " matching leads selected");
            test(view.bulkAssignee).selectItem("Ben Okafor");
            test(view.applyAssignee).click();

            assertThat(view.bulkOutcome.getElement().getTextRecursively())
                    .isEqualTo("Assigned to Ben Okafor: " + ids.size() + " leads.");
            assertThat(ids).allSatisfy(id -> assertThat(
                            jdbc.queryForObject("select assignee_id from lead where id = ?", Long.class, id))
                    .isEqualTo(ben));
            assertThat(view.total.getText()).isEqualTo("0 leads");
        } finally {
            ids.forEach(
                    id -> jdbc.update("update lead set assignee_id = null, open_assignee_id = null where id = ?", id));
        }
    }

    @Test
    @WithUserDetails("maria")
    void aManagerAddsALeadFromAPhoneCallThroughTheIntakeRules() {
        var view = navigate(LeadsView.class);
        test(view.newLead).click();
        roundTrip();
        var dialog = java.util.Objects.requireNonNull(view.newLeadDialog);

        test(dialog.create).click();
        assertThat(dialog.isOpened()).isTrue();
        assertThat(dialog.firstName.isInvalid()).isTrue();
        assertThat(dialog.email.isInvalid()).isTrue();
        assertThat(dialog.message.isInvalid()).isTrue();

        var email = "nora." + java.util.UUID.randomUUID().toString().substring(0, 8) + "@tidewater.example";
        test(dialog.firstName).setValue("Nora");
        test(dialog.lastName).setValue("Lindqvist");
        test(dialog.email).setValue(email);
        test(dialog.phone).setValue("+46 70 123 45 67");
        test(dialog.company).setValue("Tidewater Bank");
        test(dialog.stack).selectItem("Go");
        test(dialog.message).setValue("Called: wants a Go code review.");
        test(dialog.consent).click();
        test(dialog.create).click();

        assertThat(dialog.isOpened()).isFalse();
        var lead = leads.findAll().stream()
                .filter(l -> l.getEmail().equals(email))
                .findFirst()
                .orElseThrow();
        assertThat(lead.getSourceLabel()).isEqualTo("phone");
        assertThat(lead.isSuspectedSpam()).isFalse();
        var detail = (LeadDetailView) getCurrentView();
        assertThat(detail.title.getText()).isEqualTo("Nora Lindqvist");
    }

    @Test
    @WithUserDetails("maria")
    void aLeadOpenedFromTheGridGetsItsFiltersAndOrderAndBackReturnsToThem() {
        // the merged grid has no company column: the order is one the grid shows (stack)
        var view = open("status=NEW&sort=stack");
        assertThat(view.grid.getSortOrder()).singleElement().satisfies(order -> {
            assertThat(order.getSorted().getKey()).isEqualTo("stack");
            assertThat(order.getDirection()).isEqualTo(com.vaadin.flow.data.provider.SortDirection.ASCENDING);
        });
        assertThat(view.queryParameters().getParameters())
                .containsEntry("status", List.of("NEW"))
                .containsEntry("sort", List.of("stack"));
        var first = test(view.grid).getRow(0);

        test(view.grid).clickRow(0);

        var detail = (LeadDetailView) getCurrentView();
        assertThat(detail.title.getText()).isEqualTo(first.fullName());
        var location = UI.getCurrent().getActiveViewLocation();
        assertThat(location.getPath()).isEqualTo("leads/" + first.reference());
        assertThat(location.getQueryParameters().getParameters())
                .isEqualTo(java.util.Map.of("status", List.of("NEW"), "sort", List.of("stack")));
        assertThat(detail.previous.isEnabled())
                .as("the first row has nothing before it")
                .isFalse();

        detail.shortcuts.press("u");
        var back = (LeadsView) getCurrentView();
        assertThat(back.status.getValue()).isEqualTo(LeadStatus.NEW);
        assertThat(back.grid.getSortOrder().getFirst().getSorted().getKey()).isEqualTo("stack");
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

package com.stackdesk.workspace.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.stackdesk.DemoData;
import com.stackdesk.DemoLeads;
import com.stackdesk.IntegrationTest;
import com.stackdesk.SignIn;
import com.stackdesk.base.ui.NotFoundView;
import com.stackdesk.lead.Lead;
import com.stackdesk.lead.LeadStatus;
import com.stackdesk.lead.LeadWork;
import com.stackdesk.lead.internal.Leads;
import com.stackdesk.staff.internal.StaffMembers;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.dom.DomEvent;
import com.vaadin.flow.internal.JacksonUtils;
import com.vaadin.flow.internal.nodefeature.ElementListenerMap;
import com.vaadin.flow.router.QueryParameters;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.context.support.WithUserDetails;

/** The lead detail on the demo data: the request, pipeline moves with notes, conflicts, and who may open it. */
@IntegrationTest
@DemoData
class LeadDetailViewTests extends SpringBrowserlessTest {

    @Autowired
    org.springframework.context.ApplicationContext app;

    @Autowired
    Leads leads;

    @Autowired
    StaffMembers staff;

    @Autowired
    LeadWork work;

    @Autowired
    UserDetailsService users;

    @Autowired
    JdbcTemplate jdbc;

    private String timelineText(LeadDetailView view) {
        return String.join(
                "\n",
                find(ListItem.class).from(view.timeline).all().stream()
                        .map(li -> li.getElement().getTextRecursively())
                        .toList());
    }

    @Test
    @WithUserDetails("ana")
    void showsEveryFieldOfTheRequest() {
        var lead = DemoLeads.of(leads, staff, "ana", LeadStatus.NEW).getFirst();

        var view = navigate("leads/" + lead.getReference(), LeadDetailView.class);

        var text = view.fields.getElement().getTextRecursively();
        assertThat(text)
                .contains(
                        lead.getReference(),
                        lead.getFullName(),
                        lead.getEmail(),
                        lead.getStack().label())
                .contains(lead.getMessage())
                .contains("Consent", "Source", "First response");
        assertThat(timelineText(view)).contains("Submitted");
    }

    @Test
    @WithUserDetails("ana")
    void openingALeadReadsTheStaffOnceForNamesAndNeverTheirSkills() {
        var lead = DemoLeads.of(leads, staff, "ana", LeadStatus.NEW).getFirst();
        // H2's statistics cover every session: routing a lead another test of this context
        // submitted, and sending its alert, read the reps, so the measuring starts once nothing
        // waits for either (a clean-clone run caught a read of the skills by another thread in the
        // second after two rep alerts went out)
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(30))
                .until(() ->
                        jdbc.queryForObject("SELECT COUNT(*) FROM lead WHERE routing_pending = TRUE", Long.class) == 0
                                && jdbc.queryForObject(
                                                "SELECT COUNT(*) FROM outbound_email WHERE status = 'SENDING'"
                                                        + " OR (status = 'PENDING' AND next_attempt_at <= CURRENT_TIMESTAMP)",
                                                Long.class)
                                        == 0);
        jdbc.execute("SET QUERY_STATISTICS TRUE");
        try {
            navigate("leads/" + lead.getReference(), LeadDetailView.class);

            // H2's own record of what ran since statistics were switched on
            var staffQueries = jdbc.queryForList(
                    "SELECT SQL_STATEMENT FROM INFORMATION_SCHEMA.QUERY_STATISTICS"
                            + " WHERE LOWER(SQL_STATEMENT) LIKE '%from staff%'",
                    String.class);
            assertThat(staffQueries).isNotEmpty().noneSatisfy(sql -> assertThat(sql.toLowerCase(Locale.ROOT))
                    .contains("staff_skill"));
        } finally {
            jdbc.execute("SET QUERY_STATISTICS FALSE");
        }
    }

    @Test
    @WithUserDetails("ana")
    void loggingACallOnANewLeadMovesItToContactedInTheSameAction() {
        var lead = DemoLeads.of(leads, staff, "ana", LeadStatus.NEW).get(1);
        var view = navigate("leads/" + lead.getReference(), LeadDetailView.class);

        assertThat(view.nextStatus.getListDataView().getItems()).containsExactly(LeadStatus.CONTACTED, LeadStatus.LOST);
        assertThat(view.entryType.getValue()).isEqualTo(LeadDetailView.Entry.CALL);
        assertThat(view.moveAlong.getLabel()).isEqualTo("and move to Contacted");
        assertThat(view.moveAlong.getValue())
                .as("checked for a contact on a NEW lead")
                .isTrue();
        test(view.entryText).setValue("Called; wants a call on Tuesday");
        test(view.addEntry).click();

        var stored = leads.findByReference(lead.getReference()).orElseThrow();
        assertThat(stored.getStatus()).isEqualTo(LeadStatus.CONTACTED);
        assertThat(stored.getFirstResponseAt()).isNotNull();
        assertThat(view.statusBadge.getElement().getTextRecursively()).isEqualTo("Contacted");
        assertThat(view.entryText.getValue())
                .as("the composer is ready for the next entry")
                .isEmpty();
        assertThat(timelineText(view))
                .contains(
                        "Call: Called; wants a call on Tuesday",
                        "Status New → Contacted",
                        "Ana Souza",
                        "First response after");
        assertThat(view.moveAlong.getLabel()).isEqualTo("and move to Qualified");
        assertThat(view.moveAlong.getValue())
                .as("not checked once the lead is contacted")
                .isFalse();
    }

    @Test
    @WithUserDetails("ana")
    void anEmptyEntryIsRefusedAtTheFieldAndChangesNothing() {
        var lead = DemoLeads.of(leads, staff, "ana", LeadStatus.NEW).getFirst();
        var view = navigate("leads/" + lead.getReference(), LeadDetailView.class);
        int entries = work.timelineOf(lead.getReference()).size();

        test(view.addEntry).click();

        assertThat(view.entryText.isInvalid()).isTrue();
        assertThat(view.entryText.getErrorMessage()).isEqualTo("Say what happened on the call.");
        assertThat(work.timelineOf(lead.getReference())).hasSize(entries);
        assertThat(leads.findByReference(lead.getReference()).orElseThrow().getStatus())
                .isEqualTo(LeadStatus.NEW);
    }

    @Test
    @WithUserDetails("ana")
    void markingALeadLostAsksForAReasonFromTheListOrInTheRepsWords() {
        var lead = DemoLeads.of(leads, staff, "ana", LeadStatus.CONTACTED).getFirst();
        var view = navigate("leads/" + lead.getReference(), LeadDetailView.class);

        test(view.nextStatus).selectItem("Lost");
        assertThat(view.lostReason.isVisible()).isTrue();
        assertThat(view.lostReason.getListDataView().getItems())
                .startsWith("Budget", "Chose another vendor", "No response", "Timing")
                .endsWith("Other");
        test(view.saveStatus).click();
        assertThat(view.lostReason.isInvalid()).isTrue();
        assertThat(view.lostReason.getErrorMessage()).isEqualTo("Choose why the lead was lost.");
        assertThat(leads.findByReference(lead.getReference()).orElseThrow().getStatus())
                .isEqualTo(LeadStatus.CONTACTED);

        test(view.lostReason).selectItem("Other");
        assertThat(view.lostReasonOther.isVisible()).isTrue();
        test(view.saveStatus).click();
        assertThat(view.lostReasonOther.isInvalid()).isTrue();
        assertThat(leads.findByReference(lead.getReference()).orElseThrow().getStatus())
                .isEqualTo(LeadStatus.CONTACTED);

        test(view.lostReasonOther).setValue("Hired in-house");
        test(view.saveStatus).click();
        var lost = leads.findByReference(lead.getReference()).orElseThrow();
        assertThat(lost.getStatus()).isEqualTo(LeadStatus.LOST);
        assertThat(lost.getLostReason()).isEqualTo("Hired in-house");
        assertThat(lost.getLostReasonLabel()).isEqualTo("Other");
        assertThat(view.fields.getElement().getTextRecursively()).contains("Other: Hired in-house");
    }

    @Test
    @WithUserDetails("maria")
    void aLeadMovesBackOneStepAndTheTimelineSaysSo() {
        var lead = DemoLeads.of(leads, staff, "gus", LeadStatus.PROPOSAL).getLast();
        var view = navigate("leads/" + lead.getReference(), LeadDetailView.class);

        assertThat(view.nextStatus.getListDataView().getItems())
                .containsExactly(LeadStatus.WON, LeadStatus.LOST, LeadStatus.QUALIFIED);
        assertThat(view.nextStatus.getItemLabelGenerator().apply(LeadStatus.QUALIFIED))
                .isEqualTo("Qualified (one step back)");
        test(view.nextStatus).selectItem("Qualified (one step back)");
        test(view.saveStatus).click();

        assertThat(leads.findByReference(lead.getReference()).orElseThrow().getStatus())
                .isEqualTo(LeadStatus.QUALIFIED);
        assertThat(timelineText(view)).contains("Status Proposal → Qualified (one step back)");
    }

    /** The leads of "status=NEW" as ana sees them, newest first: computed here, not by the app's SQL. */
    private List<Lead> anasNewList() {
        long ana = DemoLeads.staffId(staff, "ana");
        return leads.findAll().stream()
                .filter(l -> l.getStatus() == LeadStatus.NEW && !l.isSuspectedSpam())
                .filter(l -> l.getAssigneeId() == null || l.getAssigneeId() == ana)
                .sorted(Comparator.comparing(Lead::getCreatedAt).reversed().thenComparing(Lead::getId))
                .toList();
    }

    private LeadDetailView open(String reference, QueryParameters list) {
        UI.getCurrent().navigate("leads/" + reference, list);
        return (LeadDetailView) getCurrentView();
    }

    private static String shown(LeadDetailView view) {
        return view.getPageTitle().substring(view.getPageTitle().lastIndexOf(' ') + 1);
    }

    @Test
    @WithUserDetails("ana")
    void previousAndNextWalkTheFilteredListTheLeadCameFromAndBackReturnsToIt() {
        var list = anasNewList();
        assertThat(list).hasSizeGreaterThanOrEqualTo(3);
        var filter = QueryParameters.simple(Map.of("status", "NEW"));
        var view = open(list.get(1).getReference(), filter);

        var backTo = QueryParameters.fromString(view.back.getHref().substring("leads?".length()));
        assertThat(view.back.getHref()).startsWith("leads?");
        assertThat(backTo.getParameters())
                .isEqualTo(Map.of(
                        "status", List.of("NEW"), "at", List.of(list.get(1).getReference())));
        assertThat(view.back.getText()).isEqualTo("← Back to the list (filtered)");
        test(view.next).click();
        var second = (LeadDetailView) getCurrentView();
        assertThat(shown(second)).isEqualTo(list.get(2).getReference());
        assertThat(UI.getCurrent().getActiveViewLocation().getQueryParameters().getQueryString())
                .isEqualTo("status=NEW");

        // the single keys do the same: k goes back twice, to the first lead, where Previous ends
        assertThat(second.shortcuts.press("k")).isTrue();
        ((LeadDetailView) getCurrentView()).shortcuts.press("p");
        var first = (LeadDetailView) getCurrentView();
        assertThat(shown(first)).isEqualTo(list.getFirst().getReference());
        assertThat(first.previous.isEnabled()).isFalse();
        assertThat(first.next.isEnabled()).isTrue();

        first.shortcuts.press("u");
        assertThat(getCurrentView()).isInstanceOf(LeadsView.class);
        var location = UI.getCurrent().getActiveViewLocation();
        assertThat(location.getPath()).isEqualTo("leads");
        assertThat(location.getQueryParameters().getParameters())
                .isEqualTo(Map.of(
                        "status", List.of("NEW"), "at", List.of(list.getFirst().getReference())));
    }

    @Test
    @WithUserDetails("ana")
    void shortcutsStartTheComposerAndTheHelpListsThem() {
        var lead = DemoLeads.of(leads, staff, "ana", LeadStatus.NEW).getFirst();
        var view = navigate("leads/" + lead.getReference(), LeadDetailView.class);

        view.shortcuts.press("w");
        assertThat(view.entryType.getValue()).isEqualTo(LeadDetailView.Entry.NOTE);
        assertThat(view.moveAlong.getValue())
                .as("a note does not move the lead by default")
                .isFalse();
        assertThat(view.addEntry.getText()).isEqualTo("Add note");
        view.shortcuts.press("e");
        assertThat(view.entryType.getValue()).isEqualTo(LeadDetailView.Entry.EMAIL);
        assertThat(view.moveAlong.getValue()).isTrue();
        assertThat(view.addEntry.getText()).isEqualTo("Log email");

        view.shortcuts.press("?");
        var help = find(com.vaadin.flow.component.dialog.Dialog.class).single();
        assertThat(help.isOpened()).isTrue();
        assertThat(help.getElement().getTextRecursively())
                .contains("Next lead in the list", "Log a call", "Change the status", "Shift+Enter", "Ctrl+Enter");
    }

    @Test
    @WithUserDetails("maria")
    void thePhoneAndEmailAreLinksAndUsingOneOffersToLogTheContact() {
        var lead = leads.findAll().stream()
                .filter(l -> l.getStatus() == LeadStatus.NEW && !l.isSuspectedSpam())
                .filter(l -> l.getPhone() != null && l.getFirstResponseAt() == null)
                .max(Comparator.comparing(Lead::getReference))
                .orElseThrow();
        var view = navigate("leads/" + lead.getReference(), LeadDetailView.class);
        var links = find(Anchor.class).from(view.fields).all();
        var mail = links.stream()
                .filter(a -> a.getHref().startsWith("mailto:"))
                .findFirst()
                .orElseThrow();
        var call = links.stream()
                .filter(a -> a.getHref().startsWith("tel:"))
                .findFirst()
                .orElseThrow();
        assertThat(mail.getHref())
                .isEqualTo("mailto:" + lead.getEmail() + "?subject=Your%20enquiry%20" + lead.getReference());
        assertThat(call.getHref()).isEqualTo("tel:" + lead.getPhone().replaceAll("[^+0-9]", ""));

        click(call);
        assertThat(view.contactPrompt.isVisible()).isTrue();
        assertThat(view.contactPromptText.getText()).isEqualTo("Did you call " + lead.getPhone() + "? ");
        test(view.logPromptedContact).click();

        var stored = leads.findByReference(lead.getReference()).orElseThrow();
        assertThat(stored.getFirstResponseAt())
                .as("a logged call is the first response")
                .isNotNull();
        assertThat(timelineText(view)).contains("Call: Called " + lead.getPhone());
        assertThat(view.contactPrompt.isVisible()).isFalse();
    }

    /** What the browser sends when the link is clicked (the mail or phone app opens on its own). */
    private static void click(Anchor link) {
        link.getElement()
                .getNode()
                .getFeature(ElementListenerMap.class)
                .fireEvent(new DomEvent(link.getElement(), "click", JacksonUtils.createObjectNode()));
    }

    @Test
    @WithUserDetails("ana")
    void aSaveAfterSomeoneElseChangedTheLeadIsRefusedWithAReloadPrompt() {
        var lead = DemoLeads.of(leads, staff, "ana", LeadStatus.QUALIFIED).getFirst();
        var view = navigate("leads/" + lead.getReference(), LeadDetailView.class);

        var ana = SignIn.current(app);
        SignIn.as(app, "maria");
        work.changeContact(lead.getReference(), lead.getVersion(), "+1 555 0100", lead.getCompany());
        SignIn.use(app, ana);

        test(view.nextStatus).selectItem("Proposal");
        test(view.saveStatus).click();

        assertThat(view.conflict.isVisible()).isTrue();
        assertThat(view.conflictMessage.getText()).contains("changed by maria meanwhile", "reload");
        assertThat(leads.findByReference(lead.getReference()).orElseThrow().getStatus())
                .isEqualTo(LeadStatus.QUALIFIED);

        test(view.reload).click();
        assertThat(view.conflict.isVisible()).isFalse();
        assertThat(timelineText(view)).contains("Phone changed", "+1 555 0100");
    }

    @Test
    @WithUserDetails("ana")
    void workOnThisLeadComesFirstInThePageOrder() {
        var lead = DemoLeads.of(leads, staff, "ana", LeadStatus.NEW).getFirst();
        var view = navigate("leads/" + lead.getReference(), LeadDetailView.class);

        var body = view.getChildren()
                .filter(c -> c.getElement().getClassList().contains("sd-detail"))
                .findFirst()
                .orElseThrow();
        var first = body.getChildren().findFirst().orElseThrow();
        assertThat(first.getElement().getClassList()).contains("sd-lead-work");
        assertThat(first.getElement().getTextRecursively()).startsWith("Work on this lead");
    }

    @Test
    @WithUserDetails("ana")
    void whatTheRepTypedSurvivesTheReloadAfterAConflict() {
        var lead = DemoLeads.of(leads, staff, "ana", LeadStatus.QUALIFIED).get(1);
        var view = navigate("leads/" + lead.getReference(), LeadDetailView.class);

        var ana = SignIn.current(app);
        SignIn.as(app, "maria");
        work.changeContact(lead.getReference(), lead.getVersion(), "+1 555 0199", lead.getCompany());
        SignIn.use(app, ana);

        test(view.entryType).selectItem("Meeting");
        test(view.entryText).setValue("Called, spoke to the CTO");
        test(view.nextStatus).selectItem("Lost");
        test(view.lostReason).selectItem("Other");
        test(view.lostReasonOther).setValue("Budget frozen until March");
        test(view.addEntry).click();
        assertThat(view.conflict.isVisible()).isTrue();

        test(view.reload).click();

        assertThat(view.conflict.isVisible()).isFalse();
        assertThat(view.entryType.getValue()).isEqualTo(LeadDetailView.Entry.MEETING);
        assertThat(view.entryText.getValue()).isEqualTo("Called, spoke to the CTO");
        assertThat(view.nextStatus.getValue()).isEqualTo(LeadStatus.LOST);
        assertThat(view.lostReason.getValue()).isEqualTo("Other");
        assertThat(view.lostReasonOther.getValue()).isEqualTo("Budget frozen until March");
        assertThat(view.phone.getValue()).as("the phone the other change saved").isEqualTo("+1 555 0199");

        test(view.addEntry).click();
        assertThat(view.conflict.isVisible()).isFalse();
        assertThat(timelineText(view)).contains("Meeting: Called, spoke to the CTO");
    }

    @Test
    @WithUserDetails("ana")
    void aSalesRepCannotOpenAnotherRepsLead() {
        var bens = DemoLeads.of(leads, staff, "ben", LeadStatus.CONTACTED).getFirst();

        var page = navigate("leads/" + bens.getReference(), NotFoundView.class);

        // looks the same as a lead that does not exist, inside the workspace, with a way back
        assertThat(find(H1.class).from(page).single().getText()).isEqualTo("Lead not found");
        assertThat(page.getElement().getTextRecursively())
                .contains("There is no lead " + bens.getReference())
                .contains("All leads", "My leads");
        assertThat(page.getParent().orElseThrow()).isInstanceOf(com.stackdesk.base.ui.MainLayout.class);
    }

    @Test
    @WithUserDetails("ana")
    void aLeadThatDoesNotExistAndAnUnknownAddressShowANotFoundPageWithAWayBack() {
        var lead = navigate("leads/SD-NOPE99", NotFoundView.class);
        assertThat(find(H1.class).from(lead).single().getText()).isEqualTo("Lead not found");
        assertThat(lead.getElement().getTextRecursively()).contains("There is no lead SD-NOPE99");

        var page = navigate("workspace/nowhere", NotFoundView.class);
        assertThat(find(H1.class).from(page).single().getText()).isEqualTo("Page not found");
        assertThat(find(Anchor.class).from(page).all())
                .extracting(Anchor::getHref)
                .containsExactly("dashboard", "leads");
    }

    @Test
    @WithUserDetails("ana")
    void aSalesRepTakesAnUnassignedLead() {
        var unassigned = leads.findAll().stream()
                .filter(l -> l.getAssigneeId() == null && !l.isSuspectedSpam())
                .findFirst()
                .orElseThrow();
        var view = navigate("leads/" + unassigned.getReference(), LeadDetailView.class);

        test(view.take).click();

        assertThat(leads.findByReference(unassigned.getReference())
                        .orElseThrow()
                        .getAssigneeId())
                .isEqualTo(DemoLeads.staffId(staff, "ana"));
        assertThat(timelineText(view)).contains("Assigned to Ana Souza");
    }

    @Test
    @WithUserDetails("maria")
    void aManagerReassignsALead() {
        var lead = DemoLeads.of(leads, staff, "chloe", LeadStatus.NEW).getFirst();
        var view = navigate("leads/" + lead.getReference(), LeadDetailView.class);

        test(view.reassignTo).selectItem("Dev Patel");
        test(view.reassign).click();

        assertThat(leads.findByReference(lead.getReference()).orElseThrow().getAssigneeId())
                .isEqualTo(DemoLeads.staffId(staff, "dev"));
        assertThat(timelineText(view)).contains("Assigned to Dev Patel");
    }
}

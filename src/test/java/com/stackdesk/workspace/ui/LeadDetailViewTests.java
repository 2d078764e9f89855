package com.stackdesk.workspace.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.stackdesk.DemoData;
import com.stackdesk.DemoLeads;
import com.stackdesk.IntegrationTest;
import com.stackdesk.SignIn;
import com.stackdesk.base.ui.NotFoundView;
import com.stackdesk.lead.LeadStatus;
import com.stackdesk.lead.LeadWork;
import com.stackdesk.lead.internal.Leads;
import com.stackdesk.staff.internal.StaffMembers;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.ListItem;
import java.util.Locale;
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
    void movingALeadToContactedWithANoteShowsBothOnTheTimeline() {
        var lead = DemoLeads.of(leads, staff, "ana", LeadStatus.NEW).get(1);
        var view = navigate("leads/" + lead.getReference(), LeadDetailView.class);

        assertThat(view.nextStatus.getListDataView().getItems()).containsExactly(LeadStatus.CONTACTED, LeadStatus.LOST);
        test(view.nextStatus).selectItem("Contacted");
        test(view.statusNote).setValue("Called; wants a call on Tuesday");
        test(view.saveStatus).click();

        var stored = leads.findByReference(lead.getReference()).orElseThrow();
        assertThat(stored.getStatus()).isEqualTo(LeadStatus.CONTACTED);
        assertThat(stored.getFirstResponseAt()).isNotNull();
        assertThat(view.statusBadge.getElement().getTextRecursively()).isEqualTo("Contacted");
        assertThat(timelineText(view))
                .contains(
                        "Status New → Contacted",
                        "Called; wants a call on Tuesday",
                        "Ana Souza",
                        "First response after");
    }

    @Test
    @WithUserDetails("ana")
    void markingALeadLostAsksForTheReason() {
        var lead = DemoLeads.of(leads, staff, "ana", LeadStatus.CONTACTED).getFirst();
        var view = navigate("leads/" + lead.getReference(), LeadDetailView.class);

        test(view.nextStatus).selectItem("Lost");
        assertThat(view.lostReason.isVisible()).isTrue();
        test(view.saveStatus).click();
        assertThat(leads.findByReference(lead.getReference()).orElseThrow().getStatus())
                .isEqualTo(LeadStatus.CONTACTED);

        test(view.lostReason).setValue("Hired in-house");
        test(view.saveStatus).click();
        assertThat(leads.findByReference(lead.getReference()).orElseThrow().getLostReason())
                .isEqualTo("Hired in-house");
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

        test(view.note).setValue("Wants a quote for the Go migration by Friday");
        test(view.statusNote).setValue("Budget confirmed on the call");
        test(view.contactSummary).setValue("Called, spoke to the CTO");
        test(view.logContact).click();
        assertThat(view.conflict.isVisible()).isTrue();

        test(view.reload).click();

        assertThat(view.conflict.isVisible()).isFalse();
        assertThat(view.contactSummary.getValue()).isEqualTo("Called, spoke to the CTO");
        assertThat(view.note.getValue()).isEqualTo("Wants a quote for the Go migration by Friday");
        assertThat(view.statusNote.getValue()).isEqualTo("Budget confirmed on the call");
        assertThat(view.phone.getValue()).as("the phone the other change saved").isEqualTo("+1 555 0199");

        test(view.logContact).click();
        assertThat(view.conflict.isVisible()).isFalse();
        assertThat(timelineText(view)).contains("Called, spoke to the CTO");
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

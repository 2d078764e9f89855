package com.stackdesk.routing;

import static com.stackdesk.routing.RoutingFixtures.lead;
import static com.stackdesk.routing.RoutingFixtures.staff;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.stackdesk.AwaitRouting;
import com.stackdesk.IntegrationTest;
import com.stackdesk.lead.ActivityType;
import com.stackdesk.lead.Lead;
import com.stackdesk.lead.LeadActivity;
import com.stackdesk.lead.LeadKind;
import com.stackdesk.lead.LeadRegistration;
import com.stackdesk.lead.LeadTimeline;
import com.stackdesk.lead.StackLeaning;
import com.stackdesk.lead.TestAssignments;
import com.stackdesk.lead.internal.Leads;
import com.stackdesk.notification.OutboxDispatcher;
import com.stackdesk.staff.Role;
import com.stackdesk.staff.StaffMember;
import com.stackdesk.staff.TestStaff;
import com.stackdesk.staff.internal.StaffMembers;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.TestExecutionEvent;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/** Every routing rule, on the real flow: a lead registered as intake does is routed in its transaction. */
@IntegrationTest
@TestPropertySource(properties = {"stackdesk.mail.dispatcher.enabled=false", "stackdesk.routing.strategy=least-loaded"})
class RoutingLeadsIntegrationTests {

    @Autowired
    OutboxDispatcher dispatcher;

    @Autowired
    LeadRegistration registration;

    @Autowired
    Leads leads;

    @Autowired
    LeadTimeline timeline;

    @Autowired
    StaffMembers staffMembers;

    @Autowired
    LeadRouter router;

    @Autowired
    com.stackdesk.lead.LeadWork work;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate tx;

    StaffMember ana;
    StaffMember ben;
    StaffMember chloe;
    StaffMember gus;
    StaffMember maria;

    @BeforeEach
    void team() {
        RoutingFixtures.clean(jdbc);
        ana = staff(staffMembers, "ana", "Ana Souza", Role.SALES, false, StackLeaning.GO, StackLeaning.JAVA);
        ben = staff(staffMembers, "ben", "Ben Okafor", Role.SALES, false, StackLeaning.GO, StackLeaning.NODE_JS);
        chloe = staff(staffMembers, "chloe", "Chloé Martin", Role.SALES, false, StackLeaning.PYTHON);
        gus = staff(staffMembers, "gus", "Gus Lindqvist", Role.SALES, true);
        maria = staff(staffMembers, "maria", "María García", Role.MANAGER, false);
    }

    @Test
    void routesGoLeadToRepWithGoSkillAndSaysWhy() {
        var lead = submit(lead(StackLeaning.GO, "lee@example.com"));

        assertThat(lead.getAssigneeId()).isIn(ana.getId(), ben.getId());
        assertThat(lead.getRoutingReason())
                .startsWith("Go skill: Ana Souza, Ben Okafor; ")
                .contains("has 0 open leads")
                .endsWith("→ " + nameOf(lead.getAssigneeId()));
        assertThat(entries(lead, ActivityType.ROUTED))
                .singleElement()
                .extracting(LeadActivity::getText)
                .isEqualTo(lead.getRoutingReason());
        assertThat(emailKinds(lead)).containsExactlyInAnyOrder("VISITOR_CONFIRMATION", "REP_ALERT");
    }

    @Test
    void leastLoadedPicksTheRepWithFewestOpenLeads() {
        var first = submit(lead(StackLeaning.GO, "one@example.com"));
        var second = submit(lead(StackLeaning.GO, "two@example.com"));
        var third = submit(lead(StackLeaning.GO, "three@example.com"));

        assertThat(second.getAssigneeId()).isNotEqualTo(first.getAssigneeId());
        // both have one open lead: the tie goes to whoever was assigned least recently
        assertThat(third.getAssigneeId()).isEqualTo(first.getAssigneeId());
        assertThat(second.getRoutingReason())
                .contains(
                        nameOf(second.getAssigneeId()) + " has 0 open leads, " + nameOf(first.getAssigneeId()) + " 1");
    }

    @Test
    void skipsRepOutOfOffice() {
        RoutingFixtures.outOfOfficeToday(jdbc, ben.getId());

        var lead = submit(lead(StackLeaning.GO, "lee@example.com"));

        assertThat(lead.getAssigneeId()).isEqualTo(ana.getId());
        assertThat(lead.getRoutingReason())
                .isEqualTo("Go skill: Ana Souza, Ben Okafor; Ben Okafor out of office → Ana Souza");
    }

    @Test
    void anAbsenceThatIsOverOrNotYetStartedDoesNotCount() {
        var today = java.time.LocalDate.now(java.time.ZoneOffset.UTC);
        RoutingFixtures.outOfOffice(jdbc, ana.getId(), today.minusDays(3), today.minusDays(1));
        RoutingFixtures.outOfOffice(jdbc, ben.getId(), today.plusDays(1), today.plusDays(3));

        var lead = submit(lead(StackLeaning.GO, "lee@example.com"));

        assertThat(lead.getRoutingReason()).doesNotContain("out of office");
    }

    @Test
    void skipsRepAtCapacity() {
        ana = TestStaff.capacity(staffMembers, ana, 1);
        var first = submit(lead(StackLeaning.JAVA, "java@example.com"));
        assertThat(first.getAssigneeId()).isEqualTo(ana.getId());

        var lead = submit(lead(StackLeaning.GO, "lee@example.com"));

        assertThat(lead.getAssigneeId()).isEqualTo(ben.getId());
        assertThat(lead.getRoutingReason())
                .contains("Ana Souza at capacity (1 open lead)")
                .endsWith("→ Ben Okafor");
    }

    @Test
    void suspectedSpamHandedToARepDoesNotCountAsTheirOpenLead() {
        ana = TestStaff.capacity(staffMembers, ana, 1);
        var spam = registration.register(
                lead(LeadKind.DEVELOPMENT_PLAN, "Bot", "Bot", StackLeaning.JAVA, "bot@example.com", null, "honeypot"));
        tx.executeWithoutResult(
                status -> TestAssignments.assign(leads.findById(spam.getId()).orElseThrow(), ana.getId(), "by hand"));

        var lead = submit(lead(StackLeaning.JAVA, "java@example.com"));

        assertThat(lead.getAssigneeId()).isEqualTo(ana.getId());
        assertThat(lead.getRoutingReason()).doesNotContain("at capacity");
    }

    @Test
    void returningVisitorGoesBackToTheSameOwnerAndBothLeadsAreLinked() {
        var first = submit(lead(StackLeaning.GO, "Lee@Example.com"));
        var owner = first.getAssigneeId();

        var again = submit(lead(StackLeaning.PYTHON, "lee@example.com"));

        assertThat(again.getAssigneeId()).isEqualTo(owner);
        assertThat(again.getRoutingReason())
                .isEqualTo("Returning visitor: earlier lead " + first.getReference() + " is with " + nameOf(owner)
                        + " → " + nameOf(owner));
        assertThat(entries(again, ActivityType.LINKED))
                .singleElement()
                .extracting(LeadActivity::getText)
                .asString()
                .contains(first.getReference());
        assertThat(entries(first, ActivityType.LINKED))
                .singleElement()
                .extracting(LeadActivity::getText)
                .asString()
                .contains(again.getReference());
    }

    @Test
    void returningVisitorWhoseOwnerLeftIsRoutedAfresh() {
        var first = submit(lead(StackLeaning.PYTHON, "lee@example.com"));
        assertThat(first.getAssigneeId()).isEqualTo(chloe.getId());
        chloe = TestStaff.deactivate(staffMembers, chloe);

        var again = submit(lead(StackLeaning.PYTHON, "lee@example.com"));

        assertThat(again.getAssigneeId()).isEqualTo(gus.getId());
        assertThat(again.getRoutingReason())
                .startsWith(
                        "Returning visitor: earlier lead " + first.getReference()
                                + " is with Chloé Martin, no longer active; no one has the Python skill; generalists: Gus Lindqvist");
    }

    @Test
    void notSureYetGoesToGeneralists() {
        var lead = submit(lead(StackLeaning.NOT_SURE, "lee@example.com"));

        assertThat(lead.getAssigneeId()).isEqualTo(gus.getId());
        assertThat(lead.getRoutingReason())
                .isEqualTo("Not sure yet: no skill to match; generalists: Gus Lindqvist → Gus Lindqvist");
    }

    @Test
    void somethingElseGoesToGeneralists() {
        var lead = submit(lead(StackLeaning.OTHER, "lee@example.com"));

        assertThat(lead.getAssigneeId()).isEqualTo(gus.getId());
    }

    @Test
    void aStackNobodyKnowsGoesToGeneralists() {
        var lead = submit(lead(StackLeaning.RUBY, "lee@example.com"));

        assertThat(lead.getAssigneeId()).isEqualTo(gus.getId());
        assertThat(lead.getRoutingReason()).startsWith("no one has the Ruby skill; generalists: Gus Lindqvist");
    }

    @Test
    void withoutGeneralistsEveryoneInSalesIsACandidate() {
        gus = TestStaff.deactivate(staffMembers, gus);

        var lead = submit(lead(StackLeaning.RUBY, "lee@example.com"));

        assertThat(lead.getAssigneeId()).isIn(ana.getId(), ben.getId(), chloe.getId());
        assertThat(lead.getRoutingReason()).contains("no generalists; everyone in sales: ");
    }

    @Test
    void whenAllSpecialistsAreAwayGeneralistsStepIn() {
        RoutingFixtures.outOfOfficeToday(jdbc, ana.getId());
        RoutingFixtures.outOfOfficeToday(jdbc, ben.getId());

        var lead = submit(lead(StackLeaning.GO, "lee@example.com"));

        assertThat(lead.getAssigneeId()).isEqualTo(gus.getId());
        assertThat(lead.getRoutingReason())
                .isEqualTo("Go skill: Ana Souza, Ben Okafor; Ana Souza out of office; Ben Okafor out of office;"
                        + " nobody available; generalists: Gus Lindqvist → Gus Lindqvist");
    }

    @Test
    void nobodyAvailableLeavesTheLeadUnassignedAndAlertsManagers() {
        for (var member : List.of(ana, ben, chloe, gus)) {
            RoutingFixtures.outOfOfficeToday(jdbc, member.getId());
        }

        var lead = submit(lead(StackLeaning.GO, "lee@example.com"));

        assertThat(lead.getAssigneeId()).isNull();
        assertThat(lead.getRoutingReason()).endsWith("→ nobody available, queued for managers");
        assertThat(emailKinds(lead)).containsExactlyInAnyOrder("VISITOR_CONFIRMATION", "MANAGER_ALERT");
        assertThat(jdbc.queryForObject(
                        "select recipient from outbound_email where kind = 'MANAGER_ALERT' and lead_id = ?",
                        String.class,
                        lead.getId()))
                .isEqualTo("maria@northwind.example");
    }

    @Test
    void suspectedSpamIsNeitherRoutedNorEmailed() {
        var lead =
                submit(lead(LeadKind.CONSULTATION, "Bot", "Bot", StackLeaning.GO, "bot@example.com", null, "honeypot"));

        assertThat(lead.getAssigneeId()).isNull();
        assertThat(emailKinds(lead)).isEmpty();
        assertThat(entries(lead, ActivityType.ROUTED))
                .singleElement()
                .extracting(LeadActivity::getText)
                .isEqualTo("Not routed: suspected spam");
    }

    @Test
    @WithUserDetails(value = "maria", setupBefore = TestExecutionEvent.TEST_EXECUTION)
    void aManagersReassignmentSendsTheNewOwnerExactlyOneAlert() {
        var lead = submit(lead(StackLeaning.GO, "lee@example.com"));
        var newOwner = lead.getAssigneeId().equals(ana.getId()) ? ben : ana;

        work.reassign(lead.getReference(), lead.getVersion(), newOwner.getId());
        var again = leads.findById(lead.getId()).orElseThrow();
        work.reassign(again.getReference(), again.getVersion(), newOwner.getId()); // no change, no alert

        assertThat(leads.findById(lead.getId()).orElseThrow().getAssigneeId()).isEqualTo(newOwner.getId());
        // rendered by the dispatcher when it sends the alert
        await().untilAsserted(() -> {
            dispatcher.dispatchDue();
            var alerts = jdbc.queryForList(
                    "select subject from outbound_email where kind = 'REP_ALERT' and recipient = ?",
                    String.class,
                    newOwner.getEmail());
            assertThat(alerts)
                    .containsExactly(
                            "Lead " + lead.getReference() + " reassigned to you: Lee Visitor (Go development plan)");
        });
        assertThat(jdbc.queryForObject(
                        "select count(*) from outbound_email where lead_id = ?", Integer.class, lead.getId()))
                .isEqualTo(3); // confirmation, first owner's alert, new owner's alert
    }

    @Test
    @WithMockUser(username = "maria", roles = "MANAGER")
    void previewShowsWhoWouldGetALeadWithoutTakingATurn() {
        var decision = router.preview(StackLeaning.PYTHON);

        assertThat(decision.staffId()).isEqualTo(chloe.getId());
        assertThat(decision.reason()).isEqualTo("Python skill: Chloé Martin → Chloé Martin");
        assertThat(jdbc.queryForObject("select count(*) from routing_turn", Integer.class))
                .isZero();
        assertThat(jdbc.queryForObject("select next_turn from routing_rotation", Long.class))
                .isEqualTo(1L);
    }

    private Lead submit(com.stackdesk.lead.NewLead request) {
        return AwaitRouting.routed(leads, registration.register(request).getId());
    }

    private List<LeadActivity> entries(Lead lead, ActivityType type) {
        return timeline.of(lead.getId()).stream()
                .filter(a -> a.getType() == type)
                .toList();
    }

    private List<String> emailKinds(Lead lead) {
        return jdbc.queryForList("select kind from outbound_email where lead_id = ?", String.class, lead.getId());
    }

    private String nameOf(Long staffId) {
        return staffMembers.findById(staffId).orElseThrow().getFullName();
    }
}

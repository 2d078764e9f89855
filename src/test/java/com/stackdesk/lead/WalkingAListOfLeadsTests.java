package com.stackdesk.lead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.stackdesk.IntegrationTest;
import com.stackdesk.SignIn;
import com.stackdesk.lead.internal.Leads;
import com.stackdesk.staff.StaffMember;
import com.stackdesk.staff.TestStaff;
import com.stackdesk.staff.internal.StaffMembers;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/**
 * Triage from a list: Previous and Next walk exactly the grid's list (filter, order, what the
 * caller may see, ties, leads that left the filter meanwhile), a lead moves one step back, a call
 * is logged and moves the lead on in one step, and lost leads are counted per reason from a list
 * managers edit. The expected orders are written out here from the leads' known values.
 */
@IntegrationTest
class WalkingAListOfLeadsTests {

    @Autowired
    org.springframework.context.ApplicationContext app;

    @Autowired
    LeadSearch search;

    @Autowired
    LeadWork work;

    @Autowired
    LostReasons lostReasons;

    @Autowired
    LeadRegistration registration;

    @Autowired
    Leads leads;

    @Autowired
    StaffMembers staff;

    StaffMember ana;
    StaffMember ben;
    StaffMember maria;
    LeadFilter walk;
    Lead l1;
    Lead l2;
    Lead l3;
    Lead l4;
    Lead l5;
    Lead l7;

    @BeforeEach
    void setUp() {
        var team = TestStaff.team(staff, "x");
        ana = team.ana();
        ben = team.ben();
        maria = team.maria();
        var source = "walk-" + TestStaff.suffix();
        walk = LeadFilter.builder().source(source).build();
        var base = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofDays(1));
        l1 = lead(source, "Beta", ana, base.plus(Duration.ofHours(1)), null);
        l2 = lead(source, null, null, base.plus(Duration.ofHours(2)), null);
        l3 = lead(source, "alpha", ana, base.plus(Duration.ofHours(3)), null);
        // the same moment as l3, stored after it: a tie the order breaks by id, as the indexes hold them
        l4 = lead(source, "Gamma", ana, base.plus(Duration.ofHours(3)), null);
        l5 = lead(source, "Epsilon", ben, base.plus(Duration.ofHours(4)), null);
        lead(source, "Spam", ana, base.plus(Duration.ofHours(5)), "honeypot");
        l7 = lead(source, "Delta", ana, base.plus(Duration.ofHours(6)), null);
    }

    private Lead lead(
            String source,
            @Nullable String company,
            @Nullable StaffMember owner,
            Instant created,
            @Nullable String spam) {
        var stored = TestLeads.store(
                registration,
                TestLeads.lead()
                        .company(company)
                        .utmSource(source)
                        .spamReason(spam)
                        .build(),
                created);
        if (owner != null) {
            stored.assign(owner.getId(), "test");
            stored = leads.save(stored);
        }
        return stored;
    }

    @AfterEach
    void signOut() {
        SignIn.out(app);
    }

    /** Every lead from the first by Next, then from the last by Previous (reversed). */
    private List<String> walkForward(LeadFilter filter, List<LeadOrder> orders, Lead from) {
        var seen = new ArrayList<String>();
        String at = from.getReference();
        while (at != null) {
            seen.add(at);
            at = search.neighbours(filter, orders, at).next();
        }
        return seen;
    }

    private List<String> walkBackward(LeadFilter filter, List<LeadOrder> orders, Lead from) {
        var seen = new ArrayList<String>();
        String at = from.getReference();
        while (at != null) {
            seen.addFirst(at);
            at = search.neighbours(filter, orders, at).previous();
        }
        return seen;
    }

    private static List<String> refs(Lead... in) {
        return java.util.Arrays.stream(in).map(Lead::getReference).toList();
    }

    @Test
    void nextAndPreviousWalkTheRepsListNewestFirstWithTiesInStoredOrderAndNothingHidden() {
        SignIn.as(app, ana.getUsername());
        // ben's lead and the suspected spam are not in ana's list
        var expected = refs(l7, l3, l4, l2, l1);

        assertThat(walkForward(walk, List.of(), l7)).isEqualTo(expected);
        assertThat(walkBackward(walk, List.of(), l1)).isEqualTo(expected);
        assertThat(search.position(walk, List.of(), l2.getReference())).isEqualTo(3);
        // the grid shows the same list in the same order
        assertThat(search.page(walk, List.of(), 0, 50))
                .extracting(LeadRow::reference)
                .containsExactlyElementsOf(expected);
    }

    @Test
    void aManagersListHasEveryonesLeads() {
        SignIn.as(app, maria.getUsername());

        assertThat(walkForward(walk, List.of(), l7)).isEqualTo(refs(l7, l5, l3, l4, l2, l1));
    }

    @Test
    void byCompanyTheLeadWithoutOneComesFirstAscendingAndLastDescending() {
        SignIn.as(app, ana.getUsername());
        var ascending = List.of(new LeadOrder(LeadOrder.Field.COMPANY, true));
        var descending = List.of(new LeadOrder(LeadOrder.Field.COMPANY, false));

        assertThat(walkForward(walk, ascending, l2)).isEqualTo(refs(l2, l3, l1, l7, l4));
        assertThat(walkBackward(walk, ascending, l4)).isEqualTo(refs(l2, l3, l1, l7, l4));
        assertThat(walkForward(walk, descending, l4)).isEqualTo(refs(l4, l7, l1, l3, l2));
        assertThat(search.position(walk, ascending, l7.getReference())).isEqualTo(3);
    }

    @Test
    void aLeadThatLeftTheFilterKeepsItsPlaceBetweenItsNeighbours() {
        SignIn.as(app, ana.getUsername());
        var newOnes = walk.toBuilder().status(LeadStatus.NEW).build();
        var contacted = work.logContact(
                l3.getReference(), l3.getVersion(), ContactKind.CALL, "Left a voicemail", LeadStatus.CONTACTED);
        assertThat(contacted.getStatus()).isEqualTo(LeadStatus.CONTACTED);
        assertThat(contacted.getFirstResponseAt()).isNotNull();

        var around = search.neighbours(newOnes, List.of(), l3.getReference());

        assertThat(around.previous()).isEqualTo(l7.getReference());
        assertThat(around.next()).isEqualTo(l4.getReference());
        assertThat(walkForward(newOnes, List.of(), l7)).isEqualTo(refs(l7, l4, l2, l1));
    }

    @Test
    void aLeadMovesOneStepBackButAContactedLeadDoesNotBecomeNewAgain() {
        SignIn.as(app, ana.getUsername());
        var lead = l1;
        for (var status : List.of(LeadStatus.CONTACTED, LeadStatus.QUALIFIED, LeadStatus.PROPOSAL)) {
            lead = work.changeStatus(lead.getReference(), lead.getVersion(), status, null, null);
        }

        var back = work.changeStatus(lead.getReference(), lead.getVersion(), LeadStatus.QUALIFIED, null, null);
        assertThat(back.getStatus()).isEqualTo(LeadStatus.QUALIFIED);
        assertThat(work.timelineOf(back.getReference()))
                .extracting(LeadActivity::getText)
                .contains("Status Proposal → Qualified (one step back)");

        var contacted = work.changeStatus(back.getReference(), back.getVersion(), LeadStatus.CONTACTED, null, null);
        assertThatThrownBy(() ->
                        work.changeStatus(contacted.getReference(), contacted.getVersion(), LeadStatus.NEW, null, null))
                .isInstanceOf(IllegalLeadChange.class);
        assertThatThrownBy(() -> work.logContact(
                        l7.getReference(), l7.getVersion(), ContactKind.CALL, "No answer", LeadStatus.LOST))
                .isInstanceOf(IllegalLeadChange.class);
    }

    @Test
    void lostLeadsAreCountedPerReasonFromTheListTheManagerEdits() {
        SignIn.as(app, ana.getUsername());
        assertThat(lostReasons.labels()).containsSubsequence("Budget", "Chose another vendor", "No response", "Timing");
        assertThatThrownBy(() -> lostReasons.add("Went in-house")).isInstanceOf(AccessDeniedException.class);

        SignIn.as(app, maria.getUsername());
        var label = "Went in-house " + TestStaff.suffix();
        lostReasons.add("  " + label + " ");
        var before = lostReasons.labels();
        assertThat(before.getLast()).isEqualTo(label);
        for (var refused : List.of("budget", "Other", "  ", "x".repeat(101), label.toUpperCase())) {
            assertThatThrownBy(() -> lostReasons.add(refused))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageNotContaining("Exception");
        }
        assertThat(lostReasons.labels()).as("a refused reason changes nothing").isEqualTo(before);
        Map<String, Long> counted = lostReasons.lostPerReason();

        var budget = lose(l1, "budget");
        var inHouse = lose(l7, label.toLowerCase());
        var other = lose(l4, "Hired a freelancer");

        assertThat(budget.getLostReasonLabel()).isEqualTo("Budget");
        assertThat(inHouse.getLostReasonLabel()).isEqualTo(label);
        assertThat(other.getLostReasonLabel()).isEqualTo(LostReasons.OTHER);
        assertThat(other.getLostReason()).isEqualTo("Hired a freelancer");
        assertThat(other.toExportRow().lostReasonLabel()).isEqualTo(LostReasons.OTHER);
        var now = lostReasons.lostPerReason();
        assertThat(now.get("Budget")).isEqualTo(counted.getOrDefault("Budget", 0L) + 1);
        assertThat(now.get(label)).isEqualTo(1L);
        assertThat(now.get(LostReasons.OTHER)).isEqualTo(counted.getOrDefault(LostReasons.OTHER, 0L) + 1);

        // off the list: no longer offered, but the lead lost under it is still counted under it
        lostReasons.remove(label);
        assertThat(lostReasons.labels()).doesNotContain(label);
        assertThat(lostReasons.lostPerReason().get(label)).isEqualTo(1L);
        assertThat(leads.findByReference(l7.getReference()).orElseThrow().getLostReasonLabel())
                .isEqualTo(label);

        lostReasons.move("Timing", true);
        var moved = lostReasons.labels();
        assertThat(moved.indexOf("Timing")).isEqualTo(moved.indexOf("No response") - 1);
        lostReasons.move("Timing", false);
        assertThat(lostReasons.labels()).isEqualTo(before.subList(0, before.size() - 1));
    }

    private Lead lose(Lead lead, String reason) {
        var current = leads.findById(lead.getId()).orElseThrow();
        return work.changeStatus(current.getReference(), current.getVersion(), LeadStatus.LOST, reason, null);
    }
}

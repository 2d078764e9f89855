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
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;

/**
 * Bulk changes from the grid: each lead changed as one change would (timeline, rules, who may),
 * a lead changed meanwhile reported while the others are applied, and "all matching" worked
 * through in batches.
 */
@IntegrationTest
class ChangingLeadsInBulkTests {

    @Autowired
    org.springframework.context.ApplicationContext app;

    @Autowired
    LeadBulkWork bulk;

    @Autowired
    LeadWork work;

    @Autowired
    LeadRegistration registration;

    @Autowired
    LeadTimeline timeline;

    @Autowired
    Leads leads;

    @Autowired
    StaffMembers staff;

    @Autowired
    JdbcTemplate jdbc;

    StaffMember ana;
    StaffMember ben;
    StaffMember maria;
    Lead anasLead;
    Lead bensLead;
    Lead unassigned;

    @BeforeEach
    void setUp() {
        var team = TestStaff.team(staff, "x");
        ana = team.ana();
        ben = team.ben();
        maria = team.maria();
        var created = Instant.now().minus(Duration.ofHours(3));
        anasLead = assigned(
                TestLeads.consultation("Zoë", "Brooks", "zoe@x.example", "Fjord", StackLeaning.GO), ana, created);
        bensLead = assigned(TestLeads.consultation("Li", "Lei", "li@x.example", null, StackLeaning.JAVA), ben, created);
        unassigned = TestLeads.store(
                registration,
                TestLeads.consultation("Sam", "Taylor", "sam@x.example", null, StackLeaning.PHP),
                created);
    }

    private Lead assigned(NewLead request, StaffMember member, Instant created) {
        var lead = TestLeads.store(registration, request, created);
        lead.assign(member.getId(), "test");
        return leads.save(lead);
    }

    @AfterEach
    void signOut() {
        SignIn.out(app);
    }

    private Lead reload(Lead lead) {
        return leads.findById(lead.getId()).orElseThrow();
    }

    private static BulkChange rows(Lead... chosen) {
        return new BulkChange.Rows(List.of(chosen).stream()
                .map(l -> new LeadVersion(l.getId(), l.getVersion()))
                .toList());
    }

    @Test
    void aRepMovesTheirOwnLeadsAndIsToldWhichOthersTheyMayNotChange() {
        SignIn.as(app, ana.getUsername());

        var result = bulk.changeStatus(
                rows(anasLead, bensLead, unassigned), LeadStatus.CONTACTED, null, BulkChange.Progress.NONE);

        assertThat(result.changed()).isEqualTo(1);
        assertThat(result.skipped())
                .extracting(BulkChange.Skipped::reference, BulkChange.Skipped::reason)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(bensLead.getReference(), "belongs to another rep"),
                        org.assertj.core.groups.Tuple.tuple(
                                unassigned.getReference(),
                                "take lead " + unassigned.getReference() + " before working on it"));
        assertThat(reload(anasLead).getStatus()).isEqualTo(LeadStatus.CONTACTED);
        assertThat(reload(anasLead).getFirstResponseAt()).isNotNull();
        assertThat(reload(bensLead).getStatus()).isEqualTo(LeadStatus.NEW);
        assertThat(reload(unassigned).getStatus()).isEqualTo(LeadStatus.NEW);
        assertThat(timeline.of(anasLead.getId())).anySatisfy(a -> {
            assertThat(a.getType()).isEqualTo(ActivityType.STATUS_CHANGED);
            assertThat(a.getActor()).isEqualTo(ana.getUsername());
            assertThat(a.getOldValue()).isEqualTo("NEW");
            assertThat(a.getNewValue()).isEqualTo("CONTACTED");
        });
    }

    @Test
    void aLeadChangedMeanwhileIsReportedAndTheOthersAreApplied() {
        SignIn.as(app, maria.getUsername());
        var stale = new LeadVersion(anasLead.getId(), anasLead.getVersion());
        // someone saves Ana's lead after the grid read it
        work.changeContact(anasLead.getReference(), anasLead.getVersion(), "+47 22 00 00 00", "Fjord");

        var result = bulk.changeStatus(
                new BulkChange.Rows(List.of(
                        stale,
                        new LeadVersion(bensLead.getId(), bensLead.getVersion()),
                        new LeadVersion(unassigned.getId(), unassigned.getVersion()))),
                LeadStatus.LOST,
                "Went with another vendor",
                BulkChange.Progress.NONE);

        assertThat(result.changed()).isEqualTo(2);
        assertThat(result.skipped())
                .containsExactly(new BulkChange.Skipped(
                        anasLead.getReference(), "changed by someone else since you loaded the list"));
        assertThat(reload(anasLead).getStatus()).isEqualTo(LeadStatus.NEW);
        assertThat(reload(bensLead).getStatus()).isEqualTo(LeadStatus.LOST);
        assertThat(reload(bensLead).getLostReason()).isEqualTo("Went with another vendor");
        assertThat(reload(unassigned).getStatus()).isEqualTo(LeadStatus.LOST);
    }

    @Test
    void aMoveThePipelineDoesNotAllowIsReportedPerLead() {
        SignIn.as(app, maria.getUsername());

        var result = bulk.changeStatus(rows(anasLead, bensLead), LeadStatus.PROPOSAL, null, BulkChange.Progress.NONE);

        assertThat(result.changed()).isZero();
        assertThat(result.skipped()).hasSize(2).allSatisfy(s -> assertThat(s.reason())
                .startsWith("a lead can't go from New to Proposal"));
    }

    @Test
    void onlyManagersReassignAndEachLeadGetsItsTimelineEntry() {
        SignIn.as(app, ana.getUsername());
        assertThatThrownBy(() -> bulk.reassign(rows(anasLead, unassigned), ben.getId(), BulkChange.Progress.NONE))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(reload(anasLead).getAssigneeId()).isEqualTo(ana.getId());
        assertThat(reload(unassigned).getAssigneeId()).isNull();

        SignIn.as(app, maria.getUsername());
        var result = bulk.reassign(rows(anasLead, unassigned, bensLead), ben.getId(), BulkChange.Progress.NONE);

        assertThat(result.changed()).isEqualTo(2);
        assertThat(result.unchanged()).isEqualTo(1);
        assertThat(reload(anasLead).getAssigneeId()).isEqualTo(ben.getId());
        assertThat(reload(unassigned).getAssigneeId()).isEqualTo(ben.getId());
        for (var lead : List.of(anasLead, unassigned)) {
            assertThat(timeline.of(lead.getId())).anySatisfy(a -> {
                assertThat(a.getType()).isEqualTo(ActivityType.ASSIGNED);
                assertThat(a.getActor()).isEqualTo(maria.getUsername());
                assertThat(a.getNewValue()).isEqualTo(ben.getFullName());
            });
        }
    }

    @Test
    void aRepTakesUnassignedLeadsButNotAnotherRepsLead() {
        SignIn.as(app, ana.getUsername());

        var result = bulk.take(rows(unassigned, bensLead, anasLead), BulkChange.Progress.NONE);

        assertThat(result.changed()).isEqualTo(1);
        assertThat(result.unchanged()).isEqualTo(1);
        assertThat(result.skipped()).extracting(BulkChange.Skipped::reference).containsExactly(bensLead.getReference());
        assertThat(reload(unassigned).getAssigneeId()).isEqualTo(ana.getId());
        assertThat(reload(bensLead).getAssigneeId()).isEqualTo(ben.getId());
    }

    @Test
    void allMatchingChangesEveryMatchingLeadBatchByBatch() {
        var source = "bulk-" + UUID.randomUUID().toString().substring(0, 8);
        int matching = 410;
        var created = Instant.now().minus(Duration.ofHours(1));
        for (int i = 0; i < matching; i++) {
            TestLeads.store(
                    registration,
                    TestLeads.lead()
                            .name("Bulk", "Lead" + i)
                            .email("bulk" + i + "@" + source + ".example")
                            .utmSource(source)
                            .build(),
                    created);
        }
        SignIn.as(app, maria.getUsername());
        var progress = new ArrayList<Integer>();
        long started = System.nanoTime();

        var result = bulk.changeStatus(
                new BulkChange.Matching(LeadFilter.builder().source(source).build()),
                LeadStatus.CONTACTED,
                null,
                (done, of) -> progress.add(done));

        // a figure for the README, not an assertion: machines differ
        System.out.printf(
                "bulk status change: %d leads in %d ms%n", matching, (System.nanoTime() - started) / 1_000_000);
        assertThat(result.changed()).isEqualTo(matching);
        assertThat(result.skipped()).isEmpty();
        // three transactions of at most 200 leads, not one per lead and not one for all
        assertThat(progress).containsExactly(200, 400, 410);
        assertThat(jdbc.queryForObject(
                        "select count(*) from lead where source_label = ? and status = 'CONTACTED'",
                        Long.class,
                        source))
                .isEqualTo(matching);
        assertThat(jdbc.queryForObject(
                        "select count(*) from lead_activity a join lead l on l.id = a.lead_id"
                                + " where l.source_label = ? and a.type = 'STATUS_CHANGED'",
                        Long.class,
                        source))
                .isEqualTo(matching);
    }

    @Test
    void refusesMoreLeadsThanTheLimitAndChangesNothing() {
        SignIn.as(app, maria.getUsername());
        var tooMany = LongStream.rangeClosed(1, LeadBulkWork.LIMIT + 1)
                .mapToObj(id -> new LeadVersion(id, 0))
                .toList();

        assertThatThrownBy(() -> bulk.take(new BulkChange.Rows(tooMany), BulkChange.Progress.NONE))
                .isInstanceOf(IllegalLeadChange.class)
                .hasMessageContaining("at most 10,000 leads");
        assertThat(reload(unassigned).getAssigneeId()).isNull();
    }
}

package com.stackdesk.lead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.stackdesk.IntegrationTest;
import com.stackdesk.SignIn;
import com.stackdesk.lead.internal.Leads;
import com.stackdesk.staff.StaffMember;
import com.stackdesk.staff.TestStaff;
import com.stackdesk.staff.internal.StaffMembers;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.userdetails.UserDetailsService;

/** The lead pipeline as staff use it: rules, notes, first response, conflicts, audit and who may do what. */
@IntegrationTest
class WorkingALeadTests {

    @Autowired
    org.springframework.context.ApplicationContext app;

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
    UserDetailsService users;

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

    @Test
    void movingOutOfNewRecordsTheFirstResponseAndTheChangeOnTheTimeline() {
        SignIn.as(app, ana.getUsername());

        var moved = work.changeStatus(
                anasLead.getReference(), anasLead.getVersion(), LeadStatus.CONTACTED, null, "Called, good fit");

        assertThat(moved.getStatus()).isEqualTo(LeadStatus.CONTACTED);
        assertThat(moved.getFirstResponseAt()).isNotNull();
        var entries = timeline.of(anasLead.getId());
        assertThat(entries)
                .anySatisfy(a -> {
                    assertThat(a.getType()).isEqualTo(ActivityType.STATUS_CHANGED);
                    assertThat(a.getActor()).isEqualTo(ana.getUsername());
                    assertThat(a.getOldValue()).isEqualTo("NEW");
                    assertThat(a.getNewValue()).isEqualTo("CONTACTED");
                })
                .anySatisfy(a -> assertThat(a.getText()).startsWith("First response after 3 h"))
                .anySatisfy(a -> {
                    assertThat(a.getType()).isEqualTo(ActivityType.NOTE);
                    assertThat(a.getText()).isEqualTo("Called, good fit");
                });
    }

    @Test
    void refusesAJumpOverAPipelineStep() {
        SignIn.as(app, ana.getUsername());

        assertThatThrownBy(() -> work.changeStatus(
                        anasLead.getReference(), anasLead.getVersion(), LeadStatus.PROPOSAL, null, null))
                .isInstanceOf(IllegalLeadChange.class)
                .hasMessageContaining("can't go from New to Proposal");
        assertThat(reload(anasLead).getStatus()).isEqualTo(LeadStatus.NEW);
    }

    @Test
    void refusesToReopenAClosedLead() {
        SignIn.as(app, ana.getUsername());
        var lost =
                work.changeStatus(anasLead.getReference(), anasLead.getVersion(), LeadStatus.LOST, "No budget", null);

        assertThatThrownBy(() ->
                        work.changeStatus(lost.getReference(), lost.getVersion(), LeadStatus.CONTACTED, null, null))
                .isInstanceOf(IllegalLeadChange.class);
    }

    @Test
    void lostNeedsAReason() {
        SignIn.as(app, ana.getUsername());

        assertThatThrownBy(() ->
                        work.changeStatus(anasLead.getReference(), anasLead.getVersion(), LeadStatus.LOST, " ", null))
                .isInstanceOf(IllegalLeadChange.class)
                .hasMessageContaining("why");
        var lost = work.changeStatus(
                anasLead.getReference(), anasLead.getVersion(), LeadStatus.LOST, "Chose an in-house team", null);
        assertThat(lost.getStatus()).isEqualTo(LeadStatus.LOST);
        assertThat(lost.getLostReason()).isEqualTo("Chose an in-house team");
    }

    @Test
    void walksThePipelineStepByStepToWon() {
        SignIn.as(app, ana.getUsername());
        var lead = anasLead;
        for (var status :
                new LeadStatus[] {LeadStatus.CONTACTED, LeadStatus.QUALIFIED, LeadStatus.PROPOSAL, LeadStatus.WON}) {
            lead = work.changeStatus(lead.getReference(), lead.getVersion(), status, null, null);
        }
        assertThat(reload(anasLead).getStatus()).isEqualTo(LeadStatus.WON);
    }

    @Test
    void notesGoOnTheTimelineWithTheirAuthor() {
        SignIn.as(app, ana.getUsername());

        work.addNote(anasLead.getReference(), "Prefers mornings");

        assertThat(work.timelineOf(anasLead.getReference())).anySatisfy(a -> {
            assertThat(a.getType()).isEqualTo(ActivityType.NOTE);
            assertThat(a.getActor()).isEqualTo(ana.getUsername());
            assertThat(a.getText()).isEqualTo("Prefers mornings");
        });
        assertThatThrownBy(() -> work.addNote(anasLead.getReference(), "  ")).isInstanceOf(IllegalLeadChange.class);
    }

    @Test
    void theFirstLoggedContactRecordsTheFirstResponseOnlyOnce() {
        SignIn.as(app, ana.getUsername());

        var first = work.logContact(anasLead.getReference(), anasLead.getVersion(), "Left a voicemail");
        var firstResponse = first.getFirstResponseAt();
        var second = work.logContact(first.getReference(), first.getVersion(), "Emailed the slides");

        assertThat(firstResponse).isNotNull();
        assertThat(second.getFirstResponseAt()).isCloseTo(firstResponse, within(1, ChronoUnit.MILLIS));
        assertThat(second.getStatus()).isEqualTo(LeadStatus.NEW);
        assertThat(timeline.of(anasLead.getId()))
                .filteredOn(a -> a.getType() == ActivityType.CONTACT_LOGGED)
                .hasSize(2);
    }

    @Test
    void aMoveOutOfNewAfterALoggedContactKeepsTheOneFirstResponse() {
        SignIn.as(app, ana.getUsername());

        var contacted = work.logContact(anasLead.getReference(), anasLead.getVersion(), "Called, left a voicemail");
        var moved =
                work.changeStatus(contacted.getReference(), contacted.getVersion(), LeadStatus.CONTACTED, null, null);

        assertThat(moved.getFirstResponseAt()).isCloseTo(contacted.getFirstResponseAt(), within(1, ChronoUnit.MILLIS));
        assertThat(timeline.of(anasLead.getId()))
                .filteredOn(a -> a.getText().startsWith("First response after"))
                .hasSize(1);
    }

    @Test
    void theSecondOfTwoEditsOfTheSameVersionIsRefusedNamingWhoChangedItMeanwhile() {
        long loadedVersion = anasLead.getVersion();
        SignIn.as(app, maria.getUsername());
        work.changeStatus(anasLead.getReference(), loadedVersion, LeadStatus.CONTACTED, null, null);

        SignIn.as(app, ana.getUsername());
        assertThatThrownBy(() ->
                        work.changeStatus(anasLead.getReference(), loadedVersion, LeadStatus.LOST, "No reply", null))
                .isInstanceOf(LeadChangedMeanwhile.class)
                .hasMessageContaining("changed by " + maria.getUsername() + " meanwhile")
                .hasMessageContaining("reload");
        assertThat(reload(anasLead).getStatus()).isEqualTo(LeadStatus.CONTACTED);
    }

    @Test
    void aSalesRepCannotOpenOrWorkAnotherRepsLead() {
        SignIn.as(app, ana.getUsername());
        var ref = bensLead.getReference();
        long version = bensLead.getVersion();

        assertThatThrownBy(() -> work.open(ref)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> work.timelineOf(ref)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> work.changeStatus(ref, version, LeadStatus.CONTACTED, null, null))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> work.addNote(ref, "mine now")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> work.logContact(ref, version, "called")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> work.take(ref, version)).isInstanceOf(AccessDeniedException.class);
        assertThat(reload(bensLead).getStatus()).isEqualTo(LeadStatus.NEW);
        assertThat(reload(bensLead).getAssigneeId()).isEqualTo(ben.getId());
    }

    @Test
    void aSalesRepMayTakeAnUnassignedLeadButNotReassign() {
        SignIn.as(app, ana.getUsername());

        assertThat(work.open(unassigned.getReference()).getAssigneeId()).isNull();
        assertThatThrownBy(() -> work.changeStatus(
                        unassigned.getReference(), unassigned.getVersion(), LeadStatus.CONTACTED, null, null))
                .isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining("Take");
        var taken = work.take(unassigned.getReference(), unassigned.getVersion());
        assertThat(taken.getAssigneeId()).isEqualTo(ana.getId());
        assertThatThrownBy(() -> work.reassign(taken.getReference(), taken.getVersion(), ben.getId()))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void aManagerReassignsAndTheTimelineKeepsOldAndNewAssignee() {
        SignIn.as(app, maria.getUsername());

        var moved = work.reassign(bensLead.getReference(), bensLead.getVersion(), ana.getId());

        assertThat(moved.getAssigneeId()).isEqualTo(ana.getId());
        assertThat(timeline.of(bensLead.getId())).anySatisfy(a -> {
            assertThat(a.getType()).isEqualTo(ActivityType.ASSIGNED);
            assertThat(a.getActor()).isEqualTo(maria.getUsername());
            assertThat(a.getField()).isEqualTo("assignee");
            assertThat(a.getOldValue()).isEqualTo("Ben Okafor");
            assertThat(a.getNewValue()).isEqualTo("Ana Souza");
        });
    }

    @Test
    void changedContactDetailsAreAuditedWithOldAndNewValue() {
        SignIn.as(app, ana.getUsername());

        work.changeContact(anasLead.getReference(), anasLead.getVersion(), "+49 30 1234", "Fjord Analytics");

        assertThat(timeline.of(anasLead.getId()))
                .anySatisfy(a -> {
                    assertThat(a.getField()).isEqualTo("company");
                    assertThat(a.getOldValue()).isEqualTo("Fjord");
                    assertThat(a.getNewValue()).isEqualTo("Fjord Analytics");
                    assertThat(a.getActor()).isEqualTo(ana.getUsername());
                    assertThat(a.getOccurredAt()).isNotNull();
                })
                .anySatisfy(a -> {
                    assertThat(a.getField()).isEqualTo("phone");
                    assertThat(a.getOldValue()).isNull();
                    assertThat(a.getNewValue()).isEqualTo("+49 30 1234");
                });
    }

    @Test
    void nobodySignedInIsRefused() {
        assertThatThrownBy(() -> work.open(anasLead.getReference()))
                .isInstanceOf(AuthenticationCredentialsNotFoundException.class);
    }
}

package com.stackdesk.lead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import com.stackdesk.IntegrationTest;
import com.stackdesk.SignIn;
import com.stackdesk.staff.internal.StaffMembers;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;

/**
 * The dashboard's figures against the {@link DashboardLeads} table, counted by hand: each expected
 * number below says which leads make it.
 */
@IntegrationTest
@Import(DashboardLeads.FixedClock.class)
class LeadStatisticsTests {

    @Autowired
    ApplicationContext app;

    @Autowired
    LeadStatistics statistics;

    @Autowired
    StaffMembers staff;

    @BeforeEach
    void storeTheKnownLeads() {
        DashboardLeads.store(app);
    }

    @AfterEach
    void signOut() {
        SignIn.out(app);
    }

    private long id(String username) {
        return staff.findByUsernameIgnoreCase(username).orElseThrow().getId();
    }

    @Test
    void aManagerCountsEveryLeadButSpam() {
        SignIn.as(app, "maria");

        var overview = statistics.overview();

        // oldest week first; L9 is older than 8 weeks
        assertThat(overview.weeks())
                .extracting(LeadStatistics.WeekCount::count)
                .containsExactly(0L, 0L, 1L /* L8 */, 0L, 0L, 1L /* L7 */, 2L /* L5, L6 */, 4L /* L1-L4 */);
        // whole days: the last week is today (2 March) and the six days before
        assertThat(overview.weeks().getLast().first()).isEqualTo(java.time.LocalDate.of(2026, 2, 24));
        assertThat(overview.weeks().getLast().last()).isEqualTo(java.time.LocalDate.of(2026, 3, 2));
        assertThat(overview.thisWeek()).isEqualTo(4);
        assertThat(overview.lastWeek()).isEqualTo(2);
        assertThat(overview.unassignedOpen()).as("L1, L7").isEqualTo(2);
        assertThat(overview.waiting().count()).as("L1, L2, L7").isEqualTo(3);
        assertThat(overview.waiting().oldestReference()).isEqualTo(DashboardLeads.REFERENCES[6]);
        assertThat(overview.waiting().oldestCreatedAt()).isEqualTo(DashboardLeads.NOW.minus(Duration.ofDays(20)));
        // in business time (Monday to Friday 09:00-17:00 UTC; every lead arrived at 12:00): L3 2 h,
        // L4 4 h, L5 1 h, L6 5 h (answered at 18:00 on Wednesday, after closing): the middle of 1, 2, 4, 5 is 3 h
        var responses = statistics.responseFigures().all();
        assertThat(responses.answered()).isEqualTo(4);
        assertThat(responses.median()).isEqualTo(Duration.ofHours(3));
        // the last 90 days: L1-L8
        assertThat(overview.byStatus())
                .containsExactly(
                        entry(LeadStatus.NEW, 3L),
                        entry(LeadStatus.CONTACTED, 2L),
                        entry(LeadStatus.QUALIFIED, 1L),
                        entry(LeadStatus.PROPOSAL, 0L),
                        entry(LeadStatus.WON, 1L),
                        entry(LeadStatus.LOST, 1L));
        assertThat(overview.byStack())
                .containsOnly(entry(StackLeaning.GO, 4L), entry(StackLeaning.JAVA, 3L), entry(StackLeaning.PYTHON, 1L));
        assertThat(overview.bySource())
                .containsExactly(entry("google", 4L), entry("newsletter", 3L), entry("direct", 1L));
        // open and not spam, at any age: ana L2, L3, L9; ben L4, L8
        assertThat(overview.openByAssignee()).containsExactly(entry(id("ana"), 3L), entry(id("ben"), 2L));
    }

    @Test
    void aSalesRepCountsTheirOwnAndTheUnassignedLeads() {
        SignIn.as(app, "ana");

        var overview = statistics.overview();

        // ana sees L1, L2, L3, L6, L7, L9
        assertThat(overview.weeks())
                .extracting(LeadStatistics.WeekCount::count)
                .containsExactly(0L, 0L, 0L, 0L, 0L, 1L /* L7 */, 1L /* L6 */, 3L /* L1-L3 */);
        assertThat(overview.unassignedOpen()).as("L1, L7").isEqualTo(2);
        assertThat(overview.waiting().count()).as("L1, L2, L7").isEqualTo(3);
        assertThat(overview.waiting().oldestReference()).isEqualTo(DashboardLeads.REFERENCES[6]);
        // L3 2 h; L6 5 business hours (6 h by the wall clock, but the last hour is after 17:00)
        var responses = statistics.responseFigures().all();
        assertThat(responses.answered()).isEqualTo(2);
        assertThat(responses.median()).isEqualTo(Duration.ofMinutes(210));
        assertThat(overview.byStatus())
                .containsExactly(
                        entry(LeadStatus.NEW, 3L),
                        entry(LeadStatus.CONTACTED, 1L),
                        entry(LeadStatus.QUALIFIED, 0L),
                        entry(LeadStatus.PROPOSAL, 0L),
                        entry(LeadStatus.WON, 0L),
                        entry(LeadStatus.LOST, 1L));
        assertThat(overview.byStack()).containsOnly(entry(StackLeaning.GO, 3L), entry(StackLeaning.JAVA, 2L));
        assertThat(overview.bySource()).containsExactly(entry("newsletter", 3L), entry("google", 2L));
        assertThat(overview.openByAssignee())
                .as("only managers see the load per rep")
                .isEmpty();
    }

    @Test
    void anotherRepSeesNoneOfAnasLeads() {
        SignIn.as(app, "ben");

        var overview = statistics.overview();

        // ben sees L1, L4, L5, L7, L8
        assertThat(overview.thisWeek()).as("L1, L4").isEqualTo(2);
        assertThat(overview.lastWeek()).as("L5").isEqualTo(1);
        assertThat(overview.waiting().count()).as("L1, L7").isEqualTo(2);
        // L4 4 h, L5 1 h
        assertThat(statistics.responseFigures().all().median()).isEqualTo(Duration.ofMinutes(150));
    }
}

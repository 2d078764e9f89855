package com.stackdesk.sla;

import static com.stackdesk.routing.RoutingFixtures.lead;
import static com.stackdesk.routing.RoutingFixtures.staff;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.stackdesk.AwaitRouting;
import com.stackdesk.IntegrationTest;
import com.stackdesk.MutableClock;
import com.stackdesk.SignIn;
import com.stackdesk.TestSmtp;
import com.stackdesk.lead.ActivityType;
import com.stackdesk.lead.IllegalLeadChange;
import com.stackdesk.lead.Lead;
import com.stackdesk.lead.LeadActivity;
import com.stackdesk.lead.LeadAgenda;
import com.stackdesk.lead.LeadFilter;
import com.stackdesk.lead.LeadKind;
import com.stackdesk.lead.LeadRegistration;
import com.stackdesk.lead.LeadRow;
import com.stackdesk.lead.LeadSearch;
import com.stackdesk.lead.LeadStatus;
import com.stackdesk.lead.LeadTimeline;
import com.stackdesk.lead.LeadWork;
import com.stackdesk.lead.NewLead;
import com.stackdesk.lead.StackLeaning;
import com.stackdesk.lead.TestLeads;
import com.stackdesk.lead.internal.Leads;
import com.stackdesk.notification.OutboxDispatcher;
import com.stackdesk.routing.RoutingFixtures;
import com.stackdesk.staff.Role;
import com.stackdesk.staff.StaffMember;
import com.stackdesk.staff.internal.StaffMembers;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * First-response deadlines end to end with a clock the test moves: a lead stored through the
 * real registration gets its deadline from the team's settings (Berlin, Monday to Friday
 * 09:00-17:00, consultations 2 business hours, plans 1 business day, reminder at 50 %), the sweep
 * reminds the owner and alerts the managers exactly once each, through the outbox to a real SMTP
 * server, and leaves answered, lost and spam leads alone. The expected moments are worked out by
 * hand (4 Dec 2026 is a Friday; Berlin is UTC+1 in December).
 */
@IntegrationTest
@Import(ResponseDeadlinesIntegrationTests.TestClock.class)
@TestPropertySource(properties = {"stackdesk.mail.dispatcher.enabled=false", "stackdesk.sla.sweep-interval=1h"})
class ResponseDeadlinesIntegrationTests {

    static final Instant FRIDAY_1630_BERLIN = Instant.parse("2026-12-04T15:30:00Z");

    @RegisterExtension
    static GreenMailExtension smtp = TestSmtp.server();

    @DynamicPropertySource
    static void smtpServer(DynamicPropertyRegistry registry) {
        TestSmtp.sendTo(smtp, registry);
    }

    @TestConfiguration
    static class TestClock {
        @Bean
        @Primary
        MutableClock deadlineClock() {
            return new MutableClock(FRIDAY_1630_BERLIN);
        }
    }

    @Autowired
    ApplicationContext app;

    @Autowired
    MutableClock clock;

    @Autowired
    LeadRegistration registration;

    @Autowired
    Leads leads;

    @Autowired
    LeadWork work;

    @Autowired
    LeadTimeline timeline;

    @Autowired
    StaffMembers staffMembers;

    @Autowired
    ResponseSettings settings;

    @Autowired
    DeadlineSweep sweep;

    @Autowired
    LeadAgenda agenda;

    @Autowired
    LeadSearch search;

    @Autowired
    OutboxDispatcher dispatcher;

    @Autowired
    JdbcTemplate jdbc;

    StaffMember ana;
    StaffMember ben;

    @BeforeEach
    void setUp() throws Exception {
        smtp.purgeEmailFromAllMailboxes();
        RoutingFixtures.clean(jdbc);
        clock.set(FRIDAY_1630_BERLIN);
        ana = staff(staffMembers, "ana", "Ana Souza", Role.SALES, false, StackLeaning.GO);
        ben = staff(staffMembers, "ben", "Ben Okafor", Role.SALES, false, StackLeaning.GO);
        staff(staffMembers, "maria", "María García", Role.MANAGER, false);
        teamSettings(false);
    }

    @AfterEach
    void signOut() {
        SignIn.out(app);
    }

    @Test
    void remindsTheOwnerOnceBeforeTheDeadlineAndAlertsTheManagersOnceAtIt() throws Exception {
        // Friday 16:30: 30 min today, 90 from Monday 09:00 -> due Monday 10:30 CET; reminded after
        // one business hour -> Monday 09:30 CET
        var lead = submit(LeadKind.CONSULTATION, "lee@visitor.example");
        var owner = emailOf(lead.getAssigneeId());
        assertThat(lead.getResponseDueAt()).isEqualTo(Instant.parse("2026-12-07T09:30:00Z"));
        assertThat(sweep.run()).isZero();

        clock.set(Instant.parse("2026-12-07T08:29:00Z"));
        assertThat(sweep.run()).isZero();
        clock.set(Instant.parse("2026-12-07T08:30:00Z"));
        assertThat(sweep.run()).isEqualTo(1);
        assertThat(sweep.run()).isZero();
        assertThat(queued(lead, "DEADLINE_REMINDER")).containsExactly(owner);
        assertThat(queued(lead, "DEADLINE_OVERDUE")).isEmpty();

        clock.set(Instant.parse("2026-12-07T09:30:00Z"));
        assertThat(sweep.run()).isEqualTo(1);
        assertThat(sweep.run()).isZero();
        clock.set(Instant.parse("2026-12-09T09:30:00Z"));
        assertThat(sweep.run()).isZero();

        assertThat(queued(lead, "DEADLINE_REMINDER")).containsExactly(owner);
        assertThat(queued(lead, "DEADLINE_OVERDUE")).containsExactly("maria@northwind.example");
        assertThat(deadlineEntries(lead))
                .containsExactly(
                        "Reminded " + nameOf(lead.getAssigneeId()) + ": first response due 7 Dec 2026, 10:30 CET",
                        "First response overdue (was due 7 Dec 2026, 10:30 CET); managers alerted");
        // without reassignment the lead stays where it was
        assertThat(leads.findById(lead.getId()).orElseThrow().getAssigneeId()).isEqualTo(lead.getAssigneeId());

        dispatcher.dispatchDue();
        var reminder = only(owner, "Reminder: answer lead");
        assertThat(reminder.getSubject())
                .isEqualTo("Reminder: answer lead " + lead.getReference() + " (Lee Visitor) by 7 Dec 2026, 10:30 CET");
        assertThat(GreenMailUtil.getBody(reminder)).contains("is due by 7 Dec 2026, 10:30 CET");
        var alert = only("maria@northwind.example", "Overdue: lead");
        assertThat(alert.getSubject())
                .isEqualTo("Overdue: lead " + lead.getReference() + " (Lee Visitor) has no first response (with "
                        + nameOf(lead.getAssigneeId()) + ")");
    }

    @Test
    void answeredLostAndSpamLeadsGetNoReminderOrAlert() {
        var contacted = submit(LeadKind.DEVELOPMENT_PLAN, "called@visitor.example");
        var lost = submit(LeadKind.DEVELOPMENT_PLAN, "lost@visitor.example");
        var answeredLate = submit(LeadKind.DEVELOPMENT_PLAN, "late@visitor.example");
        var spam = registration.register(lead(
                LeadKind.DEVELOPMENT_PLAN, "Spam", "Bot", StackLeaning.GO, "bot@visitor.example", null, "honeypot"));
        assertThat(spam.getResponseDueAt()).isNull();
        // Friday 16:30 + 1 business day -> Monday 16:30 CET; reminded halfway through its 8 business
        // hours -> Monday 12:30 CET
        assertThat(contacted.getResponseDueAt()).isEqualTo(Instant.parse("2026-12-07T15:30:00Z"));

        clock.set(Instant.parse("2026-12-07T08:00:00Z"));
        as(contacted.getAssigneeId());
        work.logContact(contacted.getReference(), version(contacted), "Called, left a voicemail");
        as(lost.getAssigneeId());
        work.changeStatus(lost.getReference(), version(lost), LeadStatus.LOST, "Chose another vendor", null);

        clock.set(Instant.parse("2026-12-07T11:30:00Z"));
        assertThat(sweep.run()).isEqualTo(1);
        assertThat(queued(answeredLate, "DEADLINE_REMINDER")).hasSize(1);
        as(answeredLate.getAssigneeId());
        work.changeStatus(answeredLate.getReference(), version(answeredLate), LeadStatus.CONTACTED, null, null);

        clock.set(Instant.parse("2026-12-14T12:00:00Z"));
        assertThat(sweep.run()).isZero();
        assertThat(jdbc.queryForObject(
                        "select count(*) from outbound_email where kind in ('DEADLINE_REMINDER', 'DEADLINE_OVERDUE')",
                        Long.class))
                .isEqualTo(1);
        for (var quiet : List.of(contacted, lost, spam)) {
            assertThat(deadlineEntries(quiet)).isEmpty();
        }
        assertThat(deadlineEntries(answeredLate)).hasSize(1);
    }

    @Test
    void anOverdueLeadGoesToTheNextAvailableRepOnceWhenTheTeamWantsIt() {
        teamSettings(true);
        var lead = submit(LeadKind.CONSULTATION, "slow@visitor.example");
        var first = Objects.requireNonNull(lead.getAssigneeId());
        var other = first.equals(ana.getId()) ? ben : ana;

        clock.set(Instant.parse("2026-12-07T08:30:00Z"));
        assertThat(sweep.run()).isEqualTo(1);
        clock.set(Instant.parse("2026-12-07T09:30:00Z"));
        assertThat(sweep.run()).isEqualTo(1);
        clock.set(Instant.parse("2026-12-08T09:30:00Z"));
        assertThat(sweep.run()).isZero();

        var after = leads.findById(lead.getId()).orElseThrow();
        assertThat(after.getAssigneeId()).isEqualTo(other.getId());
        assertThat(timeline.of(lead.getId()).stream()
                        .filter(a -> a.getType() == ActivityType.ASSIGNED)
                        .map(LeadActivity::getText))
                .singleElement()
                .asString()
                .startsWith("Assigned to " + other.getFullName()
                        + " (First response overdue (was due 7 Dec 2026, 10:30 CET)," + " reassigned from "
                        + nameOf(first));
        assertThat(queued(lead, "REP_ALERT")).containsExactly(emailOf(first), other.getEmail());
        assertThat(queued(lead, "DEADLINE_OVERDUE")).containsExactly("maria@northwind.example");
    }

    @Test
    void twoSweepsAtOnceTakeEachStepOnce() throws Exception {
        var stored = new ArrayList<Lead>();
        for (int i = 0; i < 30; i++) {
            stored.add(submit(LeadKind.CONSULTATION, "many" + i + "@visitor.example"));
        }
        clock.set(Instant.parse("2026-12-07T08:30:00Z"));

        // two instances sweeping the same due reminders at the same moment
        var start = new CyclicBarrier(2);
        Callable<Integer> instance = () -> {
            start.await();
            return sweep.run();
        };
        try (var pool = Executors.newFixedThreadPool(2)) {
            var one = pool.submit(instance);
            var two = pool.submit(instance);
            assertThat(one.get() + two.get()).isEqualTo(30);
        }
        for (var lead : stored) {
            assertThat(queued(lead, "DEADLINE_REMINDER")).containsExactly(emailOf(lead.getAssigneeId()));
        }
        assertThat(sweep.run()).isZero();
    }

    @Test
    void aFollowUpComesUpOnTodayAndInTheOverdueFilterAndBadInputChangesNothing() {
        var lead = submit(LeadKind.DEVELOPMENT_PLAN, "next@visitor.example");
        as(lead.getAssigneeId());
        var friday10 = Instant.parse("2026-12-11T09:00:00Z");

        assertThatThrownBy(() -> work.setFollowUp(lead.getReference(), "  ", friday10))
                .isInstanceOf(IllegalLeadChange.class)
                .hasMessage("Say what the next step is.");
        assertThatThrownBy(() ->
                        work.setFollowUp(lead.getReference(), "Send proposal", FRIDAY_1630_BERLIN.minusSeconds(60)))
                .isInstanceOf(IllegalLeadChange.class)
                .hasMessage("Pick a time in the future for the next step.");
        assertThat(leads.findById(lead.getId()).orElseThrow().getFollowUpText()).isNull();

        // answered, so what is due next is the follow-up alone
        work.logContact(lead.getReference(), version(lead), "Called");
        work.setFollowUp(lead.getReference(), "Send proposal", friday10);
        assertThat(leads.findById(lead.getId()).orElseThrow().getNextDueAt()).isEqualTo(friday10);
        var endOfThursday = Instant.parse("2026-12-10T23:00:00Z");
        assertThat(agenda.followUpsDue(endOfThursday)).isEmpty();
        var endOfFriday = Instant.parse("2026-12-11T23:00:00Z");
        assertThat(agenda.followUpsDue(endOfFriday))
                .extracting(LeadRow::reference)
                .containsExactly(lead.getReference());

        clock.set(Instant.parse("2026-12-11T10:00:00Z"));
        var overdue = LeadFilter.builder()
                .due(LeadFilter.Due.overdue(clock.instant()))
                .build();
        assertThat(search.page(overdue, List.of(), 0, 50))
                .extracting(LeadRow::reference)
                .contains(lead.getReference());
        assertThat(search.count(overdue))
                .isEqualTo(jdbc.queryForObject(
                        "select count(*) from lead where next_due_at < ? and suspected_spam = false",
                        Long.class,
                        java.sql.Timestamp.from(clock.instant())));

        work.completeFollowUp(lead.getReference());
        assertThat(leads.findById(lead.getId()).orElseThrow().getNextDueAt()).isNull();
        assertThat(timeline.of(lead.getId()).stream()
                        .filter(a -> a.getType() == ActivityType.FOLLOW_UP)
                        .map(LeadActivity::getText))
                .containsExactly(
                        "Next step: Send proposal (due 11 Dec 2026, 10:00 CET)",
                        "Next step done: Send proposal (due 11 Dec 2026, 10:00 CET)");
    }

    private void teamSettings(boolean reassignOverdue) {
        SignIn.as(app, "maria");
        var week = new EnumMap<DayOfWeek, BusinessCalendar.Hours>(DayOfWeek.class);
        for (var day : List.of(
                DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY)) {
            week.put(day, BusinessCalendar.Hours.of("09:00", "17:00"));
        }
        settings.save(new ResponseSettings.Settings(
                "Europe/Berlin",
                week,
                List.of(new ResponseSettings.Holiday(LocalDate.parse("2026-12-25"), "Christmas Day")),
                new ResponseTarget(2, ResponseTarget.Unit.HOURS),
                new ResponseTarget(1, ResponseTarget.Unit.DAYS),
                50,
                reassignOverdue));
        SignIn.out(app);
        assertThat(settings.rules().calendar().zone()).isEqualTo(ZoneId.of("Europe/Berlin"));
    }

    private Lead submit(LeadKind kind, String email) {
        NewLead request =
                TestLeads.lead().kind(kind).stack(StackLeaning.GO).email(email).build();
        return AwaitRouting.routed(leads, registration.register(request).getId());
    }

    private long version(Lead lead) {
        return leads.findById(lead.getId()).orElseThrow().getVersion();
    }

    private void as(Long staffId) {
        SignIn.as(app, staffMembers.findById(staffId).orElseThrow().getUsername());
    }

    private String emailOf(Long staffId) {
        return staffMembers.findById(staffId).orElseThrow().getEmail();
    }

    private String nameOf(Long staffId) {
        return staffMembers.findById(staffId).orElseThrow().getFullName();
    }

    private List<String> queued(Lead lead, String kind) {
        return jdbc.queryForList(
                "select recipient from outbound_email where lead_id = ? and kind = ? order by id",
                String.class,
                lead.getId(),
                kind);
    }

    private List<String> deadlineEntries(Lead lead) {
        return timeline.of(lead.getId()).stream()
                .filter(a -> a.getType() == ActivityType.DEADLINE)
                .map(LeadActivity::getText)
                .toList();
    }

    private static jakarta.mail.internet.MimeMessage only(String recipient, String subjectStart) throws Exception {
        var found = new ArrayList<jakarta.mail.internet.MimeMessage>();
        for (var message : smtp.getReceivedMessages()) {
            if (message.getAllRecipients()[0].toString().contains(recipient)
                    && message.getSubject().startsWith(subjectStart)) {
                found.add(message);
            }
        }
        assertThat(found)
                .as("messages to " + recipient + " starting " + subjectStart)
                .hasSize(1);
        return found.getFirst();
    }
}

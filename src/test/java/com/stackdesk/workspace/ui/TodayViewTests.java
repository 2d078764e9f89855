package com.stackdesk.workspace.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.stackdesk.DemoData;
import com.stackdesk.DemoLeads;
import com.stackdesk.IntegrationTest;
import com.stackdesk.lead.LeadStatus;
import com.stackdesk.lead.internal.Leads;
import com.stackdesk.staff.internal.StaffMembers;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.ListItem;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;

/**
 * A rep's Today page on the demo data (team zone UTC): what it lists is counted a second way, in
 * SQL, and its one-click actions change the lead and take the line off the page.
 */
@IntegrationTest
@DemoData
@WithUserDetails("ana")
class TodayViewTests extends SpringBrowserlessTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Leads leads;

    @Autowired
    Clock clock;

    @Autowired
    StaffMembers staffMembers;

    private Timestamp endOfToday() {
        return Timestamp.from(clock.instant()
                .atZone(ZoneOffset.UTC)
                .toLocalDate()
                .plusDays(1)
                .atStartOfDay(ZoneOffset.UTC)
                .toInstant());
    }

    private long anaId() {
        return jdbc.queryForObject("select id from staff where username = 'ana'", Long.class);
    }

    @Test
    void listsResponsesDueThenFollowUpsThenLeadsToTake() {
        var view = navigate(TodayView.class);

        long responses = jdbc.queryForObject(
                "select count(*) from lead where assignee_id = ? and status = 'NEW' and first_response_at is null"
                        + " and suspected_spam = false and response_due_at < ?",
                Long.class,
                anaId(),
                endOfToday());
        long followUps = jdbc.queryForObject(
                "select count(*) from lead where assignee_id = ? and follow_up_at < ?",
                Long.class,
                anaId(),
                endOfToday());
        long unassigned = jdbc.queryForObject(
                "select count(*) from lead where assignee_id is null and status = 'NEW' and suspected_spam = false",
                Long.class);
        assertThat(responses + followUps).isPositive();
        assertThat(view.responses.items.getComponentCount()).isEqualTo(responses);
        assertThat(view.responses.count.getText()).isEqualTo(String.valueOf(responses));
        assertThat(view.followUps.items.getComponentCount()).isEqualTo(followUps);
        assertThat(view.unassigned.items.getComponentCount()).isEqualTo(Math.min(20, unassigned));
        assertThat(view.sections()).containsExactly(view.calls, view.responses, view.followUps, view.unassigned);
        assertThat(view.dateLine.getText()).endsWith("times in UTC");
    }

    @Test
    void demoLeadsShowTheirDeadlinesButNobodyIsRemindedOrAlertedAboutThem() {
        // the seeds' unanswered leads arrived between 1 and 40 days ago: all overdue, none to remind of
        assertThat(jdbc.queryForObject(
                        "select count(*) from lead where fingerprint like 'seed-%' and status = 'NEW'"
                                + " and first_response_at is null and response_due_at is not null",
                        Long.class))
                .isPositive();
        assertThat(jdbc.queryForObject(
                        "select count(*) from lead where fingerprint like 'seed-%' and deadline_step is not null",
                        Long.class))
                .isZero();
    }

    @Test
    void oneClickMovesALeadToContactedAndItLeavesThePage() {
        var view = navigate(TodayView.class);
        int before = view.responses.items.getComponentCount();
        var line = (ListItem) view.responses.items.getChildren().findFirst().orElseThrow();
        var reference = reference(line);

        test(button(line, "Move to Contacted")).click();

        var lead = leads.findByReference(reference).orElseThrow();
        assertThat(lead.getStatus()).isEqualTo(LeadStatus.CONTACTED);
        assertThat(lead.getFirstResponseAt()).isNotNull();
        assertThat(view.responses.items.getComponentCount()).isEqualTo(before - 1);
        assertThat(jdbc.queryForObject(
                        "select count(*) from lead where reference = ? and deadline_step is not null",
                        Long.class,
                        reference))
                .isZero();
    }

    @Test
    void snoozingAFollowUpMovesItToTomorrowMorning() {
        var view = navigate(TodayView.class);
        var line = (ListItem) view.followUps.items.getChildren().findFirst().orElseThrow();
        var reference = reference(line);
        int before = view.followUps.items.getComponentCount();

        test(button(line, "Snooze to tomorrow")).click();

        var tomorrowNine = clock.instant()
                .atZone(ZoneOffset.UTC)
                .toLocalDate()
                .plusDays(1)
                .atTime(LocalTime.of(9, 0))
                .toInstant(ZoneOffset.UTC);
        assertThat(leads.findByReference(reference).orElseThrow().getFollowUpAt())
                .isEqualTo(tomorrowNine);
        assertThat(view.followUps.items.getComponentCount()).isEqualTo(before - 1);
    }

    @Test
    void showsABookedCallInTheRepsZoneAndLogsItWithOneClick() {
        var lead = DemoLeads.of(leads, staffMembers, "ana", LeadStatus.NEW).getLast();
        assertThat(lead.getFirstResponseAt()).isNull();
        // a time that is tomorrow both for Ana (UTC) and for the visitor (New York): 10:00 UTC while
        // both zones share a date, 02:00 UTC in the hours when UTC is already a day ahead
        var newYork = ZoneId.of("America/New_York");
        var now = clock.instant();
        var utcToday = now.atZone(ZoneOffset.UTC).toLocalDate();
        boolean sameDate = utcToday.equals(now.atZone(newYork).toLocalDate());
        var start =
                utcToday.plusDays(1).atTime(LocalTime.of(sameDate ? 10 : 2, 0)).toInstant(ZoneOffset.UTC);
        var visitorsTime = start.atZone(newYork);
        assertThat(visitorsTime.toLocalDate())
                .isEqualTo(now.atZone(newYork).toLocalDate().plusDays(1));
        jdbc.update(
                "insert into booked_call (uid, lead_id, staff_id, starts_at, ends_at, visitor_time_zone, sequence,"
                        + " status, active_starts_at, active_lead_id, booked_at, version)"
                        + " values ('today-view-test', ?, ?, ?, ?, 'America/New_York', 0, 'BOOKED', ?, ?, ?, 0)",
                lead.getId(),
                anaId(),
                Timestamp.from(start),
                Timestamp.from(start.plusSeconds(1800)),
                Timestamp.from(start),
                lead.getId(),
                Timestamp.from(clock.instant()));
        try {
            var view = navigate(TodayView.class);
            assertThat(view.calls.items.getComponentCount()).isEqualTo(1);
            var line = (ListItem) view.calls.items.getChildren().findFirst().orElseThrow();
            // Ana reads times in the demo team's zone, UTC; the visitor's hour comes from java.time
            assertThat(line.getElement().getTextRecursively())
                    .contains(
                            lead.getFullName(),
                            lead.getReference(),
                            "Call tomorrow %02d:00 UTC–%02d:30".formatted(sameDate ? 10 : 2, sameDate ? 10 : 2))
                    .containsPattern("the visitor's time tomorrow %02d:00 E[SD]T".formatted(visitorsTime.getHour()));
            long contactsBefore = contactsLogged(lead.getId());

            test(button(line, "Log call")).click();

            assertThat(contactsLogged(lead.getId())).isEqualTo(contactsBefore + 1);
            assertThat(leads.findById(lead.getId()).orElseThrow().getFirstResponseAt())
                    .isNotNull();
            var logged = (ListItem) view.calls.items.getChildren().findFirst().orElseThrow();
            assertThat(logged.getElement().getTextRecursively()).contains("Call logged");
            assertThat(logged.getChildren().flatMap(c -> c.getChildren()).filter(Button.class::isInstance))
                    .isEmpty();
        } finally {
            jdbc.update("delete from booked_call where uid = 'today-view-test'");
        }
    }

    private long contactsLogged(long leadId) {
        return jdbc.queryForObject(
                "select count(*) from lead_activity where lead_id = ? and type = 'CONTACT_LOGGED'"
                        + " and text like 'Consultation call (booked for %'",
                Long.class, leadId);
    }

    private static String reference(ListItem line) {
        var text = line.getElement().getTextRecursively();
        var matcher = java.util.regex.Pattern.compile("SD-[A-Z0-9]{6}").matcher(text);
        assertThat(matcher.find()).as("a reference in " + text).isTrue();
        return matcher.group();
    }

    private static Button button(ListItem line, String label) {
        List<Button> buttons = line.getChildren()
                .flatMap(c -> c.getChildren())
                .filter(Button.class::isInstance)
                .map(Button.class::cast)
                .filter(b -> label.equals(b.getText()))
                .toList();
        assertThat(buttons).hasSize(1);
        return buttons.getFirst();
    }
}

package com.stackdesk.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.stackdesk.lead.StackLeaning;
import com.stackdesk.routing.RoutingFixtures;
import com.stackdesk.staff.Role;
import com.stackdesk.staff.internal.StaffMembers;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A visitor in New York books a Go consultation in Chromium and picks a slot on the thank-you page,
 * shown in their own time zone; the rep signs in, finds the booked call on the lead's page and on
 * her Today page, logs it there, and the dashboard's share answered in time goes from nothing
 * decided to 100 %. A manager then finds the visitor's confirmation and the rep's "new lead" alert
 * in the embedded SMTP server's mail log.
 */
@VisitorsSubmit
class VisitorBooksACallTests extends BrowserTest {

    @Autowired
    StaffMembers staffMembers;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aVisitorBooksACallAndTheRepSeesItOnTheLeadPage() {
        RoutingFixtures.clean(jdbc);
        var ana = RoutingFixtures.staff(staffMembers, "ana", "Ana Souza", Role.SALES, false, StackLeaning.GO);
        long anaId = Objects.requireNonNull(ana.getId());
        RoutingFixtures.staff(staffMembers, "maria", "María García", Role.MANAGER, false);
        // Ana takes calls 09:00-17:00 Berlin time on weekdays
        jdbc.update("update staff set time_zone = 'Europe/Berlin' where id = ?", anaId);
        jdbc.update("insert into call_schedule (staff_id) values (?)", anaId);
        for (int day = 1; day <= 5; day++) {
            jdbc.update(
                    "insert into call_hours (staff_id, day_of_week, from_time, to_time) values (?, ?, '09:00:00', '17:00:00')",
                    anaId,
                    day);
        }
        // the visitor's browser is in New York
        var browser = context.browser();
        context.close();
        context = browser.newContext(
                new Browser.NewContextOptions().setViewportSize(1366, 900).setTimezoneId("America/New_York"));
        context.setDefaultTimeout(20_000);
        page = context.newPage();

        open("/book");
        page.getByLabel("First name", new Page.GetByLabelOptions().setExact(true))
                .fill("Lee");
        page.getByLabel("Last name", new Page.GetByLabelOptions().setExact(true))
                .fill("Visitor");
        page.getByRole(AriaRole.TEXTBOX, new Page.GetByRoleOptions().setName("Email"))
                .fill("lee@visitor.example");
        page.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName("Go").setExact(true))
                .check();
        page.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName("Video call"))
                .check();
        page.getByLabel("What would you like to discuss?", new Page.GetByLabelOptions().setExact(true))
                .fill("Scaling our Go services");
        page.getByRole(AriaRole.CHECKBOX).check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Book my consultation"))
                .click();
        page.waitForURL(Pattern.compile(".*/thank-you/SD-.*"));
        var reference = page.locator(".sd-reference").textContent().strip();

        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Book your call")))
                .isVisible();
        var times = page.locator(".sd-slot-times vaadin-button");
        assertThat(times.first()).isVisible();
        assertThat(page.getByText("With Ana Souza.", new Page.GetByTextOptions().setExact(false)))
                .isVisible();
        assertThat(page.locator(".sd-slot-picker vaadin-combo-box input")).hasValue("America/New_York");
        // 09:00-17:00 in Berlin is 03:00-11:00 in New York (04:00-12:00 while only New York is on summer time)
        assertThat(times.first().textContent().strip()).matches("(0[3-9]|1[01]):[03]0");
        screenshot("thank-you-slots-1366");
        page.setViewportSize(390, 844);
        screenshot("thank-you-slots-390");
        page.setViewportSize(1366, 900);
        assertNoSeriousAccessibilityViolations();

        // the last day offered, two weeks ahead: whole, whatever the time of day the test runs at
        pickTheSecondDay();
        times.nth(1).click();
        var booked = page.locator(".sd-booked");
        assertThat(booked).containsText("Your call is booked:");
        assertThat(booked).containsText("(America/New_York) with Ana Souza");
        screenshot("thank-you-booked");
        assertThat(jdbc.queryForObject(
                        "select count(*) from booked_call c join lead l on l.id = c.lead_id"
                                + " where l.reference = ? and c.status = 'BOOKED' and c.staff_id = ?",
                        Integer.class,
                        reference,
                        anaId))
                .isEqualTo(1);

        // the visitor moves the call with the link in the invitation's email
        var invitation = jdbc.queryForObject(
                "select e.text_body from outbound_email e join lead l on l.id = e.lead_id"
                        + " where l.reference = ? and e.kind = 'CALL_INVITATION' and e.recipient = ?",
                String.class,
                reference,
                "lee@visitor.example");
        var link = Pattern.compile("https?://[^/\\s]+(/call/reschedule\\?t=[A-Za-z0-9_.-]+)")
                .matcher(Objects.requireNonNull(invitation));
        assertThat(link.find()).as(invitation).isTrue();
        open(link.group(1));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Reschedule your call")))
                .isVisible();
        assertThat(page.getByText(Pattern.compile("Your call with Ana Souza is booked for .*America/New_York")))
                .isVisible();
        screenshot("reschedule");
        pickTheSecondDay();
        page.locator(".sd-slot-times vaadin-button").nth(3).click();
        assertThat(page.locator(".sd-booked")).containsText("Your call is moved to");
        assertThat(jdbc.queryForObject(
                        "select sequence from booked_call c join lead l on l.id = c.lead_id where l.reference = ?",
                        Integer.class,
                        reference))
                .isEqualTo(1);

        signInAfterTheOther("ana");
        open("/leads/" + reference);
        assertThat(page.getByText("Booked call", new Page.GetByTextOptions().setExact(true)))
                .isVisible();
        assertThat(page.getByText(Pattern.compile("with Ana Souza \\(the visitor's time: .*America/New_York\\)")))
                .isVisible();
        assertThat(page.getByText(Pattern.compile("Call booked for .* with Ana Souza"))
                        .first())
                .isVisible();
        screenshot("lead-with-booked-call");

        // the dashboard before the call: the lead is within its deadline, so nothing is decided yet
        var inTime = page.locator(".sd-kpi", new Page.LocatorOptions().setHasText("Answered within the deadline"));
        open("/dashboard");
        assertThat(inTime.locator(".sd-kpi-value")).hasText("—");
        assertThat(inTime.locator(".sd-kpi-note")).containsText(Pattern.compile("\\b0 of 0 leads?\\b"));

        // Today lists the call in Ana's zone (Berlin) beside the visitor's; she logs it with one click
        open("/today");
        var calls = page.locator("#today-calls");
        var call = calls.locator(".sd-today-item", new Locator.LocatorOptions().setHasText(reference));
        assertThat(call).containsText("Lee Visitor");
        assertThat(call).containsText(Pattern.compile("Call .*\\d{2}:\\d{2} CES?T–\\d{2}:\\d{2}"));
        assertThat(call).containsText(Pattern.compile("the visitor's time .* E[SD]T"));
        page.setViewportSize(1366, 768);
        screenshot("today-with-call-1366");
        page.setViewportSize(390, 844);
        screenshot("today-with-call-390");
        page.setViewportSize(1366, 900);
        assertNoSeriousAccessibilityViolations();
        call.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(Pattern.compile("^Log call")))
                .click();
        assertThat(call).containsText("Call logged");
        // answered now, before its deadline (checked a second way, in the database)
        assertThat(jdbc.queryForObject(
                        "select count(*) from lead where reference = ? and first_response_at <= response_due_at",
                        Integer.class,
                        reference))
                .isEqualTo(1);

        open("/dashboard");
        assertThat(inTime.locator(".sd-kpi-value")).hasText("100 %");
        assertThat(inTime.locator(".sd-kpi-note")).containsText(Pattern.compile("\\b1 of 1 leads?\\b"));
        screenshot("dashboard-after-the-call");

        // Ana's call hours: Monday to Friday from 09:00 to 17:00 in Berlin; she stops taking calls on Fridays
        open("/account/call-hours");
        assertThat(page.locator("vaadin-checkbox", new Page.LocatorOptions().setHasText("Monday")))
                .hasAttribute("checked", "");
        assertThat(page.locator("vaadin-combo-box input").first()).hasValue("Europe/Berlin");
        screenshot("call-hours");
        page.locator("vaadin-checkbox", new Page.LocatorOptions().setHasText("Friday"))
                .click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save call hours"))
                .click();
        assertThat(page.getByText("Call hours saved")).isVisible();
        assertThat(jdbc.queryForObject("select count(*) from call_hours where staff_id = ?", Integer.class, anaId))
                .isEqualTo(4);

        managerFindsTheConfirmationAndTheAlertInTheMailLog(reference);
    }

    private void managerFindsTheConfirmationAndTheAlertInTheMailLog(String reference) {
        signInAfterTheOther("maria");
        // the visitor's confirmation and the rep's alert have left the outbox
        await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> jdbc.queryForObject(
                                "select count(*) from outbound_email e join lead l on l.id = e.lead_id"
                                        + " where l.reference = ? and e.status = 'SENT'"
                                        + " and e.kind in ('VISITOR_CONFIRMATION', 'REP_ALERT')",
                                Integer.class,
                                reference),
                        sent -> sent == 2);
        open("/admin/mail-log");
        var confirmation = confirmationSubject(reference);
        var alert = "New lead " + reference + " assigned to you";
        assertThat(page.getByText(confirmation).first()).isVisible();
        assertThat(page.getByText(alert).first()).isVisible();
        // both rows on screen in the list, under the newer emails of the booking and not cut off by
        // the selected email's text below it (the list once shrank to one row)
        var list = page.locator("vaadin-grid").boundingBox();
        for (var row : List.of(confirmation, alert)) {
            var cell = page.locator("vaadin-grid-cell-content", new Page.LocatorOptions().setHasText(row))
                    .first()
                    .boundingBox();
            assertThat(cell.y + cell.height)
                    .as("bottom of the row \"%s\" within the list (%s px high)", row, list.height)
                    .isLessThanOrEqualTo(list.y + list.height);
        }
        if (!confirmation.equals(page.locator("h2").first().textContent())) {
            // clicking the selected row would deselect it: select the confirmation only if needed
            page.locator("vaadin-grid-cell-content", new Page.LocatorOptions().setHasText(confirmation))
                    .first()
                    .click();
        }
        assertThat(page.getByText(Pattern.compile("Ana Souza will contact you")).first())
                .isVisible();
        screenshot("mail-log");
    }

    /** Signs out whoever is signed in and signs in a member made by RoutingFixtures (their password). */
    private void signInAfterTheOther(String username) {
        context.clearCookies();
        open("/login");
        page.getByLabel("Username").fill(username);
        page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill("demo1234");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in"))
                .click();
        page.waitForURL(url -> !url.contains("/login"));
    }

    private static String confirmationSubject(String reference) {
        return "Your consultation request " + reference + " at Northwind Software";
    }

    /**
     * Shows the second day offered: a whole working day within the week (Today lists the coming
     * week's calls), whatever the hour the test runs at; the first may be today, half gone.
     */
    private void pickTheSecondDay() {
        var day = page.locator(".sd-slot-days vaadin-button").nth(1);
        day.click();
        assertThat(day).hasAttribute("aria-pressed", "true");
    }
}

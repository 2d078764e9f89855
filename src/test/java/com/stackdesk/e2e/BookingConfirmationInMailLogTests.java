package com.stackdesk.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.stackdesk.lead.StackLeaning;
import com.stackdesk.routing.RoutingFixtures;
import com.stackdesk.staff.Role;
import com.stackdesk.staff.internal.StaffMembers;
import java.time.Duration;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A visitor books a Go consultation in Chromium; a manager signs in and finds the visitor's
 * confirmation and the rep's "new lead" alert in the embedded SMTP server's mail log.
 */
@VisitorsSubmit
class BookingConfirmationInMailLogTests extends BrowserTest {

    @Autowired
    StaffMembers staffMembers;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theConfirmationOfABookingArrivesInTheMailLog() {
        RoutingFixtures.clean(jdbc);
        RoutingFixtures.staff(staffMembers, "ana", "Ana Souza", Role.SALES, false, StackLeaning.GO);
        RoutingFixtures.staff(staffMembers, "maria", "María García", Role.MANAGER, false);

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

        open("/login");
        page.getByLabel("Username").fill("maria");
        page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill("demo1234");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in"))
                .click();
        page.waitForURL(url -> !url.contains("/login"));

        // both emails (the visitor's confirmation and the rep's alert) have left the outbox
        await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> jdbc.queryForObject(
                                "select count(*) from outbound_email e join lead l on l.id = e.lead_id"
                                        + " where l.reference = ? and e.status = 'SENT'",
                                Integer.class,
                                reference),
                        sent -> sent == 2);
        open("/admin/mail-log");
        var confirmation = page.getByText("Your consultation request " + reference + " at Northwind Software");
        assertThat(confirmation.first()).isVisible();
        assertThat(page.getByText(Pattern.compile("New lead " + reference + " assigned to you"))
                        .first())
                .isVisible();
        // both rows on screen in the list, not cut off by the selected email's text below it
        var list = page.locator("vaadin-grid").boundingBox();
        for (var row : java.util.List.of(subject(reference), "New lead " + reference)) {
            var cell = page.locator("vaadin-grid-cell-content", new Page.LocatorOptions().setHasText(row))
                    .first()
                    .boundingBox();
            org.assertj.core.api.Assertions.assertThat(cell.y + cell.height)
                    .as("bottom of the row \"%s\" within the list (%s px high)", row, list.height)
                    .isLessThanOrEqualTo(list.y + list.height);
        }
        var subject = subject(reference);
        if (!subject.equals(page.locator("h2").first().textContent())) {
            // clicking the selected row would deselect it: select the confirmation only if needed
            page.locator("vaadin-grid-cell-content", new Page.LocatorOptions().setHasText(subject))
                    .first()
                    .click();
        }
        assertThat(page.getByText(Pattern.compile("Ana Souza will contact you")).first())
                .isVisible();
        screenshot("mail-log");
    }

    private static String subject(String reference) {
        return "Your consultation request " + reference + " at Northwind Software";
    }
}

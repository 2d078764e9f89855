package com.stackdesk.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.stackdesk.DemoData;
import com.stackdesk.lead.Lead;
import com.stackdesk.lead.LeadStatus;
import com.stackdesk.lead.internal.Leads;
import com.stackdesk.staff.internal.StaffMembers;
import java.util.Comparator;
import java.util.Objects;
import java.util.regex.Pattern;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A demo sales rep signs in, filters the grid, opens a lead and moves it on with a note. */
@DemoData
class SalesRepJourneyTests extends BrowserTest {

    @Autowired
    Leads leads;

    @Autowired
    StaffMembers staff;

    private Lead anasNewestNewLead() {
        long ana = staff.findByUsernameIgnoreCase("ana").orElseThrow().getId();
        return leads.findAll().stream()
                .filter(l -> Objects.equals(l.getAssigneeId(), ana) && l.getStatus() == LeadStatus.NEW)
                .max(Comparator.comparing(Lead::getCreatedAt))
                .orElseThrow();
    }

    @Test
    void aRepFiltersTheGridOpensALeadAndMovesItToContactedWithANote() {
        var lead = anasNewestNewLead();
        signIn("ana");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Dashboard")))
                .isVisible();
        screenshot("ws-dashboard-ana");

        page.getByRole(
                        AriaRole.LINK,
                        new Page.GetByRoleOptions().setName("Leads").setExact(true))
                .click();
        page.waitForURL(Pattern.compile(".*/leads$"));
        waitForVaadin();
        pickFromComboBox("Status", "New");
        page.getByRole(AriaRole.TEXTBOX, new Page.GetByRoleOptions().setName("Search"))
                .fill(lead.getEmail().substring(0, 6));
        // both filters applied (the search is typed last and applies after a pause): clicking a row of
        // the list before the search lands would race the grid's refresh
        page.waitForURL(Pattern.compile(".*/leads\\?(?=.*q=)(?=.*status=NEW).*"));
        waitForVaadin();
        // at least the lead we look for: never "0 leads"
        assertThat(page.locator("#lead-count")).hasText(Pattern.compile("^1 lead$|^[1-9][0-9]* leads$"));
        // the grid keeps a pool of row elements: one hidden from an earlier result may hold the same text
        assertThat(page.getByText(lead.getFullName()).filter(new Locator.FilterOptions().setVisible(true)))
                .isVisible();
        screenshot("ws-leads-ana-filtered");

        // the visible link: the grid's pool and the phone cards may hold one with the same name
        page.getByRole(
                        AriaRole.LINK,
                        new Page.GetByRoleOptions()
                                .setName("Open lead " + lead.getReference() + " of " + lead.getFullName()))
                .filter(new Locator.FilterOptions().setVisible(true))
                .first()
                .click();
        // the lead page keeps the list it came from
        page.waitForURL(Pattern.compile(".*/leads/" + lead.getReference() + "\\?.*status=NEW.*"));
        waitForVaadin();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(lead.getFullName())))
                .isVisible();

        // one composer: a logged call that moves the lead to Contacted in the same action
        assertThat(page.getByRole(AriaRole.CHECKBOX, new Page.GetByRoleOptions().setName("and move to Contacted")))
                .isChecked();
        page.getByRole(AriaRole.TEXTBOX, new Page.GetByRoleOptions().setName("What happened"))
                .fill("Called them, a call is booked for Tuesday");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log call"))
                .click();
        waitForVaadin();

        var timeline = page.locator(".sd-timeline");
        assertThat(timeline).containsText("Status New → Contacted");
        assertThat(timeline).containsText("Call: Called them, a call is booked for Tuesday");
        assertThat(timeline).containsText("Ana Souza");
        screenshot("ws-lead-detail-ana");
        var stored = leads.findByReference(lead.getReference()).orElseThrow();
        assertThat(stored.getStatus()).isEqualTo(LeadStatus.CONTACTED);
        assertThat(stored.getFirstResponseAt()).isNotNull();
    }

    @Autowired
    com.stackdesk.lead.LeadRegistration registration;

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    /** What the rep does, counted: each click, each key pressed on its own, each text typed (as one). */
    static final class Actions {
        int clicks;
        int keys;
        int texts;
        int typedCharacters;

        int total() {
            return clicks + keys + texts;
        }
    }

    @Test
    void aRepTriagesTenNewLeadsWithTheKeyboardInAtMostThreeActionsEach() throws Exception {
        long ana = staff.findByUsernameIgnoreCase("ana").orElseThrow().getId();
        var source = "triage-" + java.util.UUID.randomUUID().toString().substring(0, 6);
        // older than every demo lead, so the other journeys' newest-first lists do not change
        var start = java.time.Instant.now().minus(java.time.Duration.ofDays(400));
        var newestFirst = new java.util.ArrayList<String>();
        for (int i = 0; i < 10; i++) {
            var stored = com.stackdesk.lead.TestLeads.store(
                    registration,
                    com.stackdesk.lead.TestLeads.lead()
                            .name("Triage" + i, "Visitor")
                            .email("triage" + i + "@" + source + ".example")
                            .phone("+49 30 55501" + i)
                            .utmSource(source)
                            .build(),
                    start.plus(java.time.Duration.ofMinutes(i)));
            com.stackdesk.lead.TestAssignments.assign(stored, ana, "test");
            leads.save(stored);
            newestFirst.addFirst(stored.getReference());
        }
        signIn("ana");
        page.setViewportSize(1366, 768);

        // the rep's saved list: their new leads from one source, newest first
        var actions = new Actions();
        open("/leads?status=NEW&assignee=me&source=" + source);
        assertThat(page.locator("#lead-count")).hasText("10 leads");
        page.getByRole(
                        AriaRole.LINK,
                        new Page.GetByRoleOptions()
                                .setName("Open lead " + newestFirst.getFirst() + " of Triage9 Visitor"))
                .click();
        actions.clicks++;
        var composer = page.locator("vaadin-text-area.sd-entry-text textarea");
        for (int i = 0; i < newestFirst.size(); i++) {
            var reference = newestFirst.get(i);
            page.waitForURL(Pattern.compile(".*/leads/" + reference + "\\?.*"));
            waitForVaadin();
            assertThat(page.locator("h1")).containsText("Triage" + (9 - i));
            if (i == 0) {
                screenshot("triage-lead-1366");
                System.out.println("Triage journey: focus before ? is "
                        + page.evaluate("document.activeElement && document.activeElement.localName"));
                page.keyboard().press("?");
                assertThat(page.locator("vaadin-dialog[opened]")).hasCount(1);
                assertThat(page.locator("vaadin-dialog[opened] dd").first()).hasText("Next lead in the list");
                screenshot("triage-shortcuts-1366");
                page.keyboard().press("Escape");
                assertThat(page.locator("vaadin-dialog[opened]")).hasCount(0);
            }
            // c: log a call, "and move to Contacted" checked; the text has j, k, n, p and c in it,
            // which must not act as shortcuts while typed
            page.keyboard().press("c");
            actions.keys++;
            assertThat(composer).isFocused();
            assertThat(page.getByRole(AriaRole.CHECKBOX, new Page.GetByRoleOptions().setName("and move to Contacted")))
                    .isChecked();
            var text = "Called, no pick-up; back in June";
            page.keyboard().type(text);
            actions.texts++;
            actions.typedCharacters += text.length();
            // Ctrl+Enter: save, and open the next lead of the list
            page.keyboard().press("Control+Enter");
            actions.keys++;
        }
        assertThat(page.getByText("That is the end of this list.")).isVisible();

        for (var reference : newestFirst) {
            var stored = leads.findByReference(reference).orElseThrow();
            assertThat(stored.getStatus()).as(reference).isEqualTo(LeadStatus.CONTACTED);
            assertThat(stored.getFirstResponseAt()).as(reference).isNotNull();
        }
        // the one click that opened the list's first lead is not any one lead's work
        double perLead = (actions.total() - 1) / (double) newestFirst.size();
        Assertions.assertThat(perLead).as("actions per lead").isLessThanOrEqualTo(3.0);

        // Enter saves a one-line entry; Shift+Enter makes a new line first
        page.keyboard().press("w");
        assertThat(composer).isFocused();
        page.keyboard().type("Prefers email");
        page.keyboard().press("Shift+Enter");
        page.keyboard().type("after 10:00");
        page.keyboard().press("Enter");
        assertThat(page.locator(".sd-timeline")).containsText("after 10:00");
        Assertions.assertThat(jdbc.queryForList(
                        "SELECT a.text FROM lead_activity a JOIN lead l ON l.id = a.lead_id"
                                + " WHERE l.reference = ? AND a.type = 'NOTE'",
                        String.class,
                        newestFirst.getLast()))
                .containsExactly("Prefers email\nafter 10:00");
        // back to the list, scrolled to the lead
        page.keyboard().press("Escape");
        page.keyboard().press("u");
        page.waitForURL(Pattern.compile(".*/leads\\?.*source=" + source + ".*"));
        assertThat(page.locator("#lead-count")).hasText("0 leads");

        var figures = String.format(
                java.util.Locale.ROOT,
                "leads=%d clicks=%d keys=%d texts=%d typed-characters=%d actions=%d"
                        + " actions-per-lead=%.1f (after the click that opens the first)%n",
                newestFirst.size(),
                actions.clicks,
                actions.keys,
                actions.texts,
                actions.typedCharacters,
                actions.total(),
                perLead);
        System.out.print("Triage journey: " + figures);
        java.nio.file.Files.createDirectories(java.nio.file.Path.of("target"));
        java.nio.file.Files.writeString(java.nio.file.Path.of("target", "triage-actions.txt"), figures);
    }

    @Test
    void aRepGetsNotFoundForTheStaffAdminPageAndForALeadThatIsNotThere() {
        signIn("ben");

        // the workspace is there, with its navigation: only the Staff link is missing
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Dashboard")))
                .isVisible();
        assertThat(page.getByRole(
                        AriaRole.LINK,
                        new Page.GetByRoleOptions().setName("My leads").setExact(true)))
                .isVisible();
        assertThat(page.getByRole(
                        AriaRole.LINK,
                        new Page.GetByRoleOptions().setName("Staff").setExact(true)))
                .hasCount(0);
        open("/admin/staff");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Page not found")))
                .isVisible();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Staff")))
                .hasCount(0);

        // a lead that is not there, then an unknown address once signed out
        open("/leads/SD-XXXXXX");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Lead not found")))
                .isVisible();
        assertThat(page.getByRole(
                        AriaRole.LINK,
                        new Page.GetByRoleOptions().setName("All leads").setExact(true)))
                .isVisible();
        screenshot("not-found-lead-ben");

        context.clearCookies();
        open("/pricing");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Page not found")))
                .isVisible();
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Home page")))
                .isVisible();
        screenshot("not-found-public");
    }

    @Test
    void onAPhoneTheGridAndTheLeadPageStayUsable() {
        var lead = anasNewestNewLead();
        page.setViewportSize(390, 844);
        signIn("ana");

        // her own new leads, newest first: other classes on this cached context add leads of all reps
        open("/leads?assignee=me&status=new");
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Filters")))
                .isVisible();
        assertThat(page.getByRole(AriaRole.COMBOBOX, new Page.GetByRoleOptions().setName("Status")))
                .isHidden();
        // a card per lead instead of a squeezed grid
        assertThat(page.locator("vaadin-virtual-list.sd-cards")).containsText(lead.getFullName());
        assertThat(page.locator("vaadin-grid")).isHidden();
        Assertions.assertThat(page.evaluate("document.documentElement.scrollWidth"))
                .as("no sideways scrolling")
                .isEqualTo(390);
        screenshot("phone-leads-ana");

        open("/leads/" + lead.getReference());
        var work = page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Work on this lead"));
        var request = page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Request"));
        Assertions.assertThat(work.boundingBox().y)
                .as("Work on this lead above the request on a phone")
                .isLessThan(request.boundingBox().y);
        Assertions.assertThat(page.evaluate("document.documentElement.scrollWidth"))
                .as("no sideways scrolling")
                .isEqualTo(390);
        screenshot("phone-lead-ana");

        page.setViewportSize(1366, 768);
        open("/leads/" + lead.getReference());
        Assertions.assertThat(work.boundingBox().x)
                .as("Work on this lead in the right-hand column on a wide screen")
                .isGreaterThan(request.boundingBox().x);
        screenshot("wide-lead-ana");
        open("/leads");
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Columns")))
                .isVisible();
        assertThat(page.locator("vaadin-grid")).containsText(lead.getFullName());
        Assertions.assertThat(page.evaluate(
                        "(() => { const t = document.querySelector('vaadin-grid').shadowRoot.querySelector('#table');"
                                + " return t.scrollWidth - t.clientWidth; })()"))
                .as("the grid's default columns fit 1366 px without a sideways scroll")
                .isEqualTo(0);
        screenshot("wide-leads-ana");
    }
}

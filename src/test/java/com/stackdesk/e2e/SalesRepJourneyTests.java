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

    private void signIn(String username) {
        open("/login");
        page.getByLabel("Username").fill(username);
        page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill("stackdesk-demo");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in"))
                .click();
        page.waitForURL(Pattern.compile(".*/dashboard$"));
        waitForVaadin();
    }

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
        page.waitForURL(Pattern.compile(".*/leads\\?status=NEW.*|.*/leads\\?q=.*status=NEW.*"));
        waitForVaadin();
        // at least the lead we look for: never "0 leads"
        assertThat(page.locator("#lead-count")).hasText(Pattern.compile("^1 lead$|^[1-9][0-9]* leads$"));
        // the grid keeps a pool of row elements: one hidden from an earlier result may hold the same text
        assertThat(page.getByText(lead.getEmail()).filter(new Locator.FilterOptions().setVisible(true)))
                .isVisible();
        screenshot("ws-leads-ana-filtered");

        page.getByRole(
                        AriaRole.LINK,
                        new Page.GetByRoleOptions()
                                .setName("Open lead " + lead.getReference() + " of " + lead.getFullName()))
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

    @Test
    void aRepDoesNotGetTheStaffAdminPage() {
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
    }

    @Test
    void theWorkspacePagesHaveNoSeriousAccessibilityProblems() {
        signIn("maria");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Dashboard")))
                .isVisible();
        assertNoSeriousAccessibilityViolations();
        open("/leads");
        assertThat(page.locator("#lead-count")).hasText(Pattern.compile("^[1-9][0-9]* leads$"));
        assertNoSeriousAccessibilityViolations();
    }

    @Test
    void onAPhoneTheGridAndTheLeadPageStayUsable() {
        var lead = anasNewestNewLead();
        page.setViewportSize(390, 844);
        signIn("ana");

        open("/leads");
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("All columns")))
                .isVisible();
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Filters")))
                .isVisible();
        assertThat(page.getByRole(AriaRole.COMBOBOX, new Page.GetByRoleOptions().setName("Status")))
                .isHidden();
        assertThat(page.locator("vaadin-grid")).containsText(lead.getReference());
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
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("All columns")))
                .isHidden();
        screenshot("wide-leads-ana");
    }

    @Test
    void aLeadThatIsNotThereAndAnUnknownAddressShowANotFoundPage() {
        signIn("ana");
        open("/leads/SD-XXXXXX");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Lead not found")))
                .isVisible();
        assertThat(page.getByRole(
                        AriaRole.LINK,
                        new Page.GetByRoleOptions().setName("All leads").setExact(true)))
                .isVisible();
        screenshot("not-found-lead-ana");

        context.clearCookies();
        open("/pricing");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Page not found")))
                .isVisible();
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Home page")))
                .isVisible();
        screenshot("not-found-public");
    }
}

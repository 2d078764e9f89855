package com.stackdesk.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.stackdesk.lead.ContactMethod;
import com.stackdesk.lead.LeadKind;
import com.stackdesk.lead.ProjectType;
import com.stackdesk.lead.StackLeaning;
import com.stackdesk.lead.internal.Leads;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A visitor books a consultation and asks for a plan in a real browser. */
@VisitorsSubmit
class VisitorJourneyTests extends BrowserTest {

    @Autowired
    Leads leads;

    private Locator field(String label) {
        return page.getByLabel(label, new Page.GetByLabelOptions().setExact(true));
    }

    private String referenceOnThankYouPage() {
        page.waitForURL(Pattern.compile(".*/thank-you/SD-.*"));
        var reference = page.locator(".sd-reference");
        assertThat(reference).hasText(Pattern.compile("SD-[0-9A-Z]{6}"));
        assertThat(page.getByRole(
                        AriaRole.HEADING, new Page.GetByRoleOptions().setName("Thank you, your request is in")))
                .isVisible();
        return reference.textContent();
    }

    @Test
    void aVisitorFromTheNewsletterBooksAConsultation() {
        open("/book?utm_source=newsletter&utm_campaign=q4");
        var message = "Our Go API needs a review " + UUID.randomUUID();
        field("First name").fill("José");
        field("Last name").fill("Fernández");
        page.getByRole(AriaRole.TEXTBOX, new Page.GetByRoleOptions().setName("Email"))
                .fill("jose@fjord.example");
        field("Company (optional)").fill("Fjord Analytics");
        page.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName("Go").setExact(true))
                .check();
        page.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName("Phone call"))
                .check();
        field("What would you like to discuss?").fill(message);
        page.getByRole(AriaRole.CHECKBOX).check();
        screenshot("book-filled");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Book my consultation"))
                .click();

        var reference = referenceOnThankYouPage();
        screenshot("thank-you");
        var lead = leads.findByReference(reference).orElseThrow();
        assertThat(lead.getKind()).isEqualTo(LeadKind.CONSULTATION);
        assertThat(lead.getFirstName()).isEqualTo("José");
        assertThat(lead.getEmail()).isEqualTo("jose@fjord.example");
        assertThat(lead.getStack()).isEqualTo(StackLeaning.GO);
        assertThat(lead.getContactMethod()).isEqualTo(ContactMethod.PHONE);
        assertThat(lead.getMessage()).isEqualTo(message);
        assertThat(lead.getSource().utmSource()).isEqualTo("newsletter");
        assertThat(lead.getSource().utmCampaign()).isEqualTo("q4");
        assertThat(lead.getSource().landingPage()).isEqualTo("/book?utm_source=newsletter&utm_campaign=q4");
        assertThat(lead.getClientIp()).isNotBlank();
    }

    @Test
    void aVisitorWhoLandedOnTheHomePageAsksForADevelopmentPlan() {
        page.navigate(
                url("/?utm_source=linkedin&utm_medium=social"),
                new Page.NavigateOptions().setReferer("https://www.linkedin.example/feed/"));
        waitForVaadin();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Get a Custom Development Plan"))
                .click();
        page.waitForURL(Pattern.compile(".*/plan"));
        waitForVaadin();
        var description = "A booking platform for clinics " + UUID.randomUUID();
        field("First name").fill("Zoë");
        field("Last name").fill("李");
        page.getByRole(AriaRole.TEXTBOX, new Page.GetByRoleOptions().setName("Email"))
                .fill("zoe@brightline.example");
        field("Company").fill("Brightline Health");
        page.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName("Python"))
                .check();
        choose("Project type", "Web application");
        choose("Budget range", "$50k – $150k");
        choose("Timeline", "Within 6 months");
        choose("Your team size", "11 – 50 people");
        field("What do you want built?").fill(description);
        page.getByRole(AriaRole.CHECKBOX).check();

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Request my plan"))
                .click();

        var lead = leads.findByReference(referenceOnThankYouPage()).orElseThrow();
        assertThat(lead.getKind()).isEqualTo(LeadKind.DEVELOPMENT_PLAN);
        assertThat(lead.getLastName()).isEqualTo("李");
        assertThat(lead.getProjectType()).isEqualTo(ProjectType.WEB_APPLICATION);
        assertThat(lead.getStack()).isEqualTo(StackLeaning.PYTHON);
        assertThat(lead.getMessage()).isEqualTo(description);
        assertThat(lead.getSource().utmSource()).isEqualTo("linkedin");
        assertThat(lead.getSource().landingPage())
                .startsWith("/?")
                .contains("utm_source=linkedin", "utm_medium=social");
    }

    @Test
    void aVisitorWhoSubmitsAnIncompleteFormSeesWhatToFixAndNothingIsStored() {
        long before = leads.count();
        open("/book");
        field("First name").fill("Ana");
        page.getByRole(AriaRole.TEXTBOX, new Page.GetByRoleOptions().setName("Email"))
                .fill("ana@example");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Book my consultation"))
                .click();

        assertThat(page.getByText("Please correct the highlighted fields.")).isVisible();
        assertThat(fieldError("Enter your last name")).isVisible();
        assertThat(fieldError("Enter an email address like name@company.com")).isVisible();
        assertThat(fieldError("We need your consent to contact you about this request"))
                .isVisible();
        screenshot("book-invalid");
        assertThat(page.url()).endsWith("/book");
        assertThat(leads.count()).isEqualTo(before);
    }

    /** A field's error message (Vaadin also repeats it in a live region for screen readers). */
    private Locator fieldError(String text) {
        return page.locator("[slot='error-message']", new Page.LocatorOptions().setHasText(text));
    }

    private void choose(String selectLabel, String option) {
        page.getByLabel(selectLabel).click();
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName(option))
                .click();
    }
}

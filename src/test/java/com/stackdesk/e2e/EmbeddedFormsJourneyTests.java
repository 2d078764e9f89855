package com.stackdesk.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.stackdesk.DemoData;
import com.stackdesk.analytics.FormAnalytics;
import com.stackdesk.lead.BudgetRange;
import com.stackdesk.lead.ContactMethod;
import com.stackdesk.lead.Lead;
import com.stackdesk.lead.LeadKind;
import com.stackdesk.lead.ProjectType;
import com.stackdesk.lead.StackLeaning;
import com.stackdesk.lead.TeamSize;
import com.stackdesk.lead.Timeline;
import com.stackdesk.lead.internal.Leads;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A visitor of the consultancy's site (the demo article) sends both kinds of request through the
 * forms embedded in it: with JavaScript (checked as they type, posted as JSON, thanked in place)
 * and without (a plain form post, the server's page with their answers when something is missing,
 * then the thank-you page). The rate limit is raised: every request here comes from 127.0.0.1.
 */
@DemoData
class EmbeddedFormsJourneyTests extends BrowserTest {

    static final String ARTICLE = "/demo/choosing-a-backend-stack";

    @Autowired
    Leads leads;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    FormAnalytics analytics;

    private Locator consultation() {
        return page.locator("form[data-stackdesk-form=CONSULTATION]");
    }

    private Locator plan() {
        return page.locator("form[data-stackdesk-form=DEVELOPMENT_PLAN]");
    }

    /** A label as a regular expression that Java and JavaScript read alike (no \\Q...\\E). */
    private static String literally(String label) {
        return label.replaceAll("[\\\\^$.|?*+()\\[\\]{}]", "\\\\$0");
    }

    /** A field by its label, which ends in " *" when required; never one of the radio chips. */
    private static Locator field(Locator form, String label) {
        return form.getByLabel(Pattern.compile("^" + literally(label) + "( \\*)?$"))
                .and(form.locator(":not([type=radio])"));
    }

    private static void choose(Locator form, String label) {
        // the chips hide the radio itself; a visitor clicks its label
        form.locator("label", new Locator.LocatorOptions().setHasText(Pattern.compile("^" + literally(label) + "$")))
                .click();
    }

    private Lead stored(String reference) {
        return leads.findByReference(reference).orElseThrow();
    }

    /**
     * The visitor took their time: the page's clock starts five minutes back, so the fill time the
     * script records (Date.now() when the form appeared) is that of a person, not of a test.
     */
    private void visitorTakesTheirTime() {
        page.clock().setFixedTime(Instant.now().minus(5, ChronoUnit.MINUTES).toEpochMilli());
    }

    /** The form analytics' counters of an embedded form from one source, over all weeks: views, starts, submissions. */
    /** The form's counts in the database, after writing what the app has counted so far (it does every 2 s). */
    private List<Long> counted(String form, String source) {
        analytics.flush();
        return jdbc.queryForObject(
                "select coalesce(sum(views), 0), coalesce(sum(starts), 0), coalesce(sum(submissions), 0)"
                        + " from form_counter where form = ? and source = ?",
                (rs, n) -> List.of(rs.getLong(1), rs.getLong(2), rs.getLong(3)),
                form,
                source);
    }

    private static List<Long> plus(List<Long> counts, long views, long starts, long submissions) {
        return List.of(counts.get(0) + views, counts.get(1) + starts, counts.get(2) + submissions);
    }

    @Test
    void withJavaScriptTheSidebarFormChecksAsTheVisitorTypesAndBooksAConsultation() {
        var before = counted("consultation", "newsletter");
        var planBefore = counted("development-plan", "newsletter");
        visitorTakesTheirTime();
        page.navigate(url(ARTICLE + "?utm_source=newsletter&utm_campaign=stacks"));
        var form = consultation();
        // both embedded forms report a view; nobody has touched a field yet
        await().atMost(Duration.ofSeconds(20))
                .until(() -> counted("consultation", "newsletter").equals(plus(before, 1, 0, 0)));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> counted("development-plan", "newsletter").equals(plus(planBefore, 1, 0, 0)));
        assertThat(form.locator("input[type=hidden][name=form]")).hasValue("consultation");
        // the stack assistant renders into the article's slot below the forms
        assertThat(page.locator("#stackdesk-assistant .sda-title")).hasText("Stack assistant");
        assertThat(page.locator("#stackdesk-assistant [role=log]"))
                .containsText("I can help you choose a backend stack");
        screenshot("embed-article-with-assistant");

        field(form, "Email").fill("jo@nowhere");
        field(form, "Email").blur();
        assertThat(form.locator("#sdc-email-error")).hasText("Enter an email address like name@company.com");
        assertThat(field(form, "Email")).hasAttribute("aria-invalid", "true");
        field(form, "Email").fill("jo@kowalski.example");
        assertThat(form.locator("#sdc-email-error")).isEmpty();

        form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Book my consultation"))
                .click();
        assertThat(form.locator("#sdc-firstName-error")).hasText("Enter your first name");
        assertThat(form.locator("#sdc-message-error")).hasText("Tell us briefly what you would like to discuss");
        assertThat(field(form, "First name")).isFocused();

        var message = "Is Go right for our event pipeline? " + UUID.randomUUID();
        field(form, "First name").fill("Jo");
        field(form, "Last name").fill("Kowalski");
        field(form, "Phone (optional)").fill("+48 22 123 45 67");
        choose(form, "Go");
        choose(form, "Phone call");
        field(form, "What would you like to discuss?").fill(message);
        form.getByRole(AriaRole.CHECKBOX).check();
        screenshot("embed-consultation-filled");
        form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Book my consultation"))
                .click();

        var reference = page.locator("#book .sdf-reference");
        assertThat(reference).hasText(Pattern.compile("SD-[0-9A-Z]{6}"));
        assertThat(page.locator("#book .sdf-thanks")).containsText("the way you asked");
        screenshot("embed-consultation-thanks");
        var lead = stored(reference.textContent());
        assertThat(lead.getKind()).isEqualTo(LeadKind.CONSULTATION);
        assertThat(lead.getMessage()).isEqualTo(message);
        assertThat(lead.getStack()).isEqualTo(StackLeaning.GO);
        assertThat(lead.getContactMethod()).isEqualTo(ContactMethod.PHONE);
        assertThat(lead.getPhone()).isEqualTo("+48 22 123 45 67");
        assertThat(lead.getSource().utmSource()).isEqualTo("newsletter");
        assertThat(lead.getSource().utmCampaign()).isEqualTo("stacks");
        assertThat(lead.getSource().landingPage())
                .isEqualTo(url(ARTICLE + "?utm_source=newsletter&utm_campaign=stacks"));
        assertThat(lead.isSuspectedSpam()).as(lead.getSpamReason()).isFalse();
        // one view, one start (however many fields were typed in), one submission; the plan form was only seen
        await().atMost(Duration.ofSeconds(20))
                .until(() -> counted("consultation", "newsletter").equals(plus(before, 1, 1, 1)));
        assertThat(counted("development-plan", "newsletter")).isEqualTo(plus(planBefore, 1, 0, 0));
    }

    @Test
    void withJavaScriptThePlanFormBelowTheArticleAsksForADevelopmentPlan() {
        visitorTakesTheirTime();
        page.navigate(url(ARTICLE));
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Get a Custom Development Plan"))
                .click();
        var form = plan();
        var description = "A marketplace for second-hand bikes " + UUID.randomUUID();
        field(form, "First name").fill("Amara");
        field(form, "Last name").fill("Okafor");
        field(form, "Email").fill("amara@velo.example");
        field(form, "Company").fill("Velo Market");
        choose(form, "Python");
        field(form, "Project type").selectOption("NEW_PRODUCT");
        field(form, "Budget range").selectOption("FROM_50K_TO_150K");
        field(form, "Timeline").selectOption("WITHIN_6_MONTHS");
        field(form, "Your team size").selectOption("FROM_2_TO_10");
        field(form, "What do you want built?").fill(description);
        form.getByRole(AriaRole.CHECKBOX).check();
        form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Request my plan"))
                .click();

        var reference = page.locator("#plan .sdf-reference");
        assertThat(reference).hasText(Pattern.compile("SD-[0-9A-Z]{6}"));
        assertThat(page.locator("#plan .sdf-thanks")).not().containsText("the way you asked");
        var lead = stored(reference.textContent());
        assertThat(lead.getKind()).isEqualTo(LeadKind.DEVELOPMENT_PLAN);
        assertThat(lead.getCompany()).isEqualTo("Velo Market");
        assertThat(lead.getMessage()).isEqualTo(description);
        assertThat(lead.getProjectType()).isEqualTo(ProjectType.NEW_PRODUCT);
        assertThat(lead.getBudget()).isEqualTo(BudgetRange.FROM_50K_TO_150K);
        assertThat(lead.getTimeline()).isEqualTo(Timeline.WITHIN_6_MONTHS);
        assertThat(lead.getTeamSize()).isEqualTo(TeamSize.FROM_2_TO_10);
        assertThat(lead.isSuspectedSpam()).as(lead.getSpamReason()).isFalse();
    }

    @Test
    void withoutJavaScriptBothFormsPostAndTheVisitorKeepsWhatTheyTyped() {
        context.close();
        context = browser()
                .newContext(new Browser.NewContextOptions()
                        .setJavaScriptEnabled(false)
                        .setViewportSize(390, 844));
        page = context.newPage();

        page.navigate(url(ARTICLE));
        var form = consultation();
        field(form, "First name").fill("Noor");
        field(form, "Last name").fill("Haddad");
        field(form, "Email").fill("noor@haddad.example");
        choose(form, "Java");
        form.getByRole(AriaRole.CHECKBOX).check();
        form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Book my consultation"))
                .click();

        // the server's page: the message beside the field, and nothing lost
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("Tell us briefly what you would like to discuss");
        form = consultation();
        assertThat(field(form, "First name")).hasValue("Noor");
        assertThat(field(form, "Email")).hasValue("noor@haddad.example");
        assertThat(form.getByRole(AriaRole.RADIO, new Locator.GetByRoleOptions().setName("Java")))
                .isChecked();
        assertThat(form.getByRole(AriaRole.CHECKBOX)).isChecked();
        screenshot("embed-no-js-correct-me");
        var message = "We run Spring Boot 2 and want to move " + UUID.randomUUID();
        field(form, "What would you like to discuss?").fill(message);
        form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Book my consultation"))
                .click();

        page.waitForURL(Pattern.compile(".*/embed/thank-you/SD-[0-9A-Z]{6}\\?kind=CONSULTATION"));
        var consultationLead = stored(page.locator(".sdf-reference").textContent());
        assertThat(consultationLead.getMessage()).isEqualTo(message);
        assertThat(consultationLead.getStack()).isEqualTo(StackLeaning.JAVA);
        assertThat(consultationLead.getContactMethod())
                .as("the form's preselected choice")
                .isEqualTo(ContactMethod.VIDEO_CALL);
        assertThat(consultationLead.getSource().referrer()).contains(ARTICLE);
        screenshot("embed-no-js-thank-you");

        page.navigate(url(ARTICLE));
        form = plan();
        var description = "An API for our dispatch app " + UUID.randomUUID();
        field(form, "First name").fill("Lars");
        field(form, "Last name").fill("Berg");
        field(form, "Email").fill("lars@berg.example");
        field(form, "Company").fill("Berg Logistics");
        choose(form, "Not sure yet");
        field(form, "Project type").selectOption("API_BACKEND");
        field(form, "Budget range").selectOption("UNDECIDED");
        field(form, "Timeline").selectOption("ASAP");
        field(form, "Your team size").selectOption("FROM_11_TO_50");
        field(form, "What do you want built?").fill(description);
        form.getByRole(AriaRole.CHECKBOX).check();
        form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Request my plan"))
                .click();

        page.waitForURL(Pattern.compile(".*/embed/thank-you/SD-[0-9A-Z]{6}\\?kind=DEVELOPMENT_PLAN"));
        assertThat(page.locator("main")).not().containsText("the way you asked");
        var planLead = stored(page.locator(".sdf-reference").textContent());
        assertThat(planLead.getKind()).isEqualTo(LeadKind.DEVELOPMENT_PLAN);
        assertThat(planLead.getMessage()).isEqualTo(description);
        assertThat(planLead.getTeamSize()).isEqualTo(TeamSize.FROM_11_TO_50);
    }
}

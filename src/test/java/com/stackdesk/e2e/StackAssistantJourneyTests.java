package com.stackdesk.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.stackdesk.DemoData;
import com.stackdesk.lead.StackLeaning;
import com.stackdesk.lead.internal.Leads;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A visitor talks to the stack assistant embedded on a page with the snippet of the README ({@code
 * /demo/assistant}): each of the three paths ends as it should, with the texts of the shipped
 * rules file and rate card, and the rep finds the assistant's answers on the lead page.
 */
@DemoData
class StackAssistantJourneyTests extends BrowserTest {

    @Autowired
    Leads leads;

    private Locator button(String name) {
        return page.getByRole(
                AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    private Locator conversation() {
        return page.getByRole(AriaRole.LOG);
    }

    private void openAssistant(int width) {
        page.setViewportSize(width, 900);
        page.navigate(url("/demo/assistant?utm_source=article"));
        assertThat(button("Which backend stack fits us?")).isVisible();
    }

    /** languages Go, hiring Go, many concurrent connections, existing Node.js: Go 8, Node.js 4 points. */
    private void exploreAsAGoTeam() {
        button("Which backend stack fits us?").click();
        page.getByLabel("Go", new Page.GetByLabelOptions().setExact(true)).check();
        button("Continue").click();
        button("Go").click();
        page.getByLabel("Many concurrent connections (APIs, chat, streaming)").check();
        button("Continue").click();
        button("Node.js / JavaScript").click();
        assertThat(conversation()).containsText("I recommend Go, with Node.js as the runner-up.");
    }

    /** By keyboard, as the focus moves to each new question's first answer: a small API, flexible, our whole team. */
    private void quoteASmallApiByKeyboard() {
        button("Get a quote").click();
        assertThat(button("An API or backend for an app")).isFocused();
        page.keyboard().press("Enter");
        assertThat(button("Up to 5")).isFocused();
        page.keyboard().press("Tab");
        page.keyboard().press("Enter"); // 6 to 15
        assertThat(button("None")).isFocused();
        page.keyboard().press("Tab");
        page.keyboard().press("Enter"); // 1 to 3
        page.keyboard().press("Enter"); // up to 1,000 users
        page.keyboard().press("Enter"); // we're flexible
        assertThat(button("Nobody, we need the whole team")).isFocused();
        page.keyboard().press("Enter");
        assertThat(conversation()).containsText("A rough estimate: 50–85k EUR, 1–2 months.");
    }

    @Test
    void quotingEndsWithTheRangeAndAssumptionsOfTheRateCard() {
        openAssistant(1366);

        quoteASmallApiByKeyboard();

        assertThat(page.locator(".sda-bot")
                        .filter(new Locator.FilterOptions().setHasText("A rough estimate"))
                        .locator("li")
                        .first())
                .hasText("About 85 developer days at 800 EUR a day");
        assertThat(conversation()).containsText("This is an estimate, not an offer or a promise.");
        screenshot("assistant-quote-1366");
    }

    @Test
    void exploringRecommendsAStackAndSchedulingACallIsPrefilledAndTheRepSeesTheAssistantsAnswers() {
        // the page's clock stands a minute back, so the form counts as filled in by a person, not a bot
        page.clock().setFixedTime(Instant.now().minus(Duration.ofMinutes(1)).toEpochMilli());
        openAssistant(375);
        assertThat(conversation()).hasAttribute("aria-live", "polite");

        // exploring ends with the recommendation and the reasons of the rules file
        exploreAsAGoTeam();
        var answer = page.locator(".sda-bot").filter(new Locator.FilterOptions().setHasText("I recommend"));
        assertThat(answer.locator("ul").first().locator("li")).hasText(new String[] {
            "many concurrent connections", "team knows Go", "Go developers are easy to hire where you are"
        });
        assertThat(answer.locator("ul").nth(1).locator("li"))
                .hasText(new String[] {"many concurrent connections", "fits your existing Node.js systems"});
        assertThat(button("Get a quote")).isFocused();
        screenshot("assistant-explore-375");
        assertNoSeriousAccessibilityViolations();

        quoteASmallApiByKeyboard();
        button("Schedule a call").click();

        var stack = page.getByLabel("Stack you lean toward");
        assertThat(stack).hasValue("GO");
        var message = page.getByLabel("What would you like to discuss?");
        assertThat(message)
                .hasValue("I used your stack assistant. Recommended: Go over Node.js — many concurrent connections,"
                        + " team knows Go. Estimate: 50–85k EUR, 1–2 months.");
        screenshot("assistant-schedule-375");
        var email = "ada." + UUID.randomUUID().toString().substring(0, 8) + "@assisted.example";
        page.getByLabel("First name").fill("Ada");
        page.getByLabel("Last name").fill("Assisted");
        page.getByLabel("Email").fill(email);
        page.getByRole(AriaRole.CHECKBOX).check();
        button("Request my call").click();

        assertThat(conversation()).containsText(Pattern.compile("your reference is SD-[0-9A-Z]{6}\\."));
        screenshot("assistant-thank-you-375");
        var lead = leads.findAll().stream()
                .filter(l -> l.getEmail().equals(email))
                .findFirst()
                .orElseThrow();
        assertThat(lead.isSuspectedSpam()).isFalse();
        assertThat(lead.getStack()).isEqualTo(StackLeaning.GO);
        assertThat(lead.getSource().utmSource()).isEqualTo("article");

        // the rep's side, in a browser of its own (a real clock)
        try (var staff =
                page.context().browser().newContext(new Browser.NewContextOptions().setViewportSize(1366, 900))) {
            page = staff.newPage();
            open("/login");
            page.getByLabel("Username").fill("maria");
            page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true))
                    .fill("stackdesk-demo");
            button("Log in").click();
            page.waitForURL(Pattern.compile(".*/dashboard$"));
            waitForVaadin();
            var forms = page.locator(".sd-forms");
            assertThat(forms.locator("table").first()).containsText("Stack assistant");
            assertThat(page.locator(".sd-kpis")).containsText("Form conversion");
            screenshot("dashboard-1366");
            forms.screenshot(new Locator.ScreenshotOptions()
                    .setPath(java.nio.file.Path.of("target", "screenshots", "dashboard-form-analytics-1366.png")));

            open("/leads/" + lead.getReference());
            var fields = page.locator(".sd-fields");
            assertThat(fields)
                    .containsText("recommended Go over Node.js — many concurrent connections, team knows Go;"
                            + " quote 50–85k EUR, 1–2 months");
            assertThat(fields)
                    .containsText("Team knows: Go; Easiest to hire: Go; Workload: Many concurrent connections (APIs,"
                            + " chat, streaming); Existing systems: Node.js / JavaScript; Project: An API or backend for"
                            + " an app");
            screenshot("lead-page-assistant-1366");
            page.setViewportSize(375, 800);
            open("/dashboard");
            page.locator(".sd-forms")
                    .screenshot(new Locator.ScreenshotOptions()
                            .setPath(java.nio.file.Path.of(
                                    "target", "screenshots", "dashboard-form-analytics-375.png")));
        }
    }
}

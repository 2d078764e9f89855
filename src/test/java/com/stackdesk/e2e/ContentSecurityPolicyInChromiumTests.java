package com.stackdesk.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.stackdesk.DemoData;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The pages render and work in Chromium under the Content-Security-Policy the app sends: no
 * violation is reported (neither as a {@code securitypolicyviolation} event nor in the console), no
 * script error, and the public form, the sign-in and the workspace behave as usual. The dashboard
 * and the leads grid also have no serious accessibility problem (axe-core).
 */
@DemoData
class ContentSecurityPolicyInChromiumTests extends BrowserTest {

    private final List<String> problems = new CopyOnWriteArrayList<>();

    @BeforeEach
    void listenForViolations() {
        context.addInitScript("document.addEventListener('securitypolicyviolation', e =>"
                + " (window.__cspViolations = window.__cspViolations || [])"
                + ".push(e.violatedDirective + ' blocked ' + e.blockedURI));");
        page.onConsoleMessage(message -> {
            if ("error".equals(message.type()) || message.text().contains("Content Security Policy")) {
                problems.add("console " + message.type() + ": " + message.text());
            }
        });
        page.onPageError(error -> problems.add("page error: " + error));
    }

    private Response openWithResponse(String path) {
        var response = page.navigate(url(path));
        waitForVaadin();
        return response;
    }

    private void assertNoViolations() {
        var reported = page.evaluate("() => window.__cspViolations || []");
        assertThat((List<?>) reported).as(page.url()).isEmpty();
        assertThat(problems).as(page.url()).isEmpty();
    }

    private static void assertProtected(Response response) {
        var headers = response.allHeaders();
        assertThat(headers.get("content-security-policy"))
                .contains("script-src 'self' 'unsafe-inline' 'unsafe-eval'")
                .contains("frame-ancestors 'self'");
        assertThat(headers.get("x-content-type-options")).isEqualTo("nosniff");
        assertThat(headers.get("referrer-policy")).isEqualTo("strict-origin-when-cross-origin");
    }

    @Test
    void aVisitorFillsInTheBookingFormUnderThePolicy() {
        assertProtected(openWithResponse("/book"));

        page.getByLabel("First name").fill("Csp");
        page.getByLabel("Last name").fill("Checker");
        page.getByRole(AriaRole.TEXTBOX, new Page.GetByRoleOptions().setName("Email"))
                .fill("csp@checker.example");
        assertThat(page.getByLabel("First name")).hasValue("Csp");

        assertNoViolations();
    }

    @Test
    void aManagerSignsInAndWorksTheGridUnderThePolicy() {
        assertProtected(openWithResponse("/login"));
        assertNoViolations();
        page.getByLabel("Username").fill("maria");
        page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill("stackdesk-demo");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in"))
                .click();
        page.waitForURL(Pattern.compile(".*/dashboard$"));
        waitForVaadin();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Dashboard")))
                .isVisible();
        assertNoViolations();
        assertNoSeriousAccessibilityViolations();

        var leads = openWithResponse("/leads");
        assertProtected(leads);
        assertThat(leads.allHeaders().get("cache-control")).contains("no-store");
        assertThat(page.locator("#lead-count")).hasText(Pattern.compile("^[1-9][0-9]* leads$"));
        assertNoSeriousAccessibilityViolations();
        pickFromComboBox("Status", "New");
        page.waitForURL(Pattern.compile(".*/leads\\?.*status=NEW.*"));
        waitForVaadin();
        assertThat(page.locator("#lead-count")).hasText(Pattern.compile("^[0-9]+ leads?$"));
        screenshot("csp-leads-maria");

        assertNoViolations();
    }

    @Test
    void theApiDescriptionPageRendersUnderThePolicy() {
        var response = page.navigate(url("/swagger-ui/index.html"));
        assertProtected(response);
        // springdoc builds the description on its first request: on a busy machine that takes a while
        assertThat(page.locator(".swagger-ui .info .title"))
                .isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(60_000));

        assertNoViolations();
    }
}

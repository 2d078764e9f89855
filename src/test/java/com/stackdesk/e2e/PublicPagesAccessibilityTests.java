package com.stackdesk.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.LoadState;
import com.stackdesk.DemoData;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * axe-core finds no serious or critical violation on the public pages; each has one main landmark
 * and a title. The demo site's article with the embedded forms, and the plain pages around them,
 * have no violation at all. In the demo run, as the article exists only there.
 */
@DemoData
class PublicPagesAccessibilityTests extends BrowserTest {

    @ParameterizedTest
    @ValueSource(strings = {"/demo/choosing-a-backend-stack", "/embed/consultation", "/embed/thank-you/SD-7K3Q9M"})
    void theEmbeddedFormsAndTheirPagesHaveNoAccessibilityViolationAtAll(String path) {
        page.navigate(url(path));
        page.waitForLoadState(LoadState.NETWORKIDLE);

        assertThat(page.getByRole(AriaRole.MAIN)).hasCount(1);
        assertThat(page.locator("meta[name=description]").getAttribute("content"))
                .isNotBlank();
        assertThat(page.locator("html").getAttribute("lang")).isEqualTo("en");
        var violations = new AxeBuilder(page)
                .withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"))
                .analyze()
                .getViolations();
        assertThat(violations)
                .as(() -> path + ": "
                        + violations.stream()
                                .map(v -> v.getId() + " "
                                        + v.getNodes().stream()
                                                .map(n -> String.valueOf(n.getTarget()))
                                                .toList())
                                .toList())
                .isEmpty();
    }

    @ParameterizedTest
    @ValueSource(ints = {375, 390, 1366})
    void theDemoArticleFitsEveryScreen(int width) {
        page.setViewportSize(width, 900);
        page.navigate(url("/demo/choosing-a-backend-stack"));

        var overflow = (Integer)
                page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        assertThat(overflow).isLessThanOrEqualTo(0);
        screenshot("demo-article-" + width);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/book", "/plan"})
    void theServersHtmlCarriesTitleDescriptionAndTheFrameBeforeVaadinStarts(String path) {
        var html = page.request().get(url(path)).text();
        var document = org.jsoup.Jsoup.parse(html);

        assertThat(document.title()).isNotBlank();
        assertThat(document.select("meta[name=description]").attr("content")).hasSizeGreaterThan(50);
        assertThat(document.select(".sd-prerender h1").text()).isNotBlank();

        open(path);
        assertThat(page.locator(".sd-prerender")).isHidden();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText(document.select(".sd-prerender h1").text());
    }

    @org.junit.jupiter.api.Test
    void robotsTxtKeepsTheWorkspaceOutOfSearchEngines() {
        var robots = page.request().get(url("/robots.txt"));

        assertThat(robots.status()).isEqualTo(200);
        assertThat(robots.text())
                .contains("User-agent: *")
                .contains("Disallow: /login")
                .contains("Disallow: /leads")
                .contains("Disallow: /admin/")
                .doesNotContain("Disallow: /book")
                .doesNotContain("Disallow: /demo");
    }

    @org.junit.jupiter.api.Test
    void thePhoneFieldIsATelephoneInputAndTheConsentLinksThePrivacyPolicy() {
        open("/book");

        page.waitForFunction("() => document.querySelector('input[autocomplete=tel]').type === 'tel'");
        assertThat(page.locator("input[autocomplete=tel]")).hasAttribute("inputmode", "tel");
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Privacy policy")))
                .hasAttribute("href", "/demo/privacy");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/book", "/plan", "/thank-you/SD-7K3Q9M"})
    void hasNoSeriousAccessibilityViolations(String path) {
        open(path);

        assertThat(page.getByRole(AriaRole.MAIN)).hasCount(1);
        assertThat(page.title()).isNotBlank();
        assertThat(page.locator("html").getAttribute("lang")).isEqualTo("en");
        assertNoSeriousAccessibilityViolations();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/book", "/plan"})
    void fitsAPhoneScreenWithoutSidewaysScrolling(String path) {
        page.setViewportSize(375, 812);
        open(path);

        var overflow = (Integer)
                page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        assertThat(overflow).isLessThanOrEqualTo(0);
        screenshot("phone" + path.replace('/', '-'));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/book", "/plan"})
    void theFormCanBeWalkedWithTheKeyboardAndNeverFocusesTheHoneypot(String path) {
        open(path);
        page.getByLabel("First name").focus();
        var visited = new java.util.ArrayList<String>();
        for (int i = 0; i < 40; i++) {
            page.keyboard().press("Tab");
            var focused = (String)
                    page.evaluate(
                            "() => { let e = document.activeElement;"
                                    + " while (e && e.shadowRoot && e.shadowRoot.activeElement) e = e.shadowRoot.activeElement;"
                                    + " const host = e.closest('vaadin-text-field, vaadin-email-field, vaadin-text-area, vaadin-button,"
                                    + " vaadin-checkbox, vaadin-radio-button, vaadin-combo-box, vaadin-date-time-picker, a') || e;"
                                    + " return host.tagName.toLowerCase() + '|' + (host.className || '') + '|' + (host.textContent || '').trim().slice(0, 40); }");
            visited.add(focused);
        }

        assertThat(visited).noneMatch(f -> f.contains("sd-hp"));
        assertThat(visited).anyMatch(f -> f.startsWith("vaadin-email-field"));
        assertThat(visited).anyMatch(f -> f.startsWith("vaadin-checkbox"));
        assertThat(visited).anyMatch(f -> f.startsWith("vaadin-button") && f.contains("my "));
    }
}

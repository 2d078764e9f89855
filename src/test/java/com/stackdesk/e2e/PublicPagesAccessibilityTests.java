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

        if (path.startsWith("/demo/")) {
            // the article, with the assistant and the forms it embeds, at a phone's widths and a laptop's
            page.locator("#stackdesk-assistant .sda-title").waitFor();
            for (int width : new int[] {375, 390, 1366}) {
                page.setViewportSize(width, 900);
                assertThat(sidewaysOverflow()).as("overflow at %d px", width).isLessThanOrEqualTo(0);
                screenshot("demo-article-" + width);
            }
        }
    }

    /**
     * Each public page, loaded once: the server's HTML carries the title, description and frame before
     * Vaadin starts, and Vaadin's page replaces the frame with the same heading; one main landmark, a
     * title, the language; no serious axe violation; the form walked with the keyboard; then at a
     * phone's width, no sideways scrolling.
     */
    @ParameterizedTest
    @ValueSource(strings = {"/", "/book", "/plan"})
    void aPublicPageIsReadableBeforeVaadinStartsAccessibleAndFitsAPhone(String path) {
        var html = page.request().get(url(path)).text();
        var document = org.jsoup.Jsoup.parse(html);
        assertThat(document.title()).isNotBlank();
        assertThat(document.select("meta[name=description]").attr("content")).hasSizeGreaterThan(50);
        assertThat(document.select(".sd-prerender h1").text()).isNotBlank();

        open(path);
        assertThat(page.locator(".sd-prerender")).isHidden();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText(document.select(".sd-prerender h1").text());
        assertThat(page.getByRole(AriaRole.MAIN)).hasCount(1);
        assertThat(page.title()).isNotBlank();
        assertThat(page.locator("html").getAttribute("lang")).isEqualTo("en");
        assertNoSeriousAccessibilityViolations();

        if (!path.equals("/")) {
            theFormCanBeWalkedWithTheKeyboardAndNeverFocusesTheHoneypot();
        }
        if (path.equals("/book")) {
            page.waitForFunction("() => document.querySelector('input[autocomplete=tel]').type === 'tel'");
            assertThat(page.locator("input[autocomplete=tel]")).hasAttribute("inputmode", "tel");
            assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Privacy policy")))
                    .hasAttribute("href", "/demo/privacy");
        }

        // the public views lay themselves out in CSS alone: a narrower window is a phone's screen
        page.setViewportSize(375, 812);
        waitForVaadin();
        assertThat(sidewaysOverflow()).as("overflow on a phone").isLessThanOrEqualTo(0);
        screenshot("phone" + path.replace('/', '-'));
    }

    @org.junit.jupiter.api.Test
    void theThankYouPageHasNoSeriousAccessibilityViolations() {
        open("/thank-you/SD-7K3Q9M");

        assertThat(page.getByRole(AriaRole.MAIN)).hasCount(1);
        assertThat(page.title()).isNotBlank();
        assertThat(page.locator("html").getAttribute("lang")).isEqualTo("en");
        assertNoSeriousAccessibilityViolations();
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

    /** How far the page scrolls sideways, measured after the browser has laid out and painted twice. */
    private int sidewaysOverflow() {
        page.evaluate("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))");
        return (Integer)
                page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
    }

    private void theFormCanBeWalkedWithTheKeyboardAndNeverFocusesTheHoneypot() {
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

        assertThat(visited).as("focused by Tab").noneMatch(f -> f.contains("sd-hp"));
        assertThat(visited).anyMatch(f -> f.startsWith("vaadin-email-field"));
        assertThat(visited).anyMatch(f -> f.startsWith("vaadin-checkbox"));
        assertThat(visited).anyMatch(f -> f.startsWith("vaadin-button") && f.contains("my "));
    }
}

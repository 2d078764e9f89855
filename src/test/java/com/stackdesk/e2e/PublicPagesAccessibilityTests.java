package com.stackdesk.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** axe-core finds no serious or critical violation on the public pages; each has one main landmark and a title. */
class PublicPagesAccessibilityTests extends BrowserTest {

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

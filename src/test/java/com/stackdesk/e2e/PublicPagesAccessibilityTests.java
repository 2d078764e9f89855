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
}

package com.stackdesk.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.stackdesk.DemoData;
import com.stackdesk.export.CsvRows;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** A manager filters the leads grid, clicks Export and gets exactly the grid's rows as CSV. */
@DemoData
class ExportJourneyTests extends BrowserTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theDownloadedFileHoldsTheRowsOfTheFilteredGrid() throws Exception {
        open("/login");
        page.getByLabel("Username").fill("maria");
        page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill("stackdesk-demo");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in"))
                .click();
        page.waitForURL(Pattern.compile(".*/dashboard$"));
        open("/leads?stack=GO");
        var count = page.locator("#lead-count");
        assertThat(count).hasText(Pattern.compile("^[0-9]+ leads?$"));
        int shown = Integer.parseInt(count.textContent().replaceAll("[^0-9]", ""));
        assertThat(shown).isGreaterThan(1);

        var download = page.waitForDownload(
                () -> page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Export CSV"))
                        .click());

        assertThat(download.suggestedFilename()).matches("stackdesk-leads-\\d{4}-\\d{2}-\\d{2}\\.csv");
        var bytes = Files.readAllBytes(download.path());
        assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
        var text = new String(bytes, StandardCharsets.UTF_8).substring(1);
        var records = CsvRows.parse(text);
        assertThat(records).hasSize(shown).allSatisfy(r -> assertThat(r.get("stack"))
                .isEqualTo("Go"));
        assertThat(text).contains("José").contains("Fernández");
        // the export is over once its log entry is complete; its notification was pushed with
        // UI.access and (without @Push) reaches the browser on the next round trip, so ask for one
        // until it is there
        await().atMost(Duration.ofSeconds(20))
                .until(
                        () -> jdbc.queryForObject(
                                "select count(*) from export_log where actor = 'maria' and channel = 'workspace'"
                                        + " and completed and row_count = ?",
                                Integer.class,
                                shown),
                        logged -> logged == 1);
        var finished = page.getByText("Export finished: " + shown + " leads");
        await().atMost(Duration.ofSeconds(20))
                .pollInSameThread()
                .pollInterval(Duration.ofMillis(250))
                .until(() -> {
                    page.evaluate("() => Object.values(window.Vaadin.Flow.clients)"
                            + ".forEach(c => c.poll && !c.isActive() && c.poll())");
                    return finished.isVisible();
                });
        assertThat(finished).isVisible();
        screenshot("ws-leads-export");
    }
}

package com.stackdesk.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import com.stackdesk.IntegrationTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * End-to-end tests: the whole app on a random port, driven by Playwright in Debian's headless
 * Chromium shell (never a downloaded browser: the path comes from the {@code chromium.path} system
 * property that the pom sets, and PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD is on).
 */
@IntegrationTest(webEnvironment = WebEnvironment.RANDOM_PORT)
// Vaadin's prebuilt production bundle (unpacked by the pom, see "Suite time" in the README), as the
// production jar serves it: each fresh browser context would otherwise load the 14 MB development bundle.
// Every form is posted from 127.0.0.1, by classes that share a context: no test here is about the
// rate limit (IntakeApiRateLimitTests is), so it is out of their way.
@TestPropertySource(properties = {"vaadin.productionMode=true", "stackdesk.intake.rate-limit.submissions=1000"})
@Tag("browser")
public abstract class BrowserTest {

    private static Playwright playwright;
    private static Browser browser;

    @LocalServerPort
    int port;

    protected BrowserContext context;
    protected Page page;

    /**
     * The Chromium of this test JVM: launched by the first browser test class and kept for the
     * others (each test still gets a fresh context: no cookies, storage or pages carry over), closed
     * when the JVM exits. Launching Playwright's driver and Chromium once per class cost seconds each.
     */
    @BeforeAll
    static synchronized void launchChromium() {
        if (browser != null && browser.isConnected()) {
            return;
        }
        if (playwright != null) {
            playwright.close();
        }
        var chromium = Paths.get(System.getProperty("chromium.path", "/usr/bin/chromium-headless-shell"));
        assertThat(Files.isExecutable(chromium))
                .as(
                        "Debian's Chromium at %s (apt-get install -y chromium-headless-shell, or -Dchromium.path="
                                + "/usr/bin/chromium for the full browser)",
                        chromium)
                .isTrue();
        playwright = Playwright.create(
                new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright
                .chromium()
                .launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(chromium)
                        .setHeadless(true)
                        .setArgs(List.of(
                                "--no-sandbox",
                                "--disable-gpu",
                                "--disable-quic",
                                "--no-first-run",
                                "--disable-background-networking",
                                "--disable-component-update",
                                "--disable-sync")));
        if (!shutdownHookAdded) {
            shutdownHookAdded = true;
            Runtime.getRuntime().addShutdownHook(new Thread(BrowserTest::closeChromium, "close-chromium"));
        }
    }

    private static boolean shutdownHookAdded;

    private static synchronized void closeChromium() {
        if (playwright != null) {
            playwright.close();
            playwright = null;
            browser = null;
        }
    }

    @BeforeEach
    void openPage() {
        context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900));
        context.setDefaultTimeout(20_000);
        page = context.newPage();
    }

    @AfterEach
    void closePage() {
        context.close();
    }

    /** The one Chromium, for a test that needs a context of its own (no JavaScript, another screen). */
    protected static Browser browser() {
        return browser;
    }

    protected String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** Signs in as one of the demo staff (demo password) and waits for the dashboard. */
    protected void signIn(String username) {
        open("/login");
        page.getByLabel("Username").fill(username);
        page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill("stackdesk-demo");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in"))
                .click();
        page.waitForURL(java.util.regex.Pattern.compile(".*/dashboard$"));
        waitForVaadin();
    }

    /** Opens a page and waits until Vaadin has rendered it and has no request in flight. */
    protected void open(String path) {
        page.navigate(url(path));
        waitForVaadin();
    }

    protected void waitForVaadin() {
        page.waitForFunction("() => window.Vaadin && window.Vaadin.Flow && window.Vaadin.Flow.clients"
                + " && Object.keys(window.Vaadin.Flow.clients).length > 0"
                + " && Object.values(window.Vaadin.Flow.clients).every(c => !c.isActive || !c.isActive())");
    }

    /** Picks an option of a combo box by their accessible names, as a user does: open it, type, click. */
    protected void pickFromComboBox(String comboBox, String option) {
        var box = page.getByRole(AriaRole.COMBOBOX, new Page.GetByRoleOptions().setName(comboBox));
        box.click();
        box.fill(option);
        page.getByRole(
                        AriaRole.OPTION,
                        new Page.GetByRoleOptions().setName(option).setExact(true))
                .click();
    }

    /** Runs axe-core on the current page and fails on any serious or critical violation. */
    protected void assertNoSeriousAccessibilityViolations() {
        var results = new AxeBuilder(page)
                .withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"))
                .analyze();
        List<Rule> serious = results.getViolations().stream()
                .filter(v -> "serious".equals(v.getImpact()) || "critical".equals(v.getImpact()))
                .toList();
        assertThat(serious)
                .as(() -> page.url() + " has accessibility violations:\n"
                        + serious.stream()
                                .map(v -> v.getImpact() + " " + v.getId() + ": " + v.getHelp() + " at "
                                        + v.getNodes().stream()
                                                .map(n -> String.valueOf(n.getTarget()))
                                                .collect(Collectors.joining(", ")))
                                .collect(Collectors.joining("\n")))
                .isEmpty();
    }

    /** Keeps a screenshot under target/screenshots for a person to look at. */
    protected void screenshot(String name) {
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(Path.of("target", "screenshots", name + ".png"))
                .setFullPage(true));
    }
}

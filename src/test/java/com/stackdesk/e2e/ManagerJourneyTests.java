package com.stackdesk.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.stackdesk.DemoData;
import com.stackdesk.lead.Lead;
import com.stackdesk.lead.LeadRegistration;
import com.stackdesk.lead.StackLeaning;
import com.stackdesk.lead.TestAssignments;
import com.stackdesk.lead.TestLeads;
import com.stackdesk.lead.internal.Leads;
import com.stackdesk.staff.internal.StaffMembers;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The manager's journey: María opens the dashboard and follows its figures to the leads behind
 * them, and finds a lead by its reference, a word of its company and its name typed without accents.
 */
@DemoData
class ManagerJourneyTests extends BrowserTest {

    private static final Pattern COUNT = Pattern.compile("^(\\d+) leads?$");
    private static final Pattern OPEN_LEAD = Pattern.compile("^Open lead (SD-[0-9A-Z]+) of ");

    @Autowired
    LeadRegistration registration;

    @Autowired
    Leads leads;

    @Autowired
    StaffMembers staff;

    @Autowired
    JdbcTemplate jdbc;

    /** A lead of the test's own, as the intake stores it (without routing), searchable once indexed. */
    private Lead store(String first, String last, String company, StackLeaning stack, String source, String spam) {
        var lead = TestLeads.store(
                registration,
                TestLeads.lead()
                        .name(first, last)
                        .email(first.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z]", "") + "."
                                + UUID.randomUUID().toString().substring(0, 6) + "@journey.example")
                        .company(company)
                        .stack(stack)
                        .utmSource(source)
                        .spamReason(spam)
                        .build(),
                Instant.now().minus(Duration.ofHours(3)));
        await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> jdbc.queryForObject(
                                "SELECT COUNT(*) FROM lead_search_pending WHERE lead_id = ?", Long.class, lead.getId()),
                        pending -> pending == 0);
        return lead;
    }

    /** The grid's search ({@code q}) in a URL, decoded, or null. */
    private static String queryOf(String url) {
        var matcher = Pattern.compile("[?&]q=([^&#]*)").matcher(url);
        return matcher.find()
                ? java.net.URLDecoder.decode(matcher.group(1), java.nio.charset.StandardCharsets.UTF_8)
                : null;
    }

    /** What the grid's count line says, as a number. */
    private long gridCount() {
        var count = page.locator("#lead-count");
        assertThat(count).hasText(COUNT);
        var matcher = COUNT.matcher(count.textContent().strip());
        Assertions.assertThat(matcher.matches()).isTrue();
        return Long.parseLong(matcher.group(1));
    }

    /** The references of every row of the grid, scrolling it from top to bottom. */
    private Set<String> referencesInTheGrid() {
        var references = new TreeSet<String>();
        page.evaluate("() => document.querySelector('vaadin-grid').shadowRoot.querySelector('#table').scrollTop = 0");
        for (int screen = 0; screen < 50; screen++) {
            page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))");
            @SuppressWarnings("unchecked")
            var labels = (List<String>) page.locator("vaadin-grid a[aria-label^='Open lead']")
                    .evaluateAll("links => links.map(a => a.getAttribute('aria-label'))");
            for (var label : labels) {
                var matcher = OPEN_LEAD.matcher(label);
                if (matcher.find()) {
                    references.add(matcher.group(1));
                }
            }
            boolean atTheEnd = (Boolean) page.evaluate("() => { const t = document.querySelector('vaadin-grid')"
                    + ".shadowRoot.querySelector('#table'); const end = t.scrollTop + t.clientHeight >= t.scrollHeight - 1;"
                    + " t.scrollTop += t.clientHeight; return end; }");
            if (atTheEnd) {
                break;
            }
        }
        return references;
    }

    /**
     * Follows a link as the browser does with the dashboard's own links: through Vaadin's router,
     * in the same page (a full page load per link would take most of the test's time).
     */
    private void follow(String href) {
        var before = page.url();
        page.evaluate(
                "href => { const a = document.createElement('a'); a.href = href; a.setAttribute('router-link', '');"
                        + " document.body.appendChild(a); a.click(); a.remove(); }",
                href);
        page.waitForURL(url -> !url.equals(before));
        waitForVaadin();
    }

    /** One figure link of the dashboard: where it goes, the figure it stands for, and where it sits. */
    record FigureLink(String href, long count, String text, boolean lostReason, String kind) {}

    @SuppressWarnings("unchecked")
    private List<FigureLink> figureLinks() {
        var found = (List<Map<String, Object>>)
                page.evaluate(
                        "() => [...document.querySelectorAll('main a[data-count]')].map(a => ({"
                                + " href: a.getAttribute('href'), count: a.getAttribute('data-count'),"
                                + " text: (a.textContent || '').trim(), lost: !!a.closest('#lost-reasons'),"
                                + " kind: a.closest('.sd-kpi') ? 'key figure' : a.closest('svg.sd-week-chart') ? 'week column'"
                                + " : a.closest('.sd-rep-table') ? 'rep table cell' : a.closest('.sd-bar-row') ? 'bar' : 'other' }))");
        return found.stream()
                .map(m -> new FigureLink(
                        (String) m.get("href"),
                        Long.parseLong((String) m.get("count")),
                        (String) m.get("text"),
                        (Boolean) m.get("lost"),
                        (String) m.get("kind")))
                .toList();
    }

    @Test
    void aManagerFollowsShowThemAndEachKindOfDashboardFigureToExactlyTheLeadsItCounts() {
        long ben = staff.findByUsernameIgnoreCase("ben").orElseThrow().getId();
        var source = "journey-" + UUID.randomUUID().toString().substring(0, 6);
        var waiting = new ArrayList<String>();
        waiting.add(store("Ingrid", "Halvorsen", "Nordlys Media", StackLeaning.GO, source, null)
                .getReference());
        waiting.add(store("Tomás", "Quintero", "Quintero Bau", StackLeaning.JAVA, source, null)
                .getReference());
        // not behind "Unassigned open leads": one has an owner, one is suspected spam
        var owned = store("Petra", "Lindqvist", "Lindqvist AB", StackLeaning.GO, source, null);
        TestAssignments.assign(owned, ben, "test");
        leads.save(owned);
        var spam = store("Buy", "Now", "Cheap Links", StackLeaning.GO, source, "honeypot filled");

        // the second path to the same leads: plain SQL over the lead table
        var expected = new TreeSet<>(jdbc.queryForList(
                "SELECT reference FROM lead WHERE assignee_id IS NULL AND suspected_spam = FALSE"
                        + " AND status IN ('NEW', 'CONTACTED', 'QUALIFIED', 'PROPOSAL')",
                String.class));
        Assertions.assertThat(expected).containsAll(waiting).doesNotContain(owned.getReference(), spam.getReference());

        signIn("maria");
        page.setViewportSize(1366, 900);
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Dashboard")))
                .isVisible();
        var unassigned = page.getByRole(
                AriaRole.GROUP, new Page.GetByRoleOptions().setName(Pattern.compile("^Unassigned open leads: ")));
        var figure = unassigned.locator(".sd-kpi-value");
        assertThat(figure).hasText(String.valueOf(expected.size()));
        var showThem = unassigned.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Show them"));
        Assertions.assertThat(showThem.getAttribute("data-count")).isEqualTo(String.valueOf(expected.size()));

        showThem.click();
        // exactly these two filters, in whatever order the grid writes them
        page.waitForURL(url -> url.contains("/leads?")
                && Set.of(url.substring(url.indexOf('?') + 1).split("&"))
                        .equals(Set.of("status=open", "assignee=none")));
        waitForVaadin();
        Assertions.assertThat(gridCount())
                .as("the grid's count after Show them")
                .isEqualTo(expected.size());
        Assertions.assertThat(expected.size())
                .as("one page of the grid: every row is in the browser")
                .isLessThanOrEqualTo(50);
        Assertions.assertThat(referencesInTheGrid())
                .as("the rows behind Show them")
                .isEqualTo(expected);
        screenshot("manager-show-them");

        page.goBack();
        page.waitForURL(Pattern.compile(".*/dashboard$"));
        waitForVaadin();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Dashboard")))
                .isVisible();

        // every figure there is: read from the page, so a figure added later is followed too
        var links = figureLinks();
        var sameHref = new LinkedHashMap<String, Long>();
        for (var link : links) {
            if (link.lostReason()) {
                continue; // the lost reasons' bars get their links in another change
            }
            var before = sameHref.putIfAbsent(link.href(), link.count());
            Assertions.assertThat(before == null ? link.count() : before)
                    .as("two figures with the same link " + link.href())
                    .isEqualTo(link.count());
            var shown = link.text().replaceAll("^\\D*(\\d+).*$", "$1");
            if (link.text().matches("^\\d+( leads?)?$")) {
                Assertions.assertThat(Long.parseLong(shown))
                        .as("the figure shown for " + link.href())
                        .isEqualTo(link.count());
            }
        }
        // none left out: every bar and table figure outside the lost reasons is one of those links
        Assertions.assertThat(page.locator("main .sd-bar-row:not(a)")
                        .evaluateAll("rows => rows.filter(r => !r.closest('#lost-reasons')).length"))
                .as("bars without a link")
                .isEqualTo(0);
        Assertions.assertThat(
                        page.locator("main svg.sd-week-chart a[data-count]").count())
                .as("every week's column is a link")
                .isEqualTo(8);
        var repRows = page.locator("main .sd-rep-table tbody tr").count();
        Assertions.assertThat(repRows).as("a row per active rep").isGreaterThanOrEqualTo(5);
        Assertions.assertThat(
                        page.locator("main .sd-rep-table tbody a[data-count]").count())
                .as("open, answered, in time, measured, won and closed of every rep")
                .isEqualTo(6 * repRows);
        Assertions.assertThat(page.locator(
                                "main .sd-kpi .sd-kpi-note a[data-count], main .sd-kpi .sd-kpi-value a[data-count]")
                        .count())
                .as("the counts among the key figures: last 7 days and the 7 before, unassigned and Show them,"
                        + " waiting, the leads the median is over, in time and measured")
                .isEqualTo(8);
        Assertions.assertThat(sameHref.keySet())
                .as("among them the sources' bars")
                .anyMatch(href -> href.contains("source=" + source));

        // in the browser, one link of each kind and the journey's own source bar: DashboardViewTests
        // follows every link of the three periods into the grid's count without a browser
        var toFollow = new LinkedHashMap<String, Long>();
        var kinds = new java.util.HashSet<String>();
        for (var link : links) {
            if (!link.lostReason() && (kinds.add(link.kind()) || link.href().contains("source=" + source))) {
                toFollow.putIfAbsent(link.href(), link.count());
            }
        }
        Assertions.assertThat(kinds).contains("key figure", "week column", "rep table cell", "bar");
        toFollow.forEach((href, count) -> {
            follow(href);
            Assertions.assertThat(gridCount())
                    .as("the grid's count behind " + href)
                    .isEqualTo(count);
        });
    }

    @Test
    void searchFindsALeadByReferenceByAWordInsideTheCompanyAndByANameWithoutAccents() {
        var lead = store("Inés", "Ximénez-Ørsted", "Fjord Quarnlogistik GmbH", StackLeaning.GO, "journey", null);
        signIn("maria");
        open("/leads");
        var search = page.getByRole(AriaRole.TEXTBOX, new Page.GetByRoleOptions().setName("Search"));
        var row = page.getByRole(
                        AriaRole.LINK,
                        new Page.GetByRoleOptions()
                                .setName("Open lead " + lead.getReference() + " of " + lead.getFullName()))
                .filter(new Locator.FilterOptions().setVisible(true));
        // the reference as the thank-you page gives it, a word inside the company, the name without accents
        for (var query : List.of(lead.getReference(), "quarnlogistik", "ximenez")) {
            search.fill(query);
            page.waitForURL(url -> query.equals(queryOf(url)));
            waitForVaadin();
            assertThat(page.locator("#lead-count")).hasText("1 lead");
            assertThat(row).hasCount(1);
        }
        screenshot("manager-search");
    }

    /** Elements of this selector, visible, whose text is cut (wider than their box). */
    private List<?> clipped(String selector) {
        return (List<?>) page.locator(selector)
                .evaluateAll("els => els.filter(e => e.offsetParent !== null && e.scrollWidth > e.clientWidth + 1)"
                        + ".map(e => e.textContent.trim())");
    }

    @Test
    void labelsAreWholeAt1366AndFieldsAndButtonsStayOnAPhonesScreen() {
        store("Olu", "Adeyemi", "Lagos Freight", StackLeaning.OTHER, "news.ycombinator.com", null);
        signIn("maria");
        page.setViewportSize(1366, 768);

        open("/leads?stack=other");
        assertThat(page.locator("vaadin-grid-cell-content", new Page.LocatorOptions().setHasText("Something else"))
                        .first())
                .isVisible();
        Assertions.assertThat(clipped("vaadin-grid-cell-content"))
                .as("grid cells cut short")
                .isEmpty();
        open("/dashboard");
        assertThat(page.locator(".sd-bar-label", new Page.LocatorOptions().setHasText("news.ycombinator.com"))
                        .first())
                .isVisible();
        Assertions.assertThat(clipped(".sd-bar-label"))
                .as("bar labels cut short")
                .isEmpty();

        page.setViewportSize(390, 844);
        for (var path :
                List.of("/account/time-zone", "/account/password", "/account/call-hours", "/admin/lost-reasons")) {
            open(path);
            assertThat(page.locator(".sd-page h1")).isVisible();
            Assertions.assertThat(page.evaluate("document.documentElement.scrollWidth"))
                    .as("no sideways scrolling on " + path)
                    .isEqualTo(390);
            Assertions.assertThat(
                            (List<?>)
                                    page.locator(
                                                    ".sd-page vaadin-button, .sd-page vaadin-text-field, .sd-page vaadin-password-field,"
                                                            + " .sd-page vaadin-combo-box, .sd-page vaadin-time-picker")
                                            .evaluateAll(
                                                    "els => els.filter(e => e.offsetParent !== null"
                                                            + " && e.getBoundingClientRect().right > window.innerWidth)"
                                                            + ".map(e => e.localName + ' ' + (e.getAttribute('aria-label') || e.textContent.trim()))"))
                    .as("fields and buttons off the screen on " + path)
                    .isEmpty();
        }
        // the day's From and To side by side under it, not To alone on a line
        open("/account/call-hours");
        var monday = page.locator(".sd-call-hours-day").first().locator("vaadin-time-picker");
        Assertions.assertThat(monday.nth(0).boundingBox().y)
                .as("From and To on one line")
                .isEqualTo(monday.nth(1).boundingBox().y);
    }
}

package com.stackdesk.workspace.ui;

import com.stackdesk.analytics.FormAnalytics;
import com.stackdesk.base.CurrentUser;
import com.stackdesk.base.Plurals;
import com.stackdesk.base.StaffPrincipal;
import com.stackdesk.base.Times;
import com.stackdesk.base.ui.MainLayout;
import com.stackdesk.lead.LeadStatistics;
import com.stackdesk.lead.LeadStatistics.Overview;
import com.stackdesk.lead.LeadStatus;
import com.stackdesk.lead.LostReasons;
import com.stackdesk.staff.StaffDirectory;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.dom.Element;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteAlias;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The figures a team lead looks at first: this week's leads and the trend, what waits for an
 * answer, how fast the first answer comes, the funnel and where leads come from. Charts are
 * server-side SVG and styled bars, each with a text alternative.
 */
@Route(value = "dashboard", layout = MainLayout.class)
@RouteAlias(value = "workspace", layout = MainLayout.class)
@PageTitle("Dashboard")
@RolesAllowed("SALES")
public class DashboardView extends Main implements BeforeEnterObserver {

    final Div kpis = new Div();
    final Div charts = new Div();
    final Section forms = new Section();
    /** The reps' figures for the period the URL chose ({@code ?period=30}). */
    final Section reps = new Section();

    /** How many ISO weeks the form analytics cover. */
    static final int FORM_WEEKS = 8;

    /** The reps' period when the URL names none. */
    static final int DEFAULT_PERIOD = 30;

    private final LeadStatistics statistics;
    private final StaffDirectory staff;
    private final StaffPrincipal user;

    DashboardView(
            LeadStatistics statistics,
            LostReasons lostReasons,
            FormAnalytics analytics,
            StaffDirectory staff,
            CurrentUser currentUser,
            Clock clock) {
        this.statistics = statistics;
        this.staff = staff;
        addClassName("sd-page");
        StaffPrincipal user = currentUser.require();
        this.user = user;
        Overview overview = statistics.overview();

        var heading = new H1("Dashboard");
        var scope = new Paragraph((user.isManager()
                        ? "All leads of the team, suspected spam left out. Status, stack and source charts cover the last "
                                + LeadStatistics.CHART_DAYS + " days."
                        : "Your leads and the unassigned ones, suspected spam left out. Status, stack and source charts"
                                + " cover the last " + LeadStatistics.CHART_DAYS + " days.")
                + " Every figure and bar opens the leads it counts.");
        scope.addClassName("sd-muted");

        kpis.addClassName("sd-kpis");
        var week = overview.weeks().getLast();
        long thisWeek = overview.thisWeek();
        long lastWeek = overview.lastWeek();
        long delta = thisWeek - lastWeek;
        var trend = new Span(new Span((delta >= 0 ? "▲ +" : "▼ ") + delta + " vs the 7 days before ("));
        if (overview.weeks().size() > 1) {
            var before = overview.weeks().get(overview.weeks().size() - 2);
            trend.add(leads(String.valueOf(lastWeek), lastWeek, received(before.first(), before.last())));
        } else {
            trend.add(new Span(String.valueOf(lastWeek)));
        }
        trend.add(new Span(")"));
        trend.addClassName(delta >= 0 ? "sd-trend-up" : "sd-trend-down");
        kpis.add(kpi(
                "Leads in the last 7 days",
                leads(String.valueOf(thisWeek), thisWeek, received(week.first(), week.last())),
                trend));
        var unassigned = params("status", "open", "assignee", "none");
        kpis.add(kpi(
                "Unassigned open leads",
                leads(String.valueOf(overview.unassignedOpen()), overview.unassignedOpen(), unassigned),
                leads("Show them", overview.unassignedOpen(), unassigned)));
        var waiting = overview.waiting();
        Component oldest = waiting.oldestReference() == null
                ? new Span("Nobody is waiting")
                : new Span(
                        new Span("Oldest: "),
                        new RouterLink(
                                waiting.oldestReference(),
                                LeadDetailView.class,
                                new RouteParameters("reference", waiting.oldestReference())),
                        new Span(", waiting "
                                // "21 d" stays on one line (no space to break at between the number and its unit)
                                + Times.duration(Duration.between(waiting.oldestCreatedAt(), clock.instant()))
                                        .replace(' ', '\u00a0')));
        kpis.add(kpi(
                "Waiting for a first response",
                leads(String.valueOf(waiting.count()), waiting.count(), params("status", "new", "response", "none")),
                oldest));
        // the median and the share in time below come from one read of the 30 days
        var responses = statistics.responseFigures();
        var all = responses.all();
        var responsesFrom = responses.from().toString();
        kpis.add(kpi(
                "Median time to first response",
                new Span(all.median() == null ? "—" : Times.duration(all.median())),
                new Span(
                        new Span("over "),
                        leads(
                                Plurals.count(all.answered(), "lead"),
                                all.answered(),
                                params("from", responsesFrom, "response", "answered")),
                        new Span(" of the last 30 days"))));

        charts.addClassName("sd-charts");
        charts.add(card("Leads per week", Charts.weeks(overview.weeks())));
        var chartsFrom = overview.chartsFrom().toString();
        var funnel = new java.util.ArrayList<Charts.Bar>();
        overview.byStatus()
                .forEach((status, count) -> funnel.add(new Charts.Bar(
                        status.label(),
                        count,
                        status == LeadStatus.WON ? "won" : status == LeadStatus.LOST ? "lost" : "",
                        params("status", status.name().toLowerCase(Locale.ROOT), "from", chartsFrom))));
        charts.add(card("Pipeline by status", Charts.bars("Leads by status", funnel)));
        var byStack = overview.byStack().entrySet().stream()
                .sorted(Map.Entry.<com.stackdesk.lead.StackLeaning, Long>comparingByValue()
                        .reversed())
                .map(e -> new Charts.Bar(
                        e.getKey().label(),
                        e.getValue(),
                        "",
                        params("stack", e.getKey().name().toLowerCase(Locale.ROOT), "from", chartsFrom)))
                .toList();
        charts.add(card("Leads by stack leaning", Charts.bars("Leads by stack leaning", byStack)));
        var bySource = overview.bySource().entrySet().stream()
                .map(e ->
                        new Charts.Bar(e.getKey(), e.getValue(), "", params("source", e.getKey(), "from", chartsFrom)))
                .toList();
        charts.add(card("Leads by source", sources(bySource)));
        if (user.isManager()) {
            charts.add(card("Open leads per rep", repLoad(overview, staff)));
        }
        kpis.add(kpi(
                "Answered within the deadline",
                // a share, not a count: the counts in the note are the links
                all.percentInTime() == null ? "—" : all.percentInTime() + " %",
                new Span(
                        leads(
                                String.valueOf(all.inTime()),
                                all.inTime(),
                                params("from", responsesFrom, "response", "in-time")),
                        new Span(" of "),
                        leads(
                                Plurals.count(all.measured(), "lead"),
                                all.measured(),
                                params("from", responsesFrom, "response", "measured")),
                        new Span(" of the last 30 days"))));
        charts.add(card(
                "First responses by source (30 days)",
                responseTable(
                        "source",
                        responses.bySource(),
                        key -> key,
                        key -> params("source", key, "from", responsesFrom))));
        var lost = lostReasons.lostPerReason().entrySet().stream()
                .map(e -> new Charts.Bar(
                        e.getKey(), e.getValue(), "lost", params("status", "lost", "lostReason", e.getKey())))
                .toList();
        Component lostCard = card(
                "Lost leads by reason",
                lost.isEmpty() ? new Paragraph("No lead has been lost.") : Charts.bars("Lost leads by reason", lost));
        lostCard.setId("lost-reasons");
        charts.add(lostCard);
        var formFigures = analytics.lastWeeks(FORM_WEEKS);
        kpis.add(formConversion(formFigures));
        showForms(formFigures);
        reps.addClassNames("sd-card", "sd-reps");
        add(heading, scope, kpis, reps, charts, forms);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var given = event.getLocation().getQueryParameters().getSingleParameter("period");
        int days = DEFAULT_PERIOD;
        String problem = null;
        if (given.isPresent()) {
            try {
                days = Integer.parseInt(given.get().strip());
            } catch (NumberFormatException e) {
                days = -1;
            }
            if (!LeadStatistics.REP_PERIODS.contains(days)) {
                problem = "The period \u201c" + given.get() + "\u201d is not offered: showing " + DEFAULT_PERIOD
                        + " days. Choose 7, 30 or 90.";
                days = DEFAULT_PERIOD;
            }
        }
        showReps(days, problem);
    }

    /** Per rep for the period: open load against capacity, median first response, answered in time, win rate. */
    private void showReps(int days, @org.jspecify.annotations.Nullable String problem) {
        reps.removeAll();
        var period = statistics.repFigures(days);
        var from = period.from().toString();
        reps.add(new H2(user.isManager() ? "Reps" : "You"));
        var choice = new Div();
        choice.addClassName("sd-period");
        choice.getElement().setAttribute("role", "group");
        choice.getElement().setAttribute("aria-label", "Period");
        choice.add(new Span("Leads received in the last "));
        for (int d : LeadStatistics.REP_PERIODS) {
            var link = new RouterLink(d + " days", DashboardView.class);
            link.setQueryParameters(QueryParameters.of("period", String.valueOf(d)));
            link.setHighlightCondition((l, e) -> false);
            if (d == days) {
                link.getElement().setAttribute("aria-current", "true");
                link.addClassName("sd-period-current");
            }
            choice.add(link);
        }
        choice.add(new Span(
                " (since " + Times.date(period.from().atStartOfDay(Times.ZONE).toInstant()) + "); open load is now."));
        reps.add(choice);
        if (problem != null) {
            var note = new Paragraph(problem);
            note.addClassName("sd-link-problems");
            reps.add(note);
        }
        var table = new com.vaadin.flow.component.html.NativeTable();
        table.addClassName("sd-table");
        table.addClassName("sd-rep-table");
        table.getElement().setAttribute("aria-label", "Figures per rep, last " + days + " days");
        var head = new com.vaadin.flow.component.html.NativeTableRow();
        for (var title :
                java.util.List.of("Rep", "Open / capacity", "Median first response", "Answered in time", "Win rate")) {
            var th = new com.vaadin.flow.component.html.NativeTableHeaderCell(title);
            th.getElement().setAttribute("scope", "col");
            head.add(th);
        }
        table.getHead().add(head);
        var body = table.addBody();
        var names = staff.namesById();
        var capacities = staff.activeAssignees().stream()
                .collect(Collectors.toMap(StaffDirectory.Assignee::id, StaffDirectory.Assignee::capacity));
        var rows = new LinkedHashMap<Long, LeadStatistics.RepFigures>();
        if (user.isManager()) {
            // an active rep without leads belongs in the table too
            staff.activeAssignees()
                    .forEach(a -> rows.put(a.id(), new LeadStatistics.RepFigures(a.id(), 0, 0, null, 0, 0, 0, 0)));
        }
        rows.putAll(period.byRep());
        rows.values().stream()
                .sorted(java.util.Comparator.comparing(
                        (LeadStatistics.RepFigures f) -> names.getOrDefault(f.staffId(), "")))
                .forEach(f -> {
                    var rep = String.valueOf(f.staffId());
                    var row = new com.vaadin.flow.component.html.NativeTableRow();
                    var name = new com.vaadin.flow.component.html.NativeTableHeaderCell(
                            names.getOrDefault(f.staffId(), "staff #" + f.staffId()));
                    name.getElement().setAttribute("scope", "row");
                    row.add(name);
                    var capacity = capacities.get(f.staffId());
                    var load = new com.vaadin.flow.component.html.NativeTableCell(
                            leads(String.valueOf(f.open()), f.open(), params("assignee", rep, "status", "open")),
                            new Span(capacity == null ? "" : " / " + capacity));
                    if (capacity != null && f.open() >= capacity) {
                        load.addClassName("sd-over");
                    }
                    row.add(load);
                    row.add(new com.vaadin.flow.component.html.NativeTableCell(
                            new Span(f.median() == null ? "—" : Times.duration(f.median())),
                            new Span(" ("),
                            leads(
                                    Plurals.count(f.answered(), "lead"),
                                    f.answered(),
                                    params("assignee", rep, "from", from, "response", "answered")),
                            new Span(")")));
                    row.add(new com.vaadin.flow.component.html.NativeTableCell(
                            new Span(f.percentInTime() == null ? "— " : f.percentInTime() + " % "),
                            new Span("("),
                            leads(
                                    String.valueOf(f.inTime()),
                                    f.inTime(),
                                    params("assignee", rep, "from", from, "response", "in-time")),
                            new Span(" of "),
                            leads(
                                    String.valueOf(f.measured()),
                                    f.measured(),
                                    params("assignee", rep, "from", from, "response", "measured")),
                            new Span(")")));
                    row.add(new com.vaadin.flow.component.html.NativeTableCell(
                            new Span(f.winRate() == null ? "— " : f.winRate() + " % "),
                            new Span("("),
                            leads(
                                    String.valueOf(f.won()),
                                    f.won(),
                                    params("assignee", rep, "from", from, "status", "won")),
                            new Span(" of "),
                            leads(
                                    String.valueOf(f.closed()),
                                    f.closed(),
                                    params("assignee", rep, "from", from, "status", "closed")),
                            new Span(" closed)")));
                    // a phone shows each rep as a card: every cell says what it is
                    var labels = java.util.List.of(
                            "Open / capacity", "Median first response", "Answered in time", "Win rate");
                    for (int i = 1; i < row.getElement().getChildCount(); i++) {
                        row.getElement().getChild(i).setAttribute("data-label", labels.get(i - 1));
                    }
                    body.add(row);
                });
        var scroll = new Div(rows.isEmpty() ? new Span("No reps take leads yet.") : table);
        scroll.addClassName("sd-table-scroll");
        reps.add(scroll);
    }

    /** The grid's URL filters, in the order given: name, value, name, value ... */
    static Map<String, String> params(String... namesAndValues) {
        var params = new LinkedHashMap<String, String>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            params.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return params;
    }

    /** The grid's filters for the leads received from {@code first} to {@code last}, both included. */
    private static Map<String, String> received(java.time.LocalDate first, java.time.LocalDate last) {
        return params("from", first.toString(), "to", last.toString());
    }

    /**
     * A link to the leads behind a figure: the grid with these filters. {@code data-count} holds the
     * figure, so a test follows the filter through the grid's count and compares.
     */
    static RouterLink leads(String text, long count, Map<String, String> filters) {
        var link = new RouterLink(text, LeadsView.class);
        link.setQueryParameters(QueryParameters.simple(filters));
        link.getElement().setAttribute("data-count", String.valueOf(count));
        link.addClassName("sd-figure-link");
        return link;
    }

    /** The grid's address with these filters, relative to the app's root, for links outside Vaadin's router (SVG). */
    static String leadsHref(Map<String, String> filters) {
        return "leads?" + QueryParameters.simple(filters).getQueryString();
    }

    /** The six biggest sources as bars; the rest behind "more sources", each still a link to its leads. */
    private static Component sources(java.util.List<Charts.Bar> bars) {
        if (bars.size() <= 7) {
            return Charts.bars("Leads by source", bars);
        }
        var more = new com.vaadin.flow.component.details.Details(
                (bars.size() - 6) + " more sources", Charts.bars("More leads by source", bars.subList(6, bars.size())));
        more.addClassName("sd-more-sources");
        return new Div(Charts.bars("Leads by source", bars.subList(0, 6)), more);
    }

    /** All forms together: submissions per view over the analytics' weeks. */
    private static Component formConversion(FormAnalytics.Overview overview) {
        long views = overview.forms().stream().mapToLong(f -> f.total().views()).sum();
        long submissions = overview.forms().stream()
                .mapToLong(f -> f.total().submissions())
                .sum();
        var rate = new FormAnalytics.Counts(views, 0, submissions).conversion();
        return kpi(
                "Form conversion, last " + FORM_WEEKS + " weeks",
                rate == null ? "—" : String.format(java.util.Locale.ENGLISH, "%.1f %%", rate * 100),
                new Span(submissions + " submissions of " + views + " form views; per form and source below"));
    }

    /** Views, starts, submissions and conversion of each form and the assistant: in all, per week, per source. */
    private void showForms(FormAnalytics.Overview overview) {
        forms.addClassNames("sd-card", "sd-forms");
        var intro = new Paragraph("Counted without cookies or personal data, over the last " + FORM_WEEKS
                + " weeks (since Monday "
                + Times.date(overview.firstWeek().atStartOfDay(Times.ZONE).toInstant())
                + "). A start is the first field touched; conversion is submissions per view.");
        intro.addClassName("sd-muted");
        forms.add(new H2("Forms and the stack assistant"), intro);
        if (overview.forms().isEmpty()) {
            forms.add(new Paragraph("No form has been shown in these weeks."));
            return;
        }
        var byForm = new java.util.ArrayList<java.util.List<String>>();
        var bySource = new java.util.ArrayList<java.util.List<String>>();
        record Week(java.time.LocalDate from, String form, FormAnalytics.Counts counts) {}
        var weeks = new java.util.ArrayList<Week>();
        for (var form : overview.forms()) {
            byForm.add(counts(java.util.List.of(form.form().label()), form.total()));
            form.byWeek()
                    .forEach((week, c) -> weeks.add(new Week(week, form.form().label(), c)));
            form.bySource()
                    .forEach((source, c) ->
                            bySource.add(counts(java.util.List.of(form.form().label(), source), c)));
        }
        // newest week first, the forms in their order within a week
        var byWeek = weeks.stream()
                .sorted(java.util.Comparator.comparing(Week::from).reversed())
                .map(w -> counts(
                        java.util.List.of(
                                Times.date(w.from().atStartOfDay(Times.ZONE).toInstant()), w.form()),
                        w.counts()))
                .toList();
        forms.add(
                table("By form", java.util.List.of("Form"), byForm),
                table("By week", java.util.List.of("Week from", "Form"), byWeek),
                table("By source", java.util.List.of("Form", "Source"), bySource));
    }

    private static java.util.List<String> counts(java.util.List<String> keys, FormAnalytics.Counts c) {
        var row = new java.util.ArrayList<>(keys);
        row.add(String.valueOf(c.views()));
        row.add(String.valueOf(c.starts()));
        row.add(String.valueOf(c.submissions()));
        row.add(
                c.conversion() == null
                        ? "—"
                        : String.format(java.util.Locale.ENGLISH, "%.1f %%", c.conversion() * 100));
        return row;
    }

    /** A plain HTML table: readable by screen readers as one, and cheap for a few dozen rows. */
    private static Component table(
            String caption, java.util.List<String> keys, java.util.List<java.util.List<String>> rows) {
        var table = new Element("table");
        table.appendChild(new Element("caption").setText(caption));
        var head = new Element("tr");
        var headers = new java.util.ArrayList<>(keys);
        headers.addAll(java.util.List.of("Views", "Starts", "Submissions", "Conversion"));
        for (int i = 0; i < headers.size(); i++) {
            head.appendChild(new Element("th")
                    .setAttribute("scope", "col")
                    .setAttribute("class", i < keys.size() ? "" : "num")
                    .setText(headers.get(i)));
        }
        table.appendChild(new Element("thead").appendChild(head));
        var body = new Element("tbody");
        for (var row : rows) {
            var tr = new Element("tr");
            for (int i = 0; i < row.size(); i++) {
                tr.appendChild(new Element(i == 0 ? "th" : "td")
                        .setAttribute("class", i < keys.size() ? "" : "num")
                        .setText(row.get(i)));
                if (i == 0) {
                    tr.getChild(0).setAttribute("scope", "row");
                }
            }
            body.appendChild(tr);
        }
        table.appendChild(body);
        var wrapper = new Div();
        wrapper.addClassName("sd-table-scroll");
        // a keyboard can scroll it where it is wider than the screen
        wrapper.getElement().setAttribute("tabindex", "0");
        wrapper.getElement().setAttribute("role", "region");
        wrapper.getElement()
                .setAttribute("aria-label", "Form figures " + caption.toLowerCase(java.util.Locale.ENGLISH));
        wrapper.getElement().appendChild(table);
        return wrapper;
    }

    /** One row per group: share answered in time and median time to first response, each linked to its leads. */
    static Component responseTable(
            String what,
            java.util.List<LeadStatistics.ResponseGroup> groups,
            java.util.function.Function<String, String> name,
            java.util.function.Function<String, Map<String, String>> filters) {
        var table = new com.vaadin.flow.component.html.NativeTable();
        table.addClassName("sd-table");
        table.getElement().setAttribute("aria-label", "First responses by " + what);
        var head = new com.vaadin.flow.component.html.NativeTableRow();
        for (var title :
                java.util.List.of(what.substring(0, 1).toUpperCase() + what.substring(1), "In time", "Median")) {
            var th = new com.vaadin.flow.component.html.NativeTableHeaderCell(title);
            th.getElement().setAttribute("scope", "col");
            head.add(th);
        }
        table.getHead().add(head);
        var body = table.addBody();
        for (var g : groups) {
            var row = new com.vaadin.flow.component.html.NativeTableRow();
            row.add(new com.vaadin.flow.component.html.NativeTableCell(name.apply(g.key())));
            var inTime = new com.vaadin.flow.component.html.NativeTableCell();
            if (g.percentInTime() == null) {
                inTime.setText("—");
            } else {
                var with = new LinkedHashMap<>(filters.apply(g.key()));
                with.put("response", "in-time");
                var measured = new LinkedHashMap<>(filters.apply(g.key()));
                measured.put("response", "measured");
                inTime.add(
                        new Span(g.percentInTime() + " % ("),
                        leads(String.valueOf(g.inTime()), g.inTime(), with),
                        new Span("/"),
                        leads(String.valueOf(g.measured()), g.measured(), measured),
                        new Span(")"));
            }
            row.add(inTime);
            row.add(new com.vaadin.flow.component.html.NativeTableCell(
                    g.median() == null ? "—" : Times.duration(g.median())));
            body.add(row);
        }
        if (groups.isEmpty()) {
            return new Span("No leads in the last 30 days.");
        }
        return table;
    }

    private static Component repLoad(Overview overview, StaffDirectory staff) {
        var names = staff.namesById();
        var capacities = staff.activeAssignees().stream()
                .collect(Collectors.toMap(StaffDirectory.Assignee::id, StaffDirectory.Assignee::capacity));
        var load = new LinkedHashMap<Long, Long>();
        // reps without open leads belong on the chart too: an idle rep is news for a manager
        staff.activeAssignees().forEach(m -> load.put(m.id(), 0L));
        load.putAll(overview.openByAssignee());
        var bars = load.entrySet().stream()
                .sorted(Map.Entry.<Long, Long>comparingByValue().reversed())
                .map(e -> new Charts.Bar(
                        names.getOrDefault(e.getKey(), "staff #" + e.getKey()),
                        e.getValue(),
                        capacities.containsKey(e.getKey()) && e.getValue() >= capacities.get(e.getKey()) ? "over" : "",
                        params("assignee", String.valueOf(e.getKey()), "status", "open")))
                .toList();
        return Charts.bars("Open leads per rep", bars);
    }

    private static Component kpi(String label, String value, Component note) {
        return kpi(label, new Span(value), note);
    }

    private static Component kpi(String label, Component value, Component note) {
        var l = new Span(label);
        l.addClassName("sd-kpi-label");
        var v = new Span(value);
        v.addClassName("sd-kpi-value");
        var n = new Div(note);
        n.addClassName("sd-kpi-note");
        var card = new Section(l, v, n);
        card.addClassNames("sd-card", "sd-kpi");
        card.getElement()
                .setAttribute("aria-label", label + ": " + value.getElement().getTextRecursively());
        card.getElement().setAttribute("role", "group");
        return card;
    }

    private static Component card(String heading, Component content) {
        var section = new Section(new H2(heading), content);
        section.addClassName("sd-card");
        return section;
    }

    /** Charts as plain elements: a chart library would need a frontend (npm) build, which Stackdesk never runs. */
    static final class Charts {

        private Charts() {}

        /**
         * One bar: its label, figure, a style variant ("won", "lost", "over" or "") and the grid's
         * filters for exactly the leads it counts.
         */
        record Bar(String label, long count, String variant, Map<String, String> filters) {}

        /**
         * Horizontal bars, one list item per entry, each a link to its leads (a bar without filters,
         * which the grid cannot show, is not a link); label and number are text, so the list reads
         * without the bars.
         */
        static Component bars(String name, java.util.List<Bar> bars) {
            long max = Math.max(1, bars.stream().mapToLong(Bar::count).max().orElse(1));
            var list = new UnorderedList();
            list.addClassName("sd-bars");
            list.getElement().setAttribute("aria-label", name);
            if (bars.isEmpty()) {
                list.add(new ListItem("No leads yet"));
            }
            for (var bar : bars) {
                var labelSpan = new Span(bar.label());
                labelSpan.addClassName("sd-bar-label");
                labelSpan.getElement().setAttribute("title", bar.label());
                var fill = new Div();
                fill.addClassName("sd-bar-fill");
                if (!bar.variant().isEmpty()) {
                    fill.addClassName(bar.variant());
                }
                fill.setWidth((bar.count() * 100.0 / max) + "%");
                var track = new Div(fill);
                track.addClassName("sd-bar-track");
                track.getElement().setAttribute("aria-hidden", "true");
                var value = new Span(String.valueOf(bar.count()));
                value.addClassName("sd-bar-value");
                if (bar.filters().isEmpty()) {
                    var row = new Div(labelSpan, track, value);
                    row.addClassName("sd-bar-row");
                    list.add(new ListItem(row));
                    continue;
                }
                var link = leads("", bar.count(), bar.filters());
                link.add(labelSpan, track, value);
                link.addClassName("sd-bar-row");
                list.add(new ListItem(link));
            }
            return list;
        }

        /**
         * A column chart of leads per week as inline SVG, each column a link to its week's leads.
         * The markup is set as the container's innerHTML because elements created one by one
         * through the Element API land in the HTML namespace, where the browser does not draw them.
         * The labels are dates of one short line each ("24 Feb"); the current week reads "last 7 d"
         * on two lines, so no label is wider than its column at any width the chart is drawn.
         */
        static Component weeks(java.util.List<LeadStatistics.WeekCount> weeks) {
            int width = 400;
            int height = 230;
            int top = 22;
            int bottom = 40;
            int chartHeight = height - top - bottom;
            long max = Math.max(
                    1,
                    weeks.stream()
                            .mapToLong(LeadStatistics.WeekCount::count)
                            .max()
                            .orElse(1));
            double slot = (double) width / weeks.size();
            double barWidth = slot * 0.6;

            var description = weeks.stream()
                    .map(w -> "week from " + day(w.first()) + ": " + w.count())
                    .collect(Collectors.joining("; "));
            var svg = new StringBuilder();
            svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"sd-week-chart\" viewBox=\"0 0 ")
                    .append(width)
                    .append(' ')
                    .append(height)
                    .append("\" role=\"group\" aria-label=\"")
                    .append(escape("Leads per week over the last " + weeks.size() + " weeks: " + description))
                    .append("\"><title>Leads per week</title>");
            svg.append("<line x1=\"0\" x2=\"")
                    .append(width)
                    .append("\" y1=\"")
                    .append(top + chartHeight)
                    .append("\" y2=\"")
                    .append(top + chartHeight)
                    .append("\"/>");
            for (int i = 0; i < weeks.size(); i++) {
                var week = weeks.get(i);
                double h = week.count() * (double) chartHeight / max;
                double x = i * slot + (slot - barWidth) / 2;
                double y = top + chartHeight - h;
                double middle = x + barWidth / 2;
                boolean current = i == weeks.size() - 1;
                var filters = params(
                        "from", week.first().toString(), "to", week.last().toString());
                svg.append("<a href=\"")
                        .append(escape(leadsHref(filters)))
                        .append("\" data-count=\"")
                        .append(week.count())
                        .append("\" aria-label=\"")
                        .append(escape(week.count() + (week.count() == 1 ? " lead" : " leads") + " received "
                                + day(week.first()) + " to " + day(week.last())))
                        .append("\">");
                // the whole column is the link's target, not just the bar's few pixels
                svg.append("<rect class=\"hit\" x=\"")
                        .append(fmt(i * slot))
                        .append("\" y=\"0\" width=\"")
                        .append(fmt(slot))
                        .append("\" height=\"")
                        .append(height)
                        .append("\"/>");
                svg.append("<rect x=\"")
                        .append(fmt(x))
                        .append("\" y=\"")
                        .append(fmt(Math.min(y, top + chartHeight - 1)))
                        .append("\" width=\"")
                        .append(fmt(barWidth))
                        .append("\" height=\"")
                        .append(fmt(Math.max(h, 1)))
                        .append("\" rx=\"3\" class=\"")
                        .append(current ? "bar current" : "bar")
                        .append("\"/>");
                svg.append("<text class=\"value\" text-anchor=\"middle\" x=\"")
                        .append(fmt(middle))
                        .append("\" y=\"")
                        .append(fmt(y - 6))
                        .append("\">")
                        .append(week.count())
                        .append("</text>");
                int labelY = top + chartHeight + 16;
                if (current) {
                    svg.append("<text class=\"current\" text-anchor=\"middle\" x=\"")
                            .append(fmt(middle))
                            .append("\" y=\"")
                            .append(labelY)
                            .append("\"><tspan x=\"")
                            .append(fmt(middle))
                            .append("\">last</tspan><tspan x=\"")
                            .append(fmt(middle))
                            .append("\" dy=\"14\">7 days</tspan></text>");
                } else {
                    svg.append("<text text-anchor=\"middle\" x=\"")
                            .append(fmt(middle))
                            .append("\" y=\"")
                            .append(labelY)
                            .append("\">")
                            .append(escape(day(week.first())))
                            .append("</text>");
                }
                svg.append("</a>");
            }
            svg.append("</svg>");
            var figure = new Div();
            figure.addClassName("sd-week-figure");
            figure.getElement().setProperty("innerHTML", svg.toString());
            return figure;
        }

        private static String day(java.time.LocalDate day) {
            return Times.date(day.atStartOfDay(Times.ZONE).toInstant());
        }

        private static String escape(String text) {
            return text.replace("&", "&amp;").replace("<", "&lt;").replace("\"", "&quot;");
        }

        private static String fmt(double value) {
            return String.format(java.util.Locale.ROOT, "%.1f", value);
        }
    }
}

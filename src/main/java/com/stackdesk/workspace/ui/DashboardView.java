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
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteAlias;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
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
public class DashboardView extends Main {

    final Div kpis = new Div();
    final Div charts = new Div();
    final Section forms = new Section();

    /** How many ISO weeks the form analytics cover. */
    static final int FORM_WEEKS = 8;

    DashboardView(
            LeadStatistics statistics,
            LostReasons lostReasons,
            FormAnalytics analytics,
            StaffDirectory staff,
            CurrentUser currentUser,
            Clock clock) {
        addClassName("sd-page");
        StaffPrincipal user = currentUser.require();
        Overview overview = statistics.overview();

        var heading = new H1("Dashboard");
        var scope = new Paragraph(
                user.isManager()
                        ? "All leads of the team, suspected spam left out. Status, stack and source charts cover the last "
                                + LeadStatistics.CHART_DAYS + " days."
                        : "Your leads and the unassigned ones, suspected spam left out. Status, stack and source charts"
                                + " cover the last " + LeadStatistics.CHART_DAYS + " days.");
        scope.addClassName("sd-muted");

        kpis.addClassName("sd-kpis");
        long thisWeek = overview.thisWeek();
        long lastWeek = overview.lastWeek();
        long delta = thisWeek - lastWeek;
        var trend = new Span((delta >= 0 ? "▲ +" : "▼ ") + delta + " vs the 7 days before (" + lastWeek + ")");
        trend.addClassName(delta >= 0 ? "sd-trend-up" : "sd-trend-down");
        kpis.add(kpi("Leads in the last 7 days", String.valueOf(thisWeek), trend));
        kpis.add(kpi(
                "Unassigned open leads",
                String.valueOf(overview.unassignedOpen()),
                new RouterLink("Show them", LeadsView.class)));
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
                                + Times.duration(Duration.between(waiting.oldestCreatedAt(), clock.instant()))));
        kpis.add(kpi("Waiting for a first response", String.valueOf(waiting.count()), oldest));
        kpis.add(kpi(
                "Median time to first response",
                overview.medianFirstResponse() == null ? "—" : Times.duration(overview.medianFirstResponse()),
                new Span("over " + Plurals.count(overview.firstResponsesMeasured(), "lead") + " of the last 30 days")));

        charts.addClassName("sd-charts");
        charts.add(card("Leads per week", Charts.weeks(overview.weeks(), clock.instant())));
        var funnel = new LinkedHashMap<String, Long>();
        overview.byStatus().forEach((status, count) -> funnel.put(status.label(), count));
        charts.add(card(
                "Pipeline by status",
                Charts.bars(
                        "Leads by status",
                        funnel,
                        label -> label.equals(LeadStatus.WON.label())
                                ? "won"
                                : label.equals(LeadStatus.LOST.label()) ? "lost" : "")));
        var byStack = new LinkedHashMap<String, Long>();
        overview.byStack().entrySet().stream()
                .sorted(Map.Entry.<com.stackdesk.lead.StackLeaning, Long>comparingByValue()
                        .reversed())
                .forEach(e -> byStack.put(e.getKey().label(), e.getValue()));
        charts.add(card("Leads by stack leaning", Charts.bars("Leads by stack leaning", byStack, label -> "")));
        charts.add(card("Leads by source", Charts.bars("Leads by source", overview.bySource(), label -> "")));
        if (user.isManager()) {
            charts.add(card("Open leads per rep", repLoad(overview, staff)));
        }
        var responses = statistics.responseFigures();
        var all = responses.all();
        kpis.add(kpi(
                "Answered within the deadline",
                all.percentInTime() == null ? "—" : all.percentInTime() + " %",
                new Span(all.inTime() + " of " + all.measured() + " leads of the last 30 days")));
        var names = staff.namesById();
        charts.add(card(
                "First responses by rep (30 days)",
                responseTable(
                        "rep",
                        responses.byRep(),
                        key -> key.isEmpty() ? "Unassigned" : names.getOrDefault(Long.valueOf(key), "staff #" + key))));
        charts.add(
                card("First responses by source (30 days)", responseTable("source", responses.bySource(), key -> key)));
        var lost = lostReasons.lostPerReason();
        Component lostCard = card(
                "Lost leads by reason",
                lost.isEmpty()
                        ? new Paragraph("No lead has been lost.")
                        : Charts.bars("Lost leads by reason", lost, label -> "lost"));
        lostCard.setId("lost-reasons");
        charts.add(lostCard);
        var formFigures = analytics.lastWeeks(FORM_WEEKS);
        kpis.add(formConversion(formFigures));
        showForms(formFigures);
        add(heading, scope, kpis, charts, forms);
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

    /** One row per group: share answered in time and median time to first response. */
    static Component responseTable(
            String what,
            java.util.List<LeadStatistics.ResponseGroup> groups,
            java.util.function.Function<String, String> name) {
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
            row.add(new com.vaadin.flow.component.html.NativeTableCell(
                    g.percentInTime() == null
                            ? "—"
                            : g.percentInTime() + " % (" + g.inTime() + "/" + g.measured() + ")"));
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
        var load = new LinkedHashMap<String, Long>();
        var over = new java.util.HashSet<String>();
        // reps without open leads belong on the chart too: an idle rep is news for a manager
        staff.activeAssignees().forEach(m -> load.put(m.fullName(), 0L));
        overview.openByAssignee().forEach((id, count) -> {
            var name = names.getOrDefault(id, "staff #" + id);
            load.put(name, count);
            if (capacities.containsKey(id) && count >= capacities.get(id)) {
                over.add(name);
            }
        });
        var sorted = new LinkedHashMap<String, Long>();
        load.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return Charts.bars("Open leads per rep", sorted, label -> over.contains(label) ? "over" : "");
    }

    private static Component kpi(String label, String value, Component note) {
        var l = new Span(label);
        l.addClassName("sd-kpi-label");
        var v = new Span(value);
        v.addClassName("sd-kpi-value");
        var n = new Div(note);
        n.addClassName("sd-kpi-note");
        var card = new Section(l, v, n);
        card.addClassNames("sd-card", "sd-kpi");
        card.getElement().setAttribute("aria-label", label + ": " + value);
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

        /** Horizontal bars, one list item per entry; label and number are text, so the list reads without the bars. */
        static Component bars(
                String name, Map<String, Long> values, java.util.function.Function<String, String> variant) {
            long max = Math.max(
                    1, values.values().stream().mapToLong(Long::longValue).max().orElse(1));
            var list = new UnorderedList();
            list.addClassName("sd-bars");
            list.getElement().setAttribute("aria-label", name);
            if (values.isEmpty()) {
                list.add(new ListItem("No leads yet"));
            }
            values.forEach((label, count) -> {
                var labelSpan = new Span(label);
                var fill = new Div();
                fill.addClassName("sd-bar-fill");
                if (!variant.apply(label).isEmpty()) {
                    fill.addClassName(variant.apply(label));
                }
                fill.setWidth((count * 100.0 / max) + "%");
                var track = new Div(fill);
                track.addClassName("sd-bar-track");
                track.getElement().setAttribute("aria-hidden", "true");
                var value = new Span(String.valueOf(count));
                value.addClassName("sd-bar-value");
                var item = new ListItem(labelSpan, track, value);
                item.addClassName("sd-bar-row");
                list.add(item);
            });
            return list;
        }

        /**
         * A column chart of leads per week as inline SVG. The markup is set as the container's
         * innerHTML because elements created one by one through the Element API land in the HTML
         * namespace, where the browser does not draw them. The chart is labelled with every week's
         * figure for screen readers.
         */
        static Component weeks(java.util.List<LeadStatistics.WeekCount> weeks, java.time.Instant now) {
            int width = 400;
            int height = 220;
            int top = 22;
            int bottom = 28;
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
                    .map(w -> "week from " + Times.date(w.from()) + ": " + w.count())
                    .collect(Collectors.joining("; "));
            var svg = new StringBuilder();
            svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"sd-week-chart\" viewBox=\"0 0 ")
                    .append(width)
                    .append(' ')
                    .append(height)
                    .append("\" role=\"img\" aria-label=\"")
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
                boolean current = i == weeks.size() - 1;
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
                        .append(fmt(x + barWidth / 2))
                        .append("\" y=\"")
                        .append(fmt(y - 6))
                        .append("\">")
                        .append(week.count())
                        .append("</text>");
                svg.append("<text text-anchor=\"middle\" x=\"")
                        .append(fmt(x + barWidth / 2))
                        .append("\" y=\"")
                        .append(height - 8)
                        .append("\">")
                        .append(escape(current ? "last 7 days" : Times.date(week.from())))
                        .append("</text>");
            }
            svg.append("</svg>");
            var figure = new Div();
            figure.addClassName("sd-week-figure");
            figure.getElement().setProperty("innerHTML", svg.toString());
            return figure;
        }

        private static String escape(String text) {
            return text.replace("&", "&amp;").replace("<", "&lt;").replace("\"", "&quot;");
        }

        private static String fmt(double value) {
            return String.format(java.util.Locale.ROOT, "%.1f", value);
        }
    }
}

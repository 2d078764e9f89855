package com.stackdesk.export.ui;

import com.stackdesk.base.ui.MainLayout;
import com.stackdesk.export.ExportLogEntry;
import com.stackdesk.export.ExportLogQuery;
import com.stackdesk.export.LeadCsvExport;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

/**
 * For admins: the audit trail of exports, who exported which leads and how many. Every export is
 * in the grid, loaded page by page from the database, with filters by who, where and when.
 */
@Route(value = "admin/exports", layout = MainLayout.class)
@PageTitle("Export log")
@RolesAllowed("ADMIN")
class ExportLogView extends Main {

    final TextField who = new TextField("Who");
    final ComboBox<String> channel = new ComboBox<>("Where");
    final DatePicker from = new DatePicker("From (UTC)");
    final DatePicker to = new DatePicker("To (UTC)");
    final Span count = new Span();
    final Grid<ExportLogEntry> grid = new Grid<>();

    private final LeadCsvExport export;

    private final java.time.ZoneId zone;

    ExportLogView(LeadCsvExport export, com.stackdesk.base.CurrentUser currentUser) {
        this.zone = currentUser.zone();
        this.export = export;
        addClassName("sd-page");
        who.setPlaceholder("username");
        who.setClearButtonVisible(true);
        who.setValueChangeMode(ValueChangeMode.LAZY);
        channel.setItems("workspace", "api");
        channel.setPlaceholder("workspace or API");
        channel.setClearButtonVisible(true);
        from.setClearButtonVisible(true);
        to.setClearButtonVisible(true);
        who.addValueChangeListener(e -> refresh());
        channel.addValueChangeListener(e -> refresh());
        from.addValueChangeListener(e -> refresh());
        to.addValueChangeListener(e -> refresh());

        grid.addColumn(e -> com.stackdesk.base.Times.dateTimeSeconds(e.getOccurredAt(), zone))
                .setHeader("When")
                .setAutoWidth(true);
        grid.addColumn(ExportLogEntry::getActor).setHeader("Who").setAutoWidth(true);
        grid.addColumn(ExportLogEntry::getChannel).setHeader("Where").setAutoWidth(true);
        grid.addColumn(ExportLogEntry::getFilters).setHeader("Filters").setFlexGrow(1);
        grid.addColumn(e -> String.format("%,d", e.getRowCount()))
                .setHeader("Rows")
                .setAutoWidth(true);
        grid.addColumn(e -> e.isCompleted() ? "complete" : "cut off")
                .setHeader("Result")
                .setAutoWidth(true);
        grid.setEmptyStateText("No exports match.");
        count.setId("export-count");
        refresh();

        var filters = new Div(who, channel, from, to);
        filters.addClassName("sd-filters");
        add(
                new H1("Export log"),
                new Paragraph("Every CSV export from the grid or the API: who, which filters, how many rows."),
                filters,
                count,
                grid);
    }

    private ExportLogQuery query() {
        return new ExportLogQuery(who.getValue(), channel.getValue(), from.getValue(), to.getValue());
    }

    private void refresh() {
        var query = query();
        long total = export.countLog(query);
        count.setText(String.format("%,d %s", total, total == 1 ? "export" : "exports"));
        grid.setItems(page -> export.log(query, page.getPage(), page.getPageSize()).stream(), page ->
                (int) Math.min(Integer.MAX_VALUE, export.countLog(query)));
    }
}

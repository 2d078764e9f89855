package com.stackdesk.export.ui;

import com.stackdesk.base.ui.MainLayout;
import com.stackdesk.export.ExportLogEntry;
import com.stackdesk.export.LeadCsvExport;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** For admins: the audit trail of exports, who exported which leads and how many. */
@Route(value = "admin/exports", layout = MainLayout.class)
@PageTitle("Export log")
@RolesAllowed("ADMIN")
class ExportLogView extends Main {

    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    final Grid<ExportLogEntry> grid = new Grid<>();

    ExportLogView(LeadCsvExport export) {
        addClassName("sd-page");
        grid.addColumn(e -> WHEN.format(e.getOccurredAt())).setHeader("When").setAutoWidth(true);
        grid.addColumn(ExportLogEntry::getActor).setHeader("Who").setAutoWidth(true);
        grid.addColumn(ExportLogEntry::getChannel).setHeader("Where").setAutoWidth(true);
        grid.addColumn(ExportLogEntry::getFilters).setHeader("Filters").setFlexGrow(1);
        grid.addColumn(e -> String.format("%,d", e.getRowCount()))
                .setHeader("Rows")
                .setAutoWidth(true);
        grid.addColumn(e -> e.isCompleted() ? "complete" : "cut off")
                .setHeader("Result")
                .setAutoWidth(true);
        grid.setItems(export.recent());
        grid.setEmptyStateText("No exports yet.");
        add(
                new H1("Export log"),
                new Paragraph("Every CSV export from the grid or the API: who, which filters, how many rows."),
                grid);
    }
}

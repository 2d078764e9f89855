package com.stackdesk.export;

import com.stackdesk.base.Plurals;
import com.stackdesk.lead.LeadFilter;
import com.stackdesk.lead.LeadOrder;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.server.streams.DownloadHandler;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * The "Export CSV" link of a leads grid: the browser downloads the rows of the grid's current
 * filters and sort straight from the database while the person keeps working. The suppliers are
 * read when the download starts, from the download request's thread.
 */
@Component
public class LeadCsvDownload {

    private final LeadCsvExport export;

    LeadCsvDownload(LeadCsvExport export) {
        this.export = export;
    }

    public Anchor link(Supplier<LeadFilter> filter, Supplier<List<LeadOrder>> orders) {
        DownloadHandler handler = event -> {
            event.setFileName(export.fileName());
            event.setContentType("text/csv; charset=UTF-8");
            long rows;
            try {
                rows = export.write(
                        filter.get(),
                        orders.get(),
                        event.getOutputStream(),
                        export.byteOrderMarkByDefault(),
                        "workspace");
            } catch (ExportsBusy busy) {
                event.getResponse().setStatus(429);
                event.getUI()
                        .access(() -> Notification.show(busy.getMessage(), 6000, Notification.Position.BOTTOM_START)
                                .addThemeVariants(NotificationVariant.LUMO_ERROR));
                return;
            }
            event.getUI().access(() -> Notification.show(
                            "Export finished: " + Plurals.count(rows, "lead"), 4000, Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS));
        };
        var link = new Anchor(handler, "");
        link.add(VaadinIcon.DOWNLOAD_ALT.create());
        link.add("Export CSV");
        link.addClassName("sd-export-link");
        link.getElement().setAttribute("title", "Download the leads of the current filters and sort as CSV");
        link.getElement()
                .addEventListener(
                        "click",
                        e -> Notification.show(
                                "Export started: the download runs in your browser, keep working meanwhile.",
                                4000,
                                Notification.Position.BOTTOM_START));
        return link;
    }
}

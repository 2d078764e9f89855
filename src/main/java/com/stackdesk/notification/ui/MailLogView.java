package com.stackdesk.notification.ui;

import com.stackdesk.base.Times;
import com.stackdesk.base.ui.MainLayout;
import com.stackdesk.notification.MailLog;
import com.stackdesk.notification.MailLog.LoggedMail;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

/**
 * What the embedded SMTP server received: managers and admins check here that mail really went out.
 * It holds every visitor's and rep's mail, so sales reps may not open it (the service refuses them too).
 */
@Route(value = "admin/mail-log", layout = MainLayout.class)
@PageTitle("Mail log")
@RolesAllowed({"MANAGER", "ADMIN"})
class MailLogView extends VerticalLayout {

    final Paragraph destination = new Paragraph();
    final Grid<LoggedMail> grid = new Grid<>(LoggedMail.class, false);
    final Button refresh = new Button("Refresh");
    final H2 selectedSubject = new H2();
    final Paragraph selectedMeta = new Paragraph();
    final Pre selectedText = new Pre();

    private final MailLog log;
    private final java.time.ZoneId zone;

    MailLogView(MailLog log, com.stackdesk.base.CurrentUser currentUser) {
        this.zone = currentUser.zone();
        this.log = log;
        setSizeFull();
        var title = new H1("Mail log");
        refresh.addClickListener(e -> refresh());
        var header = new HorizontalLayout(title, refresh);
        header.setAlignItems(FlexComponent.Alignment.BASELINE);

        grid.addColumn(m -> m.receivedAt() == null ? "" : Times.dateTimeSeconds(m.receivedAt(), zone))
                .setHeader("Received")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(LoggedMail::to).setHeader("To").setAutoWidth(true);
        grid.addColumn(LoggedMail::subject).setHeader("Subject").setFlexGrow(3);
        grid.addColumn(m -> String.join(", ", m.attachments()))
                .setHeader("Attachments")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.setHeight("45vh");
        grid.asSingleSelect().addValueChangeListener(e -> show(e.getValue()));

        selectedText.getStyle().set("white-space", "pre-wrap").set("max-width", "100%");
        add(header, destination, grid, selectedSubject, selectedMeta, selectedText);
        refresh();
    }

    void refresh() {
        destination.setText(
                log.embedded()
                        ? "Mail goes to the " + log.destination() + ". The newest messages it received:"
                        : "Mail goes to the " + log.destination()
                                + ". This log only shows mail of the embedded server; see the Outbox for delivery states.");
        grid.setVisible(log.embedded());
        var messages = log.messages();
        grid.setItems(messages);
        if (!messages.isEmpty()) {
            grid.select(messages.getFirst());
        } else {
            show(null);
        }
    }

    private void show(LoggedMail mail) {
        selectedSubject.setText(mail == null ? "" : mail.subject());
        selectedMeta.setText(
                mail == null
                        ? ""
                        : "From " + mail.from() + " to " + mail.to()
                                + (mail.attachments().isEmpty()
                                        ? ""
                                        : " · attached: " + String.join(", ", mail.attachments())));
        selectedText.setText(mail == null ? "" : mail.text());
    }
}

package com.stackdesk.notification.ui;

import com.stackdesk.base.Times;
import com.stackdesk.base.ui.MainLayout;
import com.stackdesk.notification.MailLog;
import com.stackdesk.notification.MailLog.LoggedMail;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
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
    /** The selected message's HTML version and attachments, each to open in the browser or download. */
    final Div selectedFiles = new Div();

    final Paragraph memoryNote = new Paragraph(MailLog.KEPT_IN_MEMORY);
    final Div linkWarning = new Div();

    private final MailLog log;
    private final java.time.ZoneId zone;

    MailLogView(MailLog log, com.stackdesk.base.CurrentUser currentUser) {
        this.zone = currentUser.zone();
        this.log = log;
        setSizeFull();
        // the workspace's page frame: its padding and heading size, as on every other page
        addClassName("sd-page");
        var title = new H1("Mail log");
        refresh.addClickListener(e -> refresh());
        var header = new HorizontalLayout(title, refresh);
        header.setAlignItems(FlexComponent.Alignment.BASELINE);

        grid.addColumn(m -> m.receivedAt() == null ? "" : Times.dateTimeSeconds(m.receivedAt(), zone))
                .setHeader("Received")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(LoggedMail::to)
                .setHeader("To")
                .setWidth("13em")
                .setFlexGrow(1)
                .setTooltipGenerator(LoggedMail::to);
        // the subject says what the email is: it gets the room, and its full text on hover
        grid.addColumn(LoggedMail::subject)
                .setHeader("Subject")
                .setWidth("28em")
                .setFlexGrow(4)
                .setTooltipGenerator(LoggedMail::subject);
        grid.addColumn(LoggedMail::attachmentNames)
                .setHeader("Attachments")
                .setWidth("9em")
                .setFlexGrow(0)
                .setTooltipGenerator(LoggedMail::attachmentNames);
        // the selected email's text below can be long: the page scrolls, the list keeps its height
        grid.setHeight("45vh");
        grid.setMinHeight("45vh");
        grid.setEmptyStateText("No email received since the app started.");
        grid.asSingleSelect().addValueChangeListener(e -> show(e.getValue()));

        selectedText.getStyle().set("white-space", "pre-wrap").set("max-width", "100%");
        memoryNote.addClassName("sd-muted");
        selectedFiles.addClassName("sd-mail-files");
        var warning = log.linkWarning();
        linkWarning.addClassName("sd-link-problems");
        linkWarning.setVisible(warning != null);
        linkWarning.setText(warning == null ? "" : warning);
        add(
                header,
                linkWarning,
                destination,
                memoryNote,
                grid,
                selectedSubject,
                selectedMeta,
                selectedFiles,
                selectedText);
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
                                + (mail.attachments().isEmpty() ? "" : " · attached: " + mail.attachmentNames()));
        selectedText.setText(mail == null ? "" : mail.text());
        selectedFiles.removeAll();
        if (mail == null) {
            return;
        }
        if (mail.html() != null) {
            var html = mail.html().getBytes(java.nio.charset.StandardCharsets.UTF_8);
            selectedFiles.add(new Span("HTML version: "), file("Open", "email.html", "text/html", html, true));
        }
        for (var attachment : mail.attachments()) {
            selectedFiles.add(
                    new Span(attachment.fileName() + ": "),
                    file("Open", attachment.fileName(), attachment.contentType(), attachment.content(), true),
                    new Span(" · "),
                    file("Download", attachment.fileName(), attachment.contentType(), attachment.content(), false));
        }
    }

    /**
     * A link that serves {@code content}: inline (text shown as text, so a calendar file reads in
     * the browser) or as a download with its own type. Served in a sandbox: an email's HTML runs no script here.
     */
    static Anchor file(String label, String fileName, String contentType, byte[] content, boolean inline) {
        DownloadHandler handler = event -> {
            if (inline) {
                event.inline(fileName);
            } else {
                event.setFileName(fileName);
            }
            var type = inline && contentType.startsWith("text/") && !contentType.equals("text/html")
                    ? "text/plain; charset=UTF-8"
                    : contentType.startsWith("text/") ? contentType + "; charset=UTF-8" : contentType;
            event.setContentType(type);
            event.getResponse().setHeader("Content-Security-Policy", "sandbox");
            event.getResponse().setHeader("X-Content-Type-Options", "nosniff");
            event.getOutputStream().write(content);
        };
        var link = new Anchor(handler, inline ? AttachmentType.INLINE : AttachmentType.DOWNLOAD, label);
        link.setTarget(inline ? "_blank" : "");
        link.getElement().setAttribute("aria-label", label + " " + fileName);
        return link;
    }
}

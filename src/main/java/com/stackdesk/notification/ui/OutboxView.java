package com.stackdesk.notification.ui;

import com.stackdesk.base.Times;
import com.stackdesk.base.ui.MainLayout;
import com.stackdesk.notification.EmailStatus;
import com.stackdesk.notification.OutboundEmail;
import com.stackdesk.notification.Outbox;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Instant;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** Every email and its state: pending, sent, or failed with the last error, and a retry button. */
@Route(value = "admin/outbox", layout = MainLayout.class)
@PageTitle("Outbox")
@RolesAllowed({"MANAGER", "ADMIN"})
class OutboxView extends VerticalLayout {

    final Paragraph counts = new Paragraph();
    final Select<EmailStatus> status = new Select<>();
    final Button refresh = new Button("Refresh");
    final Grid<OutboundEmail> grid = new Grid<>(OutboundEmail.class, false);

    private final Outbox outbox;
    private final java.time.ZoneId zone;

    OutboxView(Outbox outbox, com.stackdesk.notification.MailLog mailLog, com.stackdesk.base.CurrentUser currentUser) {
        this.zone = currentUser.zone();
        this.outbox = outbox;
        setSizeFull();
        addClassName("sd-page");

        status.setLabel("Status");
        status.setItems(EmailStatus.values());
        status.setEmptySelectionAllowed(true);
        status.setEmptySelectionCaption("All");
        status.setItemLabelGenerator(s -> s == null ? "All" : s.label());
        status.addValueChangeListener(e -> refresh());
        refresh.addClickListener(e -> refresh());
        var toolbar = new HorizontalLayout(status, refresh);
        toolbar.setAlignItems(FlexComponent.Alignment.BASELINE);

        grid.addColumn(e -> Times.dateTimeSeconds(e.getCreatedAt(), zone))
                .setHeader("Queued")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(e -> e.getKind().label())
                .setHeader("Email")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(OutboundEmail::getRecipient).setHeader("To").setAutoWidth(true);
        grid.addColumn(OutboundEmail::getSubject)
                .setHeader("Subject")
                .setWidth("22em")
                .setFlexGrow(3)
                .setTooltipGenerator(OutboundEmail::getSubject);
        grid.addColumn(e -> e.getStatus().label())
                .setHeader("Status")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(OutboundEmail::getAttempts)
                .setHeader("Attempts")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(this::when)
                .setHeader("Sent / next attempt")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(e -> e.getLastError() == null ? "" : e.getLastError())
                .setHeader("Last error")
                .setWidth("14em")
                .setFlexGrow(2)
                .setTooltipGenerator(e -> e.getLastError() == null ? "" : e.getLastError());
        grid.addComponentColumn(this::retryButton)
                .setHeader("")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.setSizeFull();
        grid.setEmptyStateText("No email with this status.");

        var linkWarning = new com.vaadin.flow.component.html.Div();
        linkWarning.addClassName("sd-link-problems");
        var warning = mailLog.linkWarning();
        linkWarning.setVisible(warning != null);
        linkWarning.setText(warning == null ? "" : warning);
        add(new H1("Outbox"), linkWarning, counts, toolbar, grid);
        refresh();
    }

    void refresh() {
        var byStatus = outbox.counts();
        counts.setText(Arrays.stream(EmailStatus.values())
                .map(s -> s.label() + ": " + byStatus.getOrDefault(s, 0L))
                .collect(Collectors.joining(" · ")));
        grid.setItems(outbox.latest(status.getValue()));
    }

    private String when(OutboundEmail email) {
        return switch (email.getStatus()) {
            case SENT -> email.getSentAt() == null ? "" : "sent " + Times.dateTimeSeconds(email.getSentAt(), zone);
            case PENDING -> "next " + Times.dateTimeSeconds(max(email.getNextAttemptAt(), email.getCreatedAt()), zone);
            case SENDING -> "sending now";
            case FAILED -> "gave up";
        };
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private @Nullable Button retryButton(OutboundEmail email) {
        if (email.getStatus() != EmailStatus.FAILED && email.getStatus() != EmailStatus.PENDING) {
            return null;
        }
        var button = new Button(email.getStatus() == EmailStatus.FAILED ? "Retry" : "Send now");
        button.addThemeVariants(ButtonVariant.LUMO_SMALL);
        button.getElement().setAttribute("aria-label", button.getText() + ": " + email.describe());
        button.addClickListener(e -> {
            if (outbox.retry(email.getId())) {
                Notification.show("Queued again: " + email.describe());
            }
            refresh();
        });
        return button;
    }
}

package com.stackdesk.staff.ui;

import com.stackdesk.base.CurrentUser;
import com.stackdesk.base.TeamZone;
import com.stackdesk.base.Times;
import com.stackdesk.base.ui.MainLayout;
import com.stackdesk.staff.OwnAccount;
import com.stackdesk.staff.StaffChangeRefused;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.time.Clock;
import java.time.ZoneId;

/** A staff member picks the time zone the workspace shows times in; empty means the team's. */
@Route(value = "account/time-zone", layout = MainLayout.class)
@PageTitle("Time zone")
@PermitAll
class TimeZoneView extends VerticalLayout {

    final ComboBox<String> zone = new ComboBox<>("Your time zone");
    final Button save = new Button("Save time zone");
    final Paragraph example = new Paragraph();

    private final OwnAccount account;
    private final CurrentUser currentUser;
    private final TeamZone teamZone;
    private final Clock clock;

    TimeZoneView(OwnAccount account, CurrentUser currentUser, TeamZone teamZone, Clock clock) {
        this.account = account;
        this.currentUser = currentUser;
        this.teamZone = teamZone;
        this.clock = clock;
        addClassName("sd-page");
        zone.setItems(ZoneId.getAvailableZoneIds().stream().sorted().toList());
        zone.setClearButtonVisible(true);
        zone.setPlaceholder("The team's: " + teamZone.get().getId());
        zone.setHelperText("Every time the workspace shows you, and your call hours, are in this zone."
                + " Leave empty for the team's zone.");
        zone.setWidth("24em");
        zone.setValue(account.timeZone());
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> save());
        example.addClassName("sd-muted");
        add(new H1("Time zone"), zone, save, example);
        showExample();
    }

    private void save() {
        try {
            account.changeTimeZone(zone.getValue());
            showExample();
            Notification.show(
                            "Times now show in " + currentUser.zone().getId(), 3000, Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (StaffChangeRefused e) {
            Notification.show(e.getMessage(), 6000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }

    private void showExample() {
        example.setText("Now: " + Times.dateTime(clock.instant(), currentUser.zone())
                + (account.timeZone() == null
                        ? " (the team's zone, " + teamZone.get().getId() + ")"
                        : ""));
    }
}

package com.stackdesk.booking.ui;

import com.stackdesk.base.CurrentUser;
import com.stackdesk.base.StaffPrincipal;
import com.stackdesk.base.ui.MainLayout;
import com.stackdesk.booking.CallHours;
import com.stackdesk.booking.FreeSlots;
import com.stackdesk.staff.StaffChangeRefused;
import com.stackdesk.staff.StaffDirectory;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.timepicker.TimePicker;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * The weekly hours in which visitors may book calls with a rep: each rep edits their own, an admin
 * chooses whose. A day without a tick offers no calls. The hours are in the person's one time zone,
 * the one the workspace shows them times in, which they can change here as under Time zone.
 */
@Route(value = "account/call-hours", layout = MainLayout.class)
@PageTitle("Call hours")
@PermitAll
class CallHoursView extends Main {

    final ComboBox<StaffDirectory.Assignee> whose = new ComboBox<>("Whose call hours");
    final ComboBox<String> zone = new ComboBox<>("Time zone");
    final Map<DayOfWeek, Checkbox> open = new EnumMap<>(DayOfWeek.class);
    final Map<DayOfWeek, TimePicker> from = new EnumMap<>(DayOfWeek.class);
    final Map<DayOfWeek, TimePicker> to = new EnumMap<>(DayOfWeek.class);
    final Button save = new Button("Save call hours");
    final Paragraph problem = new Paragraph();

    private final CallHours hours;
    private long staffId;

    CallHoursView(CallHours hours, CurrentUser currentUser, StaffDirectory directory) {
        this.hours = hours;
        StaffPrincipal user = currentUser.require();
        this.staffId = user.staffId();
        addClassName("sd-page");
        add(
                new H1("Call hours"),
                new Paragraph("Visitors book 30-minute consultation calls within these hours, on weekdays over the "
                        + "next two weeks; out-of-office days and booked calls are left out."));
        if (user.isAdmin()) {
            whose.setItems(directory.activeAssignees());
            whose.setItemLabelGenerator(StaffDirectory.Assignee::fullName);
            whose.addValueChangeListener(e -> {
                if (e.getValue() != null) {
                    staffId = e.getValue().id();
                    load();
                }
            });
            add(whose);
        }
        zone.setItems(ZoneId.getAvailableZoneIds().stream().sorted().toList());
        zone.setRequired(true);
        zone.setWidth("min(100%, 24em)");
        zone.setHelperText(
                user.isAdmin()
                        ? "The person's time zone: their call hours and every time the workspace shows them."
                        : "Your time zone: your call hours and every time the workspace shows you (as under Time zone).");
        add(zone);
        var week = new Div();
        week.addClassName("sd-call-hours");
        for (var day : DayOfWeek.values()) {
            var name = day.getDisplayName(TextStyle.FULL, Locale.ENGLISH);
            var tick = new Checkbox(name);
            var start = new TimePicker("From");
            var end = new TimePicker("To");
            for (var picker : new TimePicker[] {start, end}) {
                picker.setStep(Duration.ofMinutes(30));
                picker.setLocale(Locale.UK); // 24-hour times, as the visitors' slots show them
                picker.getElement().setAttribute("aria-label", picker.getLabel() + " (" + name + ")");
            }
            tick.addValueChangeListener(e -> {
                start.setEnabled(e.getValue());
                end.setEnabled(e.getValue());
            });
            open.put(day, tick);
            from.put(day, start);
            to.put(day, end);
            var row = new Div(tick, start, end);
            row.addClassName("sd-call-hours-day");
            week.add(row);
        }
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> save());
        problem.addClassName("sd-error");
        problem.getElement().setAttribute("role", "alert");
        problem.setVisible(false);
        add(week, problem, save);
        if (user.isAdmin() && !whose.getListDataView().getItems().toList().isEmpty()) {
            whose.setValue(whose.getListDataView().getItem(0)); // admins take no calls themselves
        } else {
            load();
        }
    }

    private void load() {
        var week = hours.of(staffId);
        zone.setValue(week.zone().getId());
        for (var day : DayOfWeek.values()) {
            var span = week.days().get(day);
            open.get(day).setValue(span != null);
            from.get(day).setValue(span == null ? LocalTime.of(9, 0) : span.from());
            to.get(day).setValue(span == null ? LocalTime.of(17, 0) : span.to());
            from.get(day).setEnabled(span != null);
            to.get(day).setEnabled(span != null);
        }
        problem.setVisible(false);
    }

    void save() {
        problem.setVisible(false);
        if (zone.getValue() == null) {
            showProblem("Choose the time zone of these hours.");
            return;
        }
        var days = new EnumMap<DayOfWeek, FreeSlots.Span>(DayOfWeek.class);
        for (var day : DayOfWeek.values()) {
            if (!open.get(day).getValue()) {
                continue;
            }
            var start = from.get(day).getValue();
            var end = to.get(day).getValue();
            var name = day.getDisplayName(TextStyle.FULL, Locale.ENGLISH);
            if (start == null || end == null || !end.isAfter(start)) {
                showProblem(name + ": the hours end after they start.");
                return;
            }
            if (Duration.between(start, end).compareTo(FreeSlots.LENGTH) < 0) {
                showProblem(name + ": the hours hold at least one 30-minute call.");
                return;
            }
            days.put(day, new FreeSlots.Span(start, end));
        }
        try {
            hours.change(staffId, new CallHours.Week(ZoneId.of(zone.getValue()), days));
            Notification.show("Call hours saved", 3000, Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (IllegalArgumentException | StaffChangeRefused e) {
            showProblem(e.getMessage());
        }
    }

    private void showProblem(String text) {
        problem.setText(text);
        problem.setVisible(true);
    }
}

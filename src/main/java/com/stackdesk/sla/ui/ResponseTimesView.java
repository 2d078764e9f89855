package com.stackdesk.sla.ui;

import com.stackdesk.base.CurrentUser;
import com.stackdesk.base.Times;
import com.stackdesk.base.ui.MainLayout;
import com.stackdesk.lead.LeadKind;
import com.stackdesk.sla.BusinessCalendar;
import com.stackdesk.sla.ResponseSettings;
import com.stackdesk.sla.ResponseTarget;
import com.stackdesk.sla.SettingsRefused;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.timepicker.TimePicker;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The team's response times: business hours per weekday, holidays, the team's time zone, the
 * first-response target per kind of lead, when owners are reminded and whether an overdue lead
 * goes to someone else. Saving refuses settings that make no sense and changes nothing then.
 */
@Route(value = "admin/response-times", layout = MainLayout.class)
@PageTitle("Response times")
@RolesAllowed({"MANAGER", "ADMIN"})
class ResponseTimesView extends Main {

    /** One weekday's row: open or not, and its hours. */
    record DayRow(Checkbox open, TimePicker opens, TimePicker closes) {}

    /** One holiday's row. */
    record HolidayRow(DatePicker date, TextField name, Div row) {}

    final ComboBox<String> timeZone = new ComboBox<>("Team time zone");
    final Map<DayOfWeek, DayRow> days = new EnumMap<>(DayOfWeek.class);
    final List<HolidayRow> holidays = new ArrayList<>();
    final Div holidayRows = new Div();
    final Button addHoliday = new Button("Add holiday", VaadinIcon.PLUS.create());
    final IntegerField consultationAmount = new IntegerField("Consultation: first response within");
    final ComboBox<ResponseTarget.Unit> consultationUnit = new ComboBox<>("Unit");
    final IntegerField planAmount = new IntegerField("Development plan: first response within");
    final ComboBox<ResponseTarget.Unit> planUnit = new ComboBox<>("Unit");
    final IntegerField remindPercent = new IntegerField("Remind the owner at (% of the time)");
    final Checkbox reassignOverdue = new Checkbox("Give an overdue lead to the next available rep");
    final Button save = new Button("Save response times");
    final Paragraph preview = new Paragraph();

    private final ResponseSettings settings;
    private final Clock clock;
    private final ZoneId readerZone;

    ResponseTimesView(ResponseSettings settings, CurrentUser currentUser, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.readerZone = currentUser.zone();
        addClassNames("sd-page", "sd-response-times");

        var intro = new Paragraph("Every new lead gets a deadline for its first response, counted in business hours"
                + " in the team's time zone. Its owner is reminded before it; at the deadline the managers are"
                + " alerted. A first move out of New or a logged contact answers the lead.");
        intro.addClassName("sd-muted");

        timeZone.setItems(ZoneId.getAvailableZoneIds().stream().sorted().toList());
        timeZone.setHelperText("Business hours are counted here; staff without a zone of their own read times in it");
        timeZone.addClassName("sd-wide-field");

        var week = new Div();
        week.addClassName("sd-week");
        var columns = new Div(
                new com.vaadin.flow.component.html.Span("Day"),
                new com.vaadin.flow.component.html.Span("Opens"),
                new com.vaadin.flow.component.html.Span("Closes"));
        columns.addClassNames("sd-day-row", "sd-day-head");
        columns.getElement().setAttribute("aria-hidden", "true");
        week.add(columns);
        for (var day : DayOfWeek.values()) {
            var name = day.getDisplayName(TextStyle.FULL, Locale.ENGLISH);
            // "Mon": the row fits a phone; the full name is what screen readers say
            var open = new Checkbox(day.getDisplayName(TextStyle.SHORT, Locale.ENGLISH));
            open.setAriaLabel(name);
            var opens = new TimePicker();
            var closes = new TimePicker();
            opens.setAriaLabel(name + " opens");
            closes.setAriaLabel(name + " closes");
            for (var picker : List.of(opens, closes)) {
                picker.setStep(Duration.ofMinutes(30));
                picker.setLocale(Locale.UK);
            }
            open.addValueChangeListener(e -> {
                opens.setEnabled(e.getValue());
                closes.setEnabled(e.getValue());
            });
            var row = new Div(open, opens, closes);
            row.addClassName("sd-day-row");
            week.add(row);
            days.put(day, new DayRow(open, opens, closes));
        }

        holidayRows.addClassName("sd-holidays");
        addHoliday.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        addHoliday.addClickListener(e -> addHolidayRow(null, ""));

        for (var field : List.of(consultationAmount, planAmount)) {
            field.setMin(1);
            field.setMax(ResponseTarget.MAX);
            field.setStepButtonsVisible(true);
            // the whole label ("Development plan: first response within"), not "Development plan: first re…"
            field.setWidth("18rem");
        }
        for (var unit : List.of(consultationUnit, planUnit)) {
            unit.setItems(ResponseTarget.Unit.values());
            unit.setItemLabelGenerator(ResponseTarget.Unit::label);
        }
        remindPercent.setMin(1);
        remindPercent.setMax(99);
        remindPercent.setHelperText("50: halfway from arrival to the deadline, in business time");
        reassignOverdue.setTooltipText("By the routing rules, among everyone but the current owner; once per lead");

        var consultation = new Div(consultationAmount, consultationUnit);
        consultation.addClassName("sd-row");
        var plan = new Div(planAmount, planUnit);
        plan.addClassName("sd-row");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> save());
        preview.addClassName("sd-muted");

        add(
                new H1("Response times"),
                intro,
                card("Team time zone", timeZone),
                card("Business hours", week),
                card("Holidays", holidayRows, addHoliday),
                card("Targets and reminders", consultation, plan, remindPercent, reassignOverdue),
                save,
                preview);
        show(settings.current());
    }

    private void show(ResponseSettings.Settings current) {
        timeZone.setValue(current.timeZone());
        days.forEach((day, row) -> {
            var hours = current.hours().get(day);
            row.open().setValue(hours != null);
            row.opens().setValue(hours == null ? LocalTime.of(9, 0) : hours.opens());
            row.closes().setValue(hours == null ? LocalTime.of(17, 0) : hours.closes());
            row.opens().setEnabled(hours != null);
            row.closes().setEnabled(hours != null);
        });
        holidays.clear();
        holidayRows.removeAll();
        current.holidays().forEach(h -> addHolidayRow(h.date(), h.name()));
        consultationAmount.setValue(current.consultation().amount());
        consultationUnit.setValue(current.consultation().unit());
        planAmount.setValue(current.developmentPlan().amount());
        planUnit.setValue(current.developmentPlan().unit());
        remindPercent.setValue(current.remindPercent());
        reassignOverdue.setValue(current.reassignOverdue());
        showPreview();
    }

    private void addHolidayRow(java.time.@org.jspecify.annotations.Nullable LocalDate date, String name) {
        var picker = new DatePicker("Date", date);
        var label = new TextField("Name", name, "");
        label.setMaxLength(100);
        var remove = new Button(VaadinIcon.TRASH.create());
        remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        remove.setAriaLabel("Remove holiday");
        var row = new Div(picker, label, remove);
        row.addClassName("sd-row");
        var holiday = new HolidayRow(picker, label, row);
        remove.addClickListener(e -> {
            holidays.remove(holiday);
            holidayRows.remove(row);
        });
        holidays.add(holiday);
        holidayRows.add(row);
    }

    void save() {
        try {
            var hours = new EnumMap<DayOfWeek, BusinessCalendar.Hours>(DayOfWeek.class);
            days.forEach((day, row) -> {
                if (row.open().getValue()) {
                    if (row.opens().getValue() == null
                            || row.closes().getValue() == null
                            || !row.opens().getValue().isBefore(row.closes().getValue())) {
                        throw new SettingsRefused(
                                "On " + row.open().getLabel() + " the team must open before it closes.");
                    }
                    hours.put(
                            day,
                            new BusinessCalendar.Hours(
                                    row.opens().getValue(), row.closes().getValue()));
                }
            });
            var days = new ArrayList<ResponseSettings.Holiday>();
            for (var holiday : holidays) {
                if (holiday.date().getValue() == null) {
                    throw new SettingsRefused("Pick a date for every holiday, or remove the empty one.");
                }
                days.add(new ResponseSettings.Holiday(
                        holiday.date().getValue(), holiday.name().getValue()));
            }
            settings.save(new ResponseSettings.Settings(
                    Objects.requireNonNullElse(timeZone.getValue(), ""),
                    hours,
                    days,
                    target("Consultation", consultationAmount, consultationUnit),
                    target("Development plan", planAmount, planUnit),
                    Objects.requireNonNullElse(remindPercent.getValue(), 0),
                    reassignOverdue.getValue()));
            show(settings.current());
            Notification.show("Response times saved", 3000, Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (SettingsRefused e) {
            Notification.show(e.getMessage(), 6000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }

    private static ResponseTarget target(String what, IntegerField amount, ComboBox<ResponseTarget.Unit> unit) {
        var value = amount.getValue();
        if (value == null || value < 1 || value > ResponseTarget.MAX || unit.getValue() == null) {
            throw new SettingsRefused(what + ": a target of 1 to " + ResponseTarget.MAX + " business hours or days.");
        }
        return new ResponseTarget(value, unit.getValue());
    }

    private void showPreview() {
        var now = clock.instant();
        var rules = settings.rules();
        var due = rules.dueFor(LeadKind.CONSULTATION, now);
        var plan = rules.dueFor(LeadKind.DEVELOPMENT_PLAN, now);
        preview.setText("Arriving now, a consultation would be due " + Times.due(due.dueAt(), now, readerZone)
                + " (owner reminded " + Times.due(due.remindAt(), now, readerZone) + "), a development plan "
                + Times.due(plan.dueAt(), now, readerZone) + ".");
    }

    private static Section card(String heading, com.vaadin.flow.component.Component... content) {
        var section = new Section(new H2(heading));
        section.add(content);
        section.addClassName("sd-card");
        return section;
    }
}

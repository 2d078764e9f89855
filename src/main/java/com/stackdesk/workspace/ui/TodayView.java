package com.stackdesk.workspace.ui;

import com.stackdesk.base.CurrentUser;
import com.stackdesk.base.Times;
import com.stackdesk.base.ui.MainLayout;
import com.stackdesk.booking.CallBooking;
import com.stackdesk.booking.CallDetails;
import com.stackdesk.lead.IllegalLeadChange;
import com.stackdesk.lead.LeadAgenda;
import com.stackdesk.lead.LeadChangedMeanwhile;
import com.stackdesk.lead.LeadRow;
import com.stackdesk.lead.LeadStatus;
import com.stackdesk.lead.LeadWork;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.security.access.AccessDeniedException;

/**
 * A rep's day on one page, in their time zone: their booked calls of today and the coming week,
 * first responses overdue or due today, then follow-ups due, then new leads nobody holds that they
 * may take, each with one-click actions. Every action reloads the page's lists, so a line
 * disappears once its work is done (a booked call stays, marked as logged).
 */
@Route(value = "today", layout = MainLayout.class)
@PageTitle("Today")
@RolesAllowed("SALES")
public class TodayView extends Main {

    /** A snoozed follow-up comes back the next morning at this hour, in the rep's zone. */
    static final LocalTime SNOOZE_TO = LocalTime.of(9, 0);

    /** Booked calls are listed from the start of today to the end of this many days ahead. */
    static final int CALL_DAYS_AHEAD = 7;

    final Span dateLine = new Span();
    final TodaySection calls = new TodaySection(
            "today-calls", "Calls today and coming up", "No call booked for today or the coming week.");
    final TodaySection responses =
            new TodaySection("today-responses", "First responses due", "No first response due today. Nice.");
    final TodaySection followUps = new TodaySection("today-follow-ups", "Follow-ups", "No follow-up due today.");
    final TodaySection unassigned =
            new TodaySection("today-unassigned", "New leads you may take", "No new lead waits for an owner.");

    private final LeadAgenda agenda;
    private final LeadWork work;
    private final CallBooking booking;
    private final Clock clock;
    private final ZoneId zone;
    private final long staffId;
    /** The calls logged from this page: their line says so instead of offering the button again. */
    private final Set<Long> loggedCalls = new HashSet<>();

    TodayView(LeadAgenda agenda, LeadWork work, CallBooking booking, CurrentUser currentUser, Clock clock) {
        this.agenda = agenda;
        this.work = work;
        this.booking = booking;
        this.clock = clock;
        this.zone = currentUser.zone();
        this.staffId = currentUser.require().staffId();
        addClassNames("sd-page", "sd-today");
        dateLine.addClassName("sd-muted");
        var head = new Div(new H1("Today"), dateLine);
        head.addClassName("sd-lead-head");
        add(head);
        sections().forEach(this::add);
        refresh();
    }

    /** The page's sections, top to bottom: the calls fixed in time, then what is most urgent. */
    List<TodaySection> sections() {
        return List.of(calls, responses, followUps, unassigned);
    }

    /** Reads every section again. */
    void refresh() {
        var now = clock.instant();
        var today = now.atZone(zone).toLocalDate();
        var endOfDay = today.plusDays(1).atStartOfDay(zone).toInstant();
        dateLine.setText(now.atZone(zone)
                        .format(java.time.format.DateTimeFormatter.ofPattern("EEEE d MMMM", java.util.Locale.ENGLISH))
                + " · times in " + zone.getId());
        calls.show(booking
                .bookedCallsOf(
                        staffId,
                        today.atStartOfDay(zone).toInstant(),
                        today.plusDays(CALL_DAYS_AHEAD + 1L).atStartOfDay(zone).toInstant())
                .stream()
                .map(call -> callLine(call, now))
                .toList());
        responses.show(agenda.responsesDue(endOfDay).stream()
                .map(row -> responseLine(row, now))
                .toList());
        followUps.show(agenda.followUpsDue(endOfDay).stream()
                .map(row -> followUpLine(row, now))
                .toList());
        unassigned.show(agenda.unassignedNew().stream()
                .map(row -> unassignedLine(row, now))
                .toList());
    }

    private ListItem callLine(CallDetails call, Instant now) {
        var link = new RouterLink(
                call.visitorName(), LeadDetailView.class, new RouteParameters("reference", call.leadReference()));
        link.addClassName("sd-today-name");
        var info = new Span(call.leadReference() + " · consultation call · the visitor's time "
                + Times.due(call.startsAt(), now, call.visitorZone()));
        info.addClassName("sd-muted");
        boolean started = !call.startsAt().isAfter(now);
        var when = Formats.badge(
                "Call " + Times.due(call.startsAt(), now, zone) + "–"
                        + DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH)
                                .format(call.endsAt().atZone(zone)),
                started ? "overdue" : "due");
        Component action;
        if (loggedCalls.contains(call.id())) {
            var logged = new Span("Call logged");
            logged.addClassNames("sd-badge", "answered");
            action = logged;
        } else {
            var log = new Button("Log call");
            log.addThemeVariants(ButtonVariant.LUMO_SMALL);
            log.getElement()
                    .setAttribute("aria-label", "Log call: " + call.visitorName() + " (" + call.leadReference() + ")");
            log.addClickListener(e -> {
                try {
                    var lead = work.open(call.leadReference());
                    work.logContact(
                            call.leadReference(),
                            lead.getVersion(),
                            "Consultation call (booked for " + Times.dateTime(call.startsAt(), zone) + ")");
                    loggedCalls.add(call.id());
                    Notification.show("Call logged", 3000, Notification.Position.BOTTOM_START)
                            .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                } catch (LeadChangedMeanwhile | IllegalLeadChange | AccessDeniedException ex) {
                    Notification.show(ex.getMessage(), 6000, Notification.Position.MIDDLE)
                            .addThemeVariants(NotificationVariant.LUMO_ERROR);
                }
                refresh();
            });
            action = log;
        }
        return TodaySection.line(new Div(link, info), when, action);
    }

    private ListItem responseLine(LeadRow row, Instant now) {
        var due = Objects.requireNonNull(row.responseDueAt());
        return TodaySection.line(
                what(row, row.kind().label()),
                dueBadge(due, now),
                button(
                        "Call logged",
                        row,
                        () -> work.logContact(row.reference(), row.version(), "Called"),
                        "Call logged"),
                button(
                        "Email logged",
                        row,
                        () -> work.logContact(row.reference(), row.version(), "Sent an email"),
                        "Email logged"),
                button(
                        "Move to Contacted",
                        row,
                        () -> work.changeStatus(row.reference(), row.version(), LeadStatus.CONTACTED, null, null),
                        "Moved to Contacted"));
    }

    private ListItem followUpLine(LeadRow row, Instant now) {
        var at = Objects.requireNonNull(row.followUpAt());
        var snoozeTo = now.atZone(zone)
                .toLocalDate()
                .plusDays(1)
                .atTime(SNOOZE_TO)
                .atZone(zone)
                .toInstant();
        return TodaySection.line(
                what(row, Objects.requireNonNullElse(row.followUpText(), "")),
                dueBadge(at, now),
                button("Done", row, () -> work.completeFollowUp(row.reference()), "Follow-up done"),
                button(
                        "Snooze to tomorrow",
                        row,
                        () -> work.snoozeFollowUp(row.reference(), snoozeTo),
                        "Snoozed to " + Times.due(snoozeTo, now, zone)),
                button(
                        "Call logged",
                        row,
                        () -> work.logContact(row.reference(), row.version(), "Called"),
                        "Call logged"));
    }

    private ListItem unassignedLine(LeadRow row, Instant now) {
        var when = new Span("waiting " + Times.duration(Duration.between(row.createdAt(), now))
                + (row.responseDueAt() == null ? "" : " · due " + Times.due(row.responseDueAt(), now, zone)));
        when.addClassName("sd-muted");
        return TodaySection.line(
                what(row, row.stack().label() + " " + row.kind().label().toLowerCase(java.util.Locale.ROOT)),
                when,
                button("Take", row, () -> work.take(row.reference(), row.version()), "The lead is yours"));
    }

    private static Component what(LeadRow row, String detail) {
        var link =
                new RouterLink(row.fullName(), LeadDetailView.class, new RouteParameters("reference", row.reference()));
        link.addClassName("sd-today-name");
        var info = new Span(row.reference() + " · " + detail);
        info.addClassName("sd-muted");
        return new Div(link, info);
    }

    private Span dueBadge(Instant due, Instant now) {
        boolean overdue = due.isBefore(now);
        var badge = Formats.badge(
                (overdue ? "Overdue · was due " : "Due ") + Times.due(due, now, zone), overdue ? "overdue" : "due");
        return badge;
    }

    private Button button(String label, LeadRow row, Supplier<Object> action, String success) {
        var button = new Button(label);
        button.addThemeVariants(ButtonVariant.LUMO_SMALL);
        button.getElement().setAttribute("aria-label", label + ": " + row.fullName() + " (" + row.reference() + ")");
        button.addClickListener(e -> {
            try {
                action.get();
                Notification.show(success, 3000, Notification.Position.BOTTOM_START)
                        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            } catch (LeadChangedMeanwhile | IllegalLeadChange | AccessDeniedException ex) {
                Notification.show(ex.getMessage(), 6000, Notification.Position.MIDDLE)
                        .addThemeVariants(NotificationVariant.LUMO_ERROR);
            }
            refresh();
        });
        return button;
    }
}

package com.stackdesk.booking.ui;

import com.stackdesk.booking.CallBooking;
import com.stackdesk.booking.CallDetails;
import com.stackdesk.booking.FreeSlots;
import com.stackdesk.booking.Slot;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.shared.Registration;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The visitor's choice of a call slot: the free 30-minute slots by day, in the visitor's own time
 * zone (detected from the browser unless their request named one; they can change it). Picking a
 * time books it at once ({@code pick}); a slot taken meanwhile says so and shows the slots anew.
 * While routing is still choosing the lead's owner it asks again every second, for half a minute.
 */
public class SlotPicker extends Div {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);
    private static final DateTimeFormatter LONG_DAY = DateTimeFormatter.ofPattern("EEEE d MMMM", Locale.ENGLISH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);
    private static final int MAX_WAITS = 30;

    final ComboBox<String> zone = new ComboBox<>("Times shown in");
    final Div days = new Div();
    final H3 dayHeading = new H3();
    final Div times = new Div();
    final Paragraph message = new Paragraph();

    private final Supplier<CallBooking.Offer> offers;
    private final BiFunction<Slot, ZoneId, CallBooking.Outcome> pick;
    private final Consumer<CallDetails> done;
    private CallBooking.@Nullable Offer offer;
    private @Nullable LocalDate day;
    private int waits;
    private @Nullable Registration polling;

    /**
     * @param offers what there is to pick from now
     * @param pick books (or moves the call to) a slot, the visitor seeing times in the zone given
     * @param done what to show once the call is booked (the picker hides itself)
     */
    public SlotPicker(
            Supplier<CallBooking.Offer> offers,
            BiFunction<Slot, ZoneId, CallBooking.Outcome> pick,
            Consumer<CallDetails> done) {
        this.offers = offers;
        this.pick = pick;
        this.done = done;
        addClassName("sd-slot-picker");
        zone.setItems(ZoneId.getAvailableZoneIds().stream().sorted().toList());
        zone.setAllowCustomValue(false);
        zone.setWidthFull();
        zone.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                show();
            }
        });
        days.addClassName("sd-slot-days");
        days.getElement().setAttribute("role", "group");
        days.getElement().setAttribute("aria-label", "Days");
        times.addClassName("sd-slot-times");
        times.getElement().setAttribute("role", "group");
        times.getElement().setAttribute("aria-label", "Times");
        message.addClassName("sd-slot-message");
        message.getElement().setAttribute("role", "status");
        add(zone, days, dayHeading, times, message);
    }

    @Override
    protected void onAttach(AttachEvent event) {
        reload();
    }

    @Override
    protected void onDetach(DetachEvent event) {
        stopPolling(event.getUI());
    }

    /** Reads the offer anew and shows it. */
    void reload() {
        offer = offers.get();
        switch (offer) {
            case CallBooking.Offer.Waiting w -> waitForRouting();
            case CallBooking.Offer.Open open -> {
                getUI().ifPresent(this::stopPolling);
                if (zone.getValue() == null) {
                    if (open.visitorZone() != null) {
                        zone.setValue(open.visitorZone().getId());
                    } else {
                        zone.setValue("UTC");
                        getUI().ifPresent(ui -> ui.getPage().retrieveExtendedClientDetails(details -> {
                            if (valid(details.getTimeZoneId())) {
                                zone.setValue(details.getTimeZoneId());
                                show();
                            }
                        }));
                    }
                }
                show();
            }
            case CallBooking.Offer.Booked booked -> {
                getUI().ifPresent(this::stopPolling);
                done.accept(booked.call());
                setVisible(false);
            }
            case CallBooking.Offer.Invalid invalid -> {
                getUI().ifPresent(this::stopPolling);
                showOnly(invalid.message());
            }
        }
    }

    private void waitForRouting() {
        if (waits++ >= MAX_WAITS) {
            getUI().ifPresent(this::stopPolling);
            showOnly("We cannot show free times right now: we will contact you to arrange the call.");
            return;
        }
        showOnly("Finding your consultant's free times…");
        getUI().ifPresent(ui -> {
            if (polling == null) {
                ui.setPollInterval(1000);
                polling = ui.addPollListener(e -> reload());
            }
        });
    }

    private void stopPolling(UI ui) {
        if (polling != null) {
            polling.remove();
            polling = null;
            ui.setPollInterval(-1);
        }
    }

    private void showOnly(String text) {
        zone.setVisible(false);
        days.removeAll();
        times.removeAll();
        dayHeading.setVisible(false);
        message.setText(text);
    }

    /** Shows the offer's slots in the chosen zone: a button per day, and the chosen day's times. */
    private void show() {
        if (!(offer instanceof CallBooking.Offer.Open open)) {
            return;
        }
        var visitorZone = chosenZone();
        var byDay = FreeSlots.byDay(open.slots(), visitorZone);
        zone.setVisible(true);
        days.removeAll();
        times.removeAll();
        if (byDay.isEmpty()) {
            dayHeading.setVisible(false);
            message.setText("No free times in the next two weeks: we will contact you to arrange the call.");
            return;
        }
        if (day == null || !byDay.containsKey(day)) {
            day = byDay.keySet().iterator().next();
        }
        for (var d : byDay.keySet()) {
            var button = new Button(DAY.format(d), e -> {
                day = d;
                show();
            });
            button.addThemeVariants(d.equals(day) ? ButtonVariant.LUMO_PRIMARY : ButtonVariant.LUMO_CONTRAST);
            button.getElement().setAttribute("aria-pressed", String.valueOf(d.equals(day)));
            days.add(button);
        }
        dayHeading.setVisible(true);
        dayHeading.setText(LONG_DAY.format(day));
        var chosen = day;
        for (var slot : byDay.get(chosen)) {
            var label = TIME.format(slot.startsAt().atZone(visitorZone));
            var button = new Button(label, e -> book(slot));
            button.getElement().setAttribute("aria-label", "Book " + label + " on " + LONG_DAY.format(chosen));
            times.add(button);
        }
        message.setText(reps(open.repNames()) + "Each call takes 30 minutes; pick a time to book it.");
    }

    private void book(Slot slot) {
        switch (pick.apply(slot, chosenZone())) {
            case CallBooking.Outcome.Done d -> {
                setVisible(false);
                done.accept(d.call());
            }
            case CallBooking.Outcome.Taken t -> {
                reload();
                message.setText(t.message());
            }
            case CallBooking.Outcome.Refused r -> {
                reload();
                message.setText(r.message());
            }
        }
    }

    ZoneId chosenZone() {
        return valid(zone.getValue()) ? ZoneId.of(zone.getValue()) : ZoneId.of("UTC");
    }

    private static String reps(Map<Long, String> names) {
        return names.size() == 1 ? "With " + names.values().iterator().next() + ". " : "";
    }

    private static boolean valid(@Nullable String zoneId) {
        if (zoneId == null || zoneId.isBlank()) {
            return false;
        }
        try {
            ZoneId.of(zoneId);
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }
}

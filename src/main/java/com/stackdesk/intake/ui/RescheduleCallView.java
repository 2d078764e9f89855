package com.stackdesk.intake.ui;

import com.stackdesk.booking.CallBooking;
import com.stackdesk.booking.CallDetails;
import com.stackdesk.booking.ui.SlotPicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

/**
 * The visitor moves their booked call to another of the rep's free slots, from the signed link in
 * the call's email ({@code ?t=...}); no account needed. The new invitation follows by email.
 */
@Route(value = "call/reschedule", layout = PublicLayout.class)
@PageTitle("Reschedule your call")
@AnonymousAllowed
class RescheduleCallView extends Div implements BeforeEnterObserver {

    final Paragraph current = new Paragraph();
    final Paragraph result = new Paragraph();
    private final CallBooking calls;

    RescheduleCallView(CallBooking calls) {
        this.calls = calls;
        addClassName("sd-thank-you");
        result.getElement().setAttribute("role", "status");
        result.addClassName("sd-booked");
        result.setVisible(false);
        add(new H1("Reschedule your call"), current, result);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var token =
                event.getLocation().getQueryParameters().getSingleParameter("t").orElse("");
        switch (calls.rescheduleOffer(token)) {
            case CallBooking.Offer.Open open
            when open.current() != null -> {
                var call = open.current();
                current.setText("Your call with " + call.repName() + " is booked for " + call.when(call.visitorZone())
                        + ". Pick a new time below; the old one is freed.");
                add(new SlotPicker(
                        () -> calls.rescheduleOffer(token),
                        (slot, zone) -> calls.reschedule(token, slot, zone),
                        this::moved));
            }
            case CallBooking.Offer.Invalid invalid -> current.setText(invalid.message());
            default -> current.setText("This call cannot be changed here. Please write to us.");
        }
    }

    private void moved(CallDetails call) {
        current.setVisible(false);
        result.setText("Your call is moved to " + call.when(call.visitorZone()) + " with " + call.repName()
                + ". We emailed you the updated invitation.");
        result.setVisible(true);
    }
}

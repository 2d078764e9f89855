package com.stackdesk.intake.ui;

import com.stackdesk.booking.CallBooking;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

/**
 * The visitor cancels their booked call from the signed link in the call's email ({@code ?t=...});
 * opening the link changes nothing (mail scanners open links), the button does.
 */
@Route(value = "call/cancel", layout = PublicLayout.class)
@PageTitle("Cancel your call")
@AnonymousAllowed
class CancelCallView extends Div implements BeforeEnterObserver {

    final Paragraph current = new Paragraph();
    final Button cancel = new Button("Cancel the call");
    private final CallBooking calls;
    private String token = "";

    CancelCallView(CallBooking calls) {
        this.calls = calls;
        addClassName("sd-thank-you");
        current.getElement().setAttribute("role", "status");
        cancel.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
        cancel.setVisible(false);
        cancel.addClickListener(e -> {
            switch (calls.cancel(token)) {
                case CallBooking.Outcome.Done done ->
                    current.setText(
                            "Your call of " + done.call().when(done.call().visitorZone())
                                    + " is cancelled. We emailed you the cancellation for your calendar.");
                case CallBooking.Outcome.Taken taken -> current.setText(taken.message());
                case CallBooking.Outcome.Refused refused -> current.setText(refused.message());
            }
            cancel.setVisible(false);
        });
        add(new H1("Cancel your call"), current, cancel);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        token = event.getLocation().getQueryParameters().getSingleParameter("t").orElse("");
        switch (calls.cancelOffer(token)) {
            case CallBooking.Offer.Booked booked -> {
                var call = booked.call();
                current.setText("Your call with " + call.repName() + " is booked for " + call.when(call.visitorZone())
                        + ". Cancel it? You can send a new request any time.");
                cancel.setVisible(true);
            }
            case CallBooking.Offer.Invalid invalid -> current.setText(invalid.message());
            default -> current.setText("This call cannot be changed here. Please write to us.");
        }
    }
}

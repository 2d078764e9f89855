package com.stackdesk.intake.ui;

import com.stackdesk.booking.CallBooking;
import com.stackdesk.booking.CallDetails;
import com.stackdesk.booking.ui.SlotPicker;
import com.stackdesk.intake.IntakeFields;
import com.stackdesk.lead.LeadKind;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.List;

/**
 * Shown after a successful submission: the reference to quote and what happens next. After a
 * consultation request it offers the free call slots, through a booking link signed for the lead
 * that only the submitting visitor's browser was sent to ({@code ?book=...}); without it the page
 * reveals nothing but the reference, so the address is safe to share.
 */
@Route(value = "thank-you", layout = PublicLayout.class)
@PageTitle("Thank you: your request is in")
@AnonymousAllowed
class ThankYouView extends Div implements HasUrlParameter<String> {

    static final String BOOKING_PARAMETER = "book";

    final Span reference = new Span();
    final OrderedList steps = new OrderedList();
    final Section booking = new Section();
    final Paragraph booked = new Paragraph();

    private final IntakeFields fields;
    private final CallBooking calls;

    ThankYouView(IntakeFields fields, CallBooking calls) {
        this.fields = fields;
        this.calls = calls;
        addClassName("sd-thank-you");
        reference.addClassName("sd-reference");
        var quote = new Paragraph(new Span("Your reference: "), reference);
        quote.addClassName("sd-reference-line");
        booking.addClassName("sd-booking");
        booking.setVisible(false);
        booked.addClassName("sd-booked");
        booked.getElement().setAttribute("role", "status");
        booked.setVisible(false);
        add(
                new H1("Thank you, your request is in"),
                quote,
                new Paragraph("Quote it if you write or call us about this request."),
                booked,
                booking,
                new H2("What happens next"),
                steps,
                new RouterLink("Back to the home page", LandingView.class));
    }

    @Override
    public void setParameter(BeforeEvent event, String parameter) {
        reference.setText(parameter.matches("SD-[0-9A-Z]{6}") ? parameter : "");
        var query = event.getLocation().getQueryParameters();
        // what happens next depends on what was asked for: a plan is not "contacted the way you asked"
        var kind = LeadKind.DEVELOPMENT_PLAN
                        .name()
                        .equals(query.getSingleParameter("kind").orElse(""))
                ? LeadKind.DEVELOPMENT_PLAN
                : LeadKind.CONSULTATION;
        var token = query.getSingleParameter(BOOKING_PARAMETER).orElse(null);
        showSteps(fields.nextSteps(kind, token != null));
        booking.removeAll();
        if (token != null) {
            booking.add(
                    new H2("Book your call"),
                    new SlotPicker(
                            () -> calls.offer(token), (slot, zone) -> calls.book(token, slot, zone), this::booked));
            booking.setVisible(true);
        }
    }

    private void booked(CallDetails call) {
        booking.setVisible(false);
        booked.setText("Your call is booked: " + call.when(call.visitorZone()) + " with " + call.repName()
                + ". We emailed you a calendar invitation with links to reschedule or cancel.");
        booked.setVisible(true);
        showSteps(List.of(
                "We have emailed you a confirmation and the invitation to your call.",
                call.repName() + " reads your request before the call.",
                "A day before the call we remind you by email."));
    }

    private void showSteps(List<String> next) {
        steps.removeAll();
        next.forEach(step -> steps.add(new ListItem(step)));
    }
}

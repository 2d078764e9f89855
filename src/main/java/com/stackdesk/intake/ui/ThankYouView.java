package com.stackdesk.intake.ui;

import com.stackdesk.intake.IntakeProperties;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.auth.AnonymousAllowed;

/**
 * Shown after a successful submission: the reference to quote and what happens next. It reveals
 * nothing but the reference, so the address is safe to share.
 */
@Route(value = "thank-you", layout = PublicLayout.class)
@PageTitle("Thank you: your request is in")
@AnonymousAllowed
class ThankYouView extends Div implements HasUrlParameter<String> {

    final Span reference = new Span();

    ThankYouView(IntakeProperties properties) {
        addClassName("sd-thank-you");
        reference.addClassName("sd-reference");
        var quote = new Paragraph(new Span("Your reference: "), reference);
        quote.addClassName("sd-reference-line");
        var steps = new OrderedList(
                new ListItem("We have emailed you a confirmation with this reference."),
                new ListItem("A specialist in the stack you chose reads your request."),
                new ListItem("They contact you " + properties.responsePromise() + " the way you asked."));
        add(
                new H1("Thank you, your request is in"),
                quote,
                new Paragraph("Quote it if you write or call us about this request."),
                new H2("What happens next"),
                steps,
                new RouterLink("Back to the home page", LandingView.class));
    }

    @Override
    public void setParameter(BeforeEvent event, String parameter) {
        reference.setText(parameter.matches("SD-[0-9A-Z]{6}") ? parameter : "");
    }
}

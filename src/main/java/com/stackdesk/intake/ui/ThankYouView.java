package com.stackdesk.intake.ui;

import com.stackdesk.intake.IntakeFields;
import com.stackdesk.lead.LeadKind;
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
    final OrderedList steps = new OrderedList();

    private final IntakeFields fields;

    ThankYouView(IntakeFields fields) {
        this.fields = fields;
        addClassName("sd-thank-you");
        reference.addClassName("sd-reference");
        var quote = new Paragraph(new Span("Your reference: "), reference);
        quote.addClassName("sd-reference-line");
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
        // what happens next depends on what was asked for: a plan is not "contacted the way you asked"
        var kind = event.getLocation()
                .getQueryParameters()
                .getSingleParameter("kind")
                .orElse("");
        steps.removeAll();
        fields.nextSteps(
                        LeadKind.DEVELOPMENT_PLAN.name().equals(kind)
                                ? LeadKind.DEVELOPMENT_PLAN
                                : LeadKind.CONSULTATION)
                .forEach(step -> steps.add(new ListItem(step)));
    }
}

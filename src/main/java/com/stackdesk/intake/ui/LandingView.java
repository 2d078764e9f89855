package com.stackdesk.intake.ui;

import com.stackdesk.intake.IntakeProperties;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.springframework.beans.factory.annotation.Value;

/** The public front page: what we do and the two ways to start. */
@Route(value = "", layout = PublicLayout.class)
@PageTitle("Software consulting: book a call or get a development plan")
@AnonymousAllowed
class LandingView extends Div {

    static final String HEADLINE = "Backend systems that ship, in the stack you trust";

    static String pitch(String consultancyName, IntakeProperties properties) {
        return consultancyName + " builds and rescues backends in Node.js, Python, Go, Java, PHP and Ruby. "
                + "Tell us what you need and a specialist in your stack answers " + properties.responsePromise() + ".";
    }

    LandingView(@Value("${stackdesk.consultancy-name}") String consultancyName, IntakeProperties properties) {
        addClassName("sd-landing");
        var hero = new Section(new H1(HEADLINE), new Paragraph(pitch(consultancyName, properties)));
        hero.addClassName("sd-hero");

        var book = card(
                "Book a Consultation",
                "A free 30-minute call with an engineer who knows your stack: architecture, scaling, "
                        + "a second opinion.",
                new RouterLink("Book a Consultation", BookConsultationView.class));
        var plan = card(
                "Get a Custom Development Plan",
                "Tell us what you want built; we send a plan with scope, milestones, team and budget.",
                new RouterLink("Get a Custom Development Plan", DevelopmentPlanView.class));
        var cards = new Div(book, plan);
        cards.addClassName("sd-cta-cards");
        add(hero, cards);
    }

    private static Section card(String title, String text, RouterLink action) {
        action.addClassName("sd-button-link");
        var card = new Section(new H2(title), new Paragraph(text), action);
        card.addClassName("sd-card");
        return card;
    }
}

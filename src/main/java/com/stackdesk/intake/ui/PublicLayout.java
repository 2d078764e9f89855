package com.stackdesk.intake.ui;

import com.stackdesk.intake.IntakeProperties;
import com.vaadin.flow.component.HasElement;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Footer;
import com.vaadin.flow.component.html.Header;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Nav;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.RouterLayout;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.net.URI;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;

/** The frame of the public pages: the consultancy's name, the two calls to action, one main landmark. */
@AnonymousAllowed
class PublicLayout extends Div implements RouterLayout, BeforeEnterObserver {

    private final Main main = new Main();

    PublicLayout(@Value("${stackdesk.consultancy-name}") String consultancyName, IntakeProperties properties) {
        addClassName("sd-public");
        var brand = new RouterLink(consultancyName, LandingView.class);
        brand.addClassName("sd-brand");
        var nav = new Nav(
                new RouterLink("Book a consultation", BookConsultationView.class),
                new RouterLink("Development plan", DevelopmentPlanView.class));
        nav.addClassName("sd-public-nav");
        nav.getElement().setAttribute("aria-label", "Main");
        var header = new Header(brand, nav);
        header.addClassName("sd-public-header");
        main.addClassName("sd-public-main");
        var footer = new Footer(
                new Paragraph("We answer every request " + properties.responsePromise() + "."),
                new Anchor("/login", "Staff sign in"));
        footer.addClassName("sd-public-footer");
        add(header, main, footer);
    }

    @Override
    public void showRouterLayoutContent(HasElement content) {
        main.getElement().removeAllChildren();
        if (content != null) {
            main.getElement().appendChild(content.getElement());
        }
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var session = event.getUI().getSession();
        if (FirstTouch.recordIfFirst(session, event.getLocation(), pageAddress())) {
            event.getUI()
                    .getPage()
                    .executeJs("return document.referrer")
                    .then(String.class, referrer -> FirstTouch.recordReferrer(session, referrer));
        }
    }

    /**
     * The address of the page as the browser opened it: the router's Location reorders the query
     * parameters, the page's own requests carry it unchanged in their Referer header.
     */
    private static @Nullable String pageAddress() {
        var request = VaadinRequest.getCurrent();
        var referer = request == null ? null : request.getHeader("Referer");
        if (referer == null) {
            return null;
        }
        try {
            var uri = URI.create(referer);
            return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}

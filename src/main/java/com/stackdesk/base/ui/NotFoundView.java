package com.stackdesk.base.ui;

import com.stackdesk.base.CurrentUser;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Nav;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.ParentLayout;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpServletResponse;

/**
 * What an address that leads nowhere shows, instead of Vaadin's bare "Could not navigate": for
 * staff inside the workspace frame with links back to their work (a lead that does not exist
 * and one they may not see look the same), for visitors a plain page with links to the public
 * pages. Links go by path: this open module knows no other module's views.
 */
@ParentLayout(MainLayout.class)
@AnonymousAllowed
public class NotFoundView extends Main implements HasErrorParameter<NotFoundException>, HasDynamicTitle {

    final H1 heading = new H1();
    final Paragraph explanation = new Paragraph();
    final Nav ways = new Nav();
    private final boolean signedIn;

    NotFoundView(CurrentUser currentUser) {
        this.signedIn = currentUser.find().isPresent();
        addClassNames("sd-page", "sd-not-found");
        ways.addClassName("sd-ways-back");
        ways.getElement().setAttribute("aria-label", "Ways back");
        add(heading, explanation, ways);
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
        var path = event.getLocation().getPath();
        ways.removeAll();
        if (!signedIn) {
            heading.setText("Page not found");
            explanation.setText("There is no page at /" + path + ".");
            ways.add(link("", "Home page"), link("book", "Book a consultation"));
            return HttpServletResponse.SC_NOT_FOUND;
        }
        if (path.startsWith("leads/") && !path.equals("leads/mine")) {
            var reference = path.substring("leads/".length());
            heading.setText("Lead not found");
            explanation.setText("There is no lead " + reference
                    + " that you may open. Check the reference, or find the lead in the list.");
            ways.add(link("leads", "All leads"), link("leads/mine", "My leads"));
        } else {
            heading.setText("Page not found");
            explanation.setText("There is no page at /" + path + " in the workspace.");
            ways.add(link("dashboard", "Dashboard"), link("leads", "All leads"));
        }
        return HttpServletResponse.SC_NOT_FOUND;
    }

    @Override
    public String getPageTitle() {
        return heading.getText();
    }

    /** A link the router follows without reloading the page. */
    private static Anchor link(String path, String text) {
        var anchor = new Anchor(path, text);
        anchor.getElement().setAttribute("router-link", true);
        return anchor;
    }
}

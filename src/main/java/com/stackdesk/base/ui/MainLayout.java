package com.stackdesk.base.ui;

import com.stackdesk.base.CurrentUser;
import com.stackdesk.base.StaffPrincipal;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Footer;
import com.vaadin.flow.component.html.Header;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.Scroller;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import org.springframework.beans.factory.ObjectProvider;

/**
 * The frame of every staff page: the app name, the side navigation (Staff only for admins) and
 * who is signed in with a sign-out button. Links go by path so this open module does not depend
 * on the modules whose views it shows.
 */
@PermitAll
@StyleSheet("workspace.css")
public class MainLayout extends AppLayout implements AfterNavigationObserver {

    final SideNav nav = new SideNav();
    final Button logout = new Button("Sign out", VaadinIcon.SIGN_OUT.create());
    private final Span viewTitle = new Span();
    private final AuthenticationContext authentication;
    private final ObjectProvider<LeadViewLinks> views;
    /** The leads item, its saved views beneath it. */
    final SideNavItem leads = new SideNavItem("Leads", "leads", VaadinIcon.TABLE.create());
    /** The saved views listed after "Leads". */
    private final java.util.List<SideNavItem> savedViews = new java.util.ArrayList<>();

    MainLayout(CurrentUser currentUser, AuthenticationContext authentication, ObjectProvider<LeadViewLinks> views) {
        this.authentication = authentication;
        this.views = views;
        addClassName("sd-workspace");
        setPrimarySection(Section.DRAWER);

        var user = currentUser.find();
        if (user.isEmpty()) {
            // only a not-found page shows this frame to someone not signed in: no staff navigation
            var home = new Anchor("", "Stackdesk");
            home.addClassName("sd-app-name");
            addToNavbar(home);
            addClassName("sd-signed-out");
            setDrawerOpened(false);
            return;
        }
        nav.addItem(new SideNavItem("Today", "today", VaadinIcon.CALENDAR_CLOCK.create()));
        nav.addItem(new SideNavItem("Dashboard", "dashboard", VaadinIcon.DASHBOARD.create()));
        nav.addItem(leads);
        nav.addItem(new SideNavItem("My leads", "leads/mine", VaadinIcon.USER_CHECK.create()));
        if (user.map(StaffPrincipal::isAdmin).orElse(false)) {
            nav.addItem(new SideNavItem("Staff", "admin/staff", VaadinIcon.USERS.create()));
            nav.addItem(new SideNavItem("Export log", "admin/exports", VaadinIcon.FILE_TABLE.create()));
            nav.addItem(new SideNavItem("Embed forms", "admin/embed", VaadinIcon.CODE.create()));
        }
        if (user.map(StaffPrincipal::isManager).orElse(false)) {
            nav.addItem(new SideNavItem("Routing", "admin/routing", VaadinIcon.SPLIT.create()));
            nav.addItem(new SideNavItem("Response times", "admin/response-times", VaadinIcon.TIMER.create()));
            nav.addItem(new SideNavItem("Lost reasons", "admin/lost-reasons", VaadinIcon.LIST_OL.create()));
            nav.addItem(new SideNavItem("Outbox", "admin/outbox", VaadinIcon.OUTBOX.create()));
            nav.addItem(new SideNavItem("Mail log", "admin/mail-log", VaadinIcon.ENVELOPES_O.create()));
        }
        nav.addItem(new SideNavItem("Call hours", "account/call-hours", VaadinIcon.CALENDAR_CLOCK.create()));
        nav.addItem(new SideNavItem("API tokens", "account/api-tokens", VaadinIcon.KEY.create()));
        nav.addItem(new SideNavItem("Time zone", "account/time-zone", VaadinIcon.GLOBE.create()));
        nav.addItem(new SideNavItem("Password", "account/password", VaadinIcon.PASSWORD.create()));
        nav.getElement().setAttribute("aria-label", "Workspace");
        refreshNavigation();

        var brand = new Span("Stackdesk");
        brand.addClassName("sd-app-name");
        var header = new Header(brand);
        header.addClassName("sd-drawer-header");

        var who = new Div(
                new Span(user.map(StaffPrincipal::fullName).orElse("")),
                new Span(user.map(MainLayout::roleLabel).orElse("")));
        who.addClassName("sd-who");
        logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        logout.addClickListener(e -> authentication.logout());
        var footer = new Footer(who, logout);
        footer.addClassName("sd-drawer-footer");

        var scroller = new Scroller(nav);
        scroller.addClassName("sd-drawer-nav");
        addToDrawer(header, scroller, footer);

        var toggle = new DrawerToggle();
        toggle.setAriaLabel("Menu");
        viewTitle.addClassName("sd-view-title");
        addToNavbar(toggle, viewTitle);
    }

    /**
     * Lists the signed-in person's saved views under "Leads" again, one click each: after one was
     * saved, renamed or deleted. They are items of the menu itself, indented under "Leads" by CSS:
     * a nested item's expand button has an ARIA reference axe reports as broken (vaadin-side-nav 25.2).
     */
    public void refreshNavigation() {
        savedViews.forEach(nav::remove);
        savedViews.clear();
        var links = views.getIfAvailable();
        if (links == null) {
            return;
        }
        int at = nav.getItems().indexOf(leads) + 1;
        for (var link : links.links()) {
            var item = new SideNavItem(link.label());
            int query = link.path().indexOf('?');
            item.setPath(query < 0 ? link.path() : link.path().substring(0, query));
            if (query >= 0) {
                item.setQueryParameters(QueryParameters.fromString(link.path().substring(query + 1)));
            }
            item.addClassName("sd-saved-view");
            nav.addItemAtIndex(at++, item);
            savedViews.add(item);
        }
    }

    private static String roleLabel(StaffPrincipal user) {
        return user.isAdmin() ? "Admin" : user.isManager() ? "Manager" : "Sales";
    }

    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        // the navbar repeats the page title, whether fixed (@PageTitle) or per lead (HasDynamicTitle)
        var content = getContent();
        if (content instanceof HasDynamicTitle dynamic) {
            viewTitle.setText(dynamic.getPageTitle());
        } else {
            var title = content == null ? null : content.getClass().getAnnotation(PageTitle.class);
            viewTitle.setText(title == null ? "" : title.value());
        }
    }
}

package com.stackdesk.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.stackdesk.DemoData;
import com.stackdesk.DemoLeads;
import com.stackdesk.IntegrationTest;
import com.stackdesk.SignIn;
import com.stackdesk.lead.internal.Leads;
import com.stackdesk.security.AccessMatrix.Who;
import com.stackdesk.security.ui.LoginView;
import com.stackdesk.staff.internal.StaffMembers;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.RouteConfiguration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * Every Vaadin route, from Vaadin's route registry, against {@link AccessMatrix}: each kind of
 * visitor opens exactly the pages the table gives them (an anonymous one is sent to the login), and
 * a sales rep opens no other rep's lead.
 */
@IntegrationTest
@DemoData
class VaadinRoutesAccessMatrixTests extends SpringBrowserlessTest {

    @Autowired
    ApplicationContext app;

    @Autowired
    Leads leads;

    @Autowired
    StaffMembers staff;

    @AfterEach
    void signOut() {
        SignIn.out(app);
    }

    private Map<String, Class<? extends Component>> routes() {
        var targets = new HashMap<String, Class<? extends Component>>();
        RouteConfiguration.forApplicationScope().getAvailableRoutes().forEach(route -> {
            targets.put(route.getTemplate(), route.getNavigationTarget());
            route.getRouteAliases().forEach(alias -> targets.put(alias.getTemplate(), route.getNavigationTarget()));
        });
        return targets;
    }

    private Class<?> open(String path) {
        UI.getCurrent().navigate(path);
        return getCurrentView().getClass();
    }

    @Test
    void everyRouteIsInTheTable() {
        assertThat(routes().keySet())
                .as("routes of the app; a new one needs its line in AccessMatrix.ROUTES")
                .containsExactlyInAnyOrderElementsOf(AccessMatrix.ROUTES.keySet());
    }

    @Test
    void eachVisitorOpensExactlyThePagesTheTableGivesThem() {
        var routes = routes();
        var lead = leads.findAll().stream()
                .filter(l -> l.getAssigneeId() == null && !l.isSuspectedSpam())
                .findFirst()
                .orElseThrow()
                .getReference();
        var wrong = new ArrayList<String>();
        for (var who : Who.values()) {
            if (who.username == null) {
                SignIn.out(app);
            } else {
                SignIn.as(app, who.username);
            }
            for (var entry : AccessMatrix.ROUTES.entrySet()) {
                var page = entry.getValue();
                var target = routes.get(entry.getKey());
                var shown = open(page.path().replace("{lead}", lead));
                boolean allowed = page.allowed().contains(who);
                if (allowed && shown != target) {
                    wrong.add(who + " could not open " + entry.getKey() + " (got " + shown.getSimpleName() + ")");
                } else if (!allowed && shown == target) {
                    wrong.add(who + " opened " + entry.getKey());
                } else if (!allowed && who == Who.ANONYMOUS && shown != LoginView.class) {
                    wrong.add("ANONYMOUS was not sent to the login from " + entry.getKey());
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void aSalesRepOpensNoOtherRepsLeadButAManagerDoes() {
        var bens = DemoLeads.anyOf(leads, staff, "ben");
        var target = routes().get("leads/:reference");

        SignIn.as(app, "ana");
        assertThat(open("leads/" + bens.getReference())).isNotEqualTo(target);
        assertThat(open("leads/" + DemoLeads.anyOf(leads, staff, "ana").getReference()))
                .isEqualTo(target);
        SignIn.as(app, "maria");
        assertThat(open("leads/" + bens.getReference())).isEqualTo(target);
    }
}

package com.stackdesk.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.stackdesk.DemoData;
import com.stackdesk.DemoLeads;
import com.stackdesk.IntegrationTest;
import com.stackdesk.lead.Lead;
import com.stackdesk.lead.internal.Leads;
import com.stackdesk.security.AccessMatrix.Who;
import com.stackdesk.staff.internal.StaffMembers;
import com.vaadin.flow.server.VaadinServletContext;
import com.vaadin.flow.server.startup.ApplicationRouteRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The app's request mappings and Vaadin routes, read from the running app, against {@link
 * AccessMatrix}; then each endpoint tried over real HTTP as each kind of visitor, and each route as
 * an anonymous one (signed-in visitors of the routes: {@link VaadinRoutesAccessMatrixTests}).
 */
@IntegrationTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@DemoData
class HttpEndpointsAccessMatrixTests {

    @LocalServerPort
    int port;

    @Autowired
    WebApplicationContext app;

    @Autowired
    Leads leads;

    @Autowired
    StaffMembers staff;

    private final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void everyHttpEndpointIsInTheTable() {
        var mapped = new TreeSet<String>();
        app.getBeansOfType(RequestMappingHandlerMapping.class)
                .values()
                .forEach(mapping -> mapping.getHandlerMethods().keySet().forEach(info -> {
                    var methods = info.getMethodsCondition().getMethods();
                    for (var pattern : info.getPatternValues()) {
                        if (methods.isEmpty()) {
                            mapped.add("* " + pattern);
                        }
                        methods.forEach(m -> mapped.add(m.name() + " " + pattern));
                    }
                }));

        assertThat(mapped)
                .as("endpoints of the app; a new one needs its line in AccessMatrix.ENDPOINTS")
                .containsExactlyInAnyOrderElementsOf(AccessMatrix.ENDPOINTS.keySet());
    }

    @Test
    void everyVaadinRouteOfTheRunningAppIsInTheTable() {
        var registry = ApplicationRouteRegistry.getInstance(new VaadinServletContext(app.getServletContext()));
        var templates = new TreeSet<String>();
        registry.getRegisteredRoutes().forEach(route -> {
            templates.add(route.getTemplate());
            route.getRouteAliases().forEach(alias -> templates.add(alias.getTemplate()));
        });

        assertThat(templates)
                .as("routes of the app; a new one needs its line in AccessMatrix.ROUTES")
                .containsExactlyInAnyOrderElementsOf(AccessMatrix.ROUTES.keySet());
    }

    @Test
    void eachEndpointAnswersEachVisitorAsTheTableSays() throws Exception {
        var lead = unassignedLead().getReference();
        var wrong = new ArrayList<String>();
        for (var entry : AccessMatrix.ENDPOINTS.entrySet()) {
            var endpoint = entry.getValue();
            for (var who : Who.values()) {
                var response = send(endpoint.method(), endpoint.path().replace("{lead}", lead), who);
                boolean allowed = endpoint.allowed().contains(who);
                boolean refused = refused(response);
                if (allowed == refused) {
                    wrong.add(entry.getKey() + " as " + who + ": " + response.statusCode() + " "
                            + response.headers().firstValue("Location").orElse(""));
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void eachActuatorEndpointAnswersEachVisitorAsTheTableSays() throws Exception {
        var wrong = new ArrayList<String>();
        for (var entry : AccessMatrix.ACTUATOR.entrySet()) {
            var endpoint = entry.getValue();
            for (var who : Who.values()) {
                var response = send(endpoint.method(), endpoint.path(), who);
                if (endpoint.allowed().contains(who) == refused(response)) {
                    wrong.add(entry.getKey() + " as " + who + ": " + response.statusCode());
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void anAnonymousVisitorOpensOnlyThePublicPages() throws Exception {
        var lead = unassignedLead().getReference();
        var wrong = new ArrayList<String>();
        for (var entry : AccessMatrix.ROUTES.entrySet()) {
            var page = entry.getValue();
            var response = send("GET", "/" + page.path().replace("{lead}", lead), Who.ANONYMOUS);
            boolean allowed = page.allowed().contains(Who.ANONYMOUS);
            if (allowed != (response.statusCode() == 200) || allowed == refused(response)) {
                wrong.add(entry.getKey() + ": " + response.statusCode());
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void aSalesRepReadsOwnAndUnassignedLeadsButNotAnotherRepsOverTheApi() throws Exception {
        var bens = DemoLeads.anyOf(leads, staff, "ben");
        var anas = DemoLeads.anyOf(leads, staff, "ana");

        assertThat(send("GET", "/api/leads/" + bens.getReference(), Who.SALES).statusCode())
                .isEqualTo(403);
        assertThat(send("GET", "/api/leads/" + anas.getReference(), Who.SALES).statusCode())
                .isEqualTo(200);
        assertThat(send("GET", "/api/leads/" + unassignedLead().getReference(), Who.SALES)
                        .statusCode())
                .isEqualTo(200);
        assertThat(send("GET", "/api/leads/" + bens.getReference(), Who.MANAGER).statusCode())
                .isEqualTo(200);
        var anasExport =
                send("GET", "/api/leads/export.csv?bom=false", Who.SALES).body();
        assertThat(anasExport).contains(anas.getReference()).doesNotContain(bens.getReference());
        assertThat(send("GET", "/api/leads/export.csv?bom=false", Who.MANAGER).body())
                .contains(bens.getReference());
    }

    private static boolean refused(HttpResponse<String> response) {
        return response.statusCode() == 401
                || response.statusCode() == 403
                || (response.statusCode() == 302
                        && response.headers().firstValue("Location").orElse("").endsWith("/login"));
    }

    private HttpResponse<String> send(String method, String path, Who who) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (who.username != null) {
            request.header(
                    "Authorization",
                    "Basic "
                            + Base64.getEncoder()
                                    .encodeToString((who.username + ":" + AccessMatrix.DEMO_PASSWORD)
                                            .getBytes(StandardCharsets.UTF_8)));
        }
        if (method.equals("POST")) {
            request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}"));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private Lead unassignedLead() {
        return leads.findAll().stream()
                .filter(l -> l.getAssigneeId() == null && !l.isSuspectedSpam())
                .findFirst()
                .orElseThrow();
    }
}

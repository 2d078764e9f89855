package com.stackdesk.security;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Who may open what: every Vaadin route and every HTTP endpoint of the app, written out by hand.
 * {@link VaadinRoutesAccessMatrixTests} and {@link HttpEndpointsAccessMatrixTests} read the app's
 * own route registry and request mappings and fail on anything this table does not list, then try
 * each entry as each kind of visitor. A new page or endpoint therefore needs a line here, which is
 * the moment to decide who may open it. Roles include the ones before them (ADMIN ⊃ MANAGER ⊃
 * SALES). What a sales rep sees of another rep's leads is checked beside the table.
 */
final class AccessMatrix {

    /** The visitor kinds, each with a demo account of that role. */
    enum Who {
        ANONYMOUS(null),
        SALES("ana"),
        MANAGER("maria"),
        ADMIN("admin");

        final @org.jspecify.annotations.Nullable String username;

        Who(@org.jspecify.annotations.Nullable String username) {
            this.username = username;
        }
    }

    static final String DEMO_PASSWORD = "stackdesk-demo";

    static final Set<Who> EVERYONE = EnumSet.allOf(Who.class);
    static final Set<Who> STAFF = EnumSet.of(Who.SALES, Who.MANAGER, Who.ADMIN);
    static final Set<Who> MANAGERS = EnumSet.of(Who.MANAGER, Who.ADMIN);
    static final Set<Who> ADMINS = EnumSet.of(Who.ADMIN);

    /** A page: its route template, a path that opens it, who may. */
    record Page(String path, Set<Who> allowed) {}

    /** Vaadin routes (and route aliases) by template. {@code {lead}} stands for an unassigned lead's reference. */
    static final Map<String, Page> ROUTES = new LinkedHashMap<>();

    static {
        ROUTES.put("", new Page("", EVERYONE));
        ROUTES.put("book", new Page("book", EVERYONE));
        ROUTES.put("plan", new Page("plan", EVERYONE));
        ROUTES.put("thank-you/:___url_parameter", new Page("thank-you/SD-7K3Q9M", EVERYONE));
        ROUTES.put("login", new Page("login", EVERYONE));
        ROUTES.put("dashboard", new Page("dashboard", STAFF));
        ROUTES.put("workspace", new Page("workspace", STAFF));
        ROUTES.put("leads", new Page("leads", STAFF));
        ROUTES.put("leads/mine", new Page("leads/mine", STAFF));
        ROUTES.put("leads/:reference", new Page("leads/{lead}", STAFF));
        ROUTES.put("account/api-tokens", new Page("account/api-tokens", STAFF));
        ROUTES.put("account/password", new Page("account/password", STAFF));
        ROUTES.put("account/time-zone", new Page("account/time-zone", STAFF));
        ROUTES.put("today", new Page("today", STAFF));
        ROUTES.put("admin/mail-log", new Page("admin/mail-log", MANAGERS));
        ROUTES.put("admin/routing", new Page("admin/routing", MANAGERS));
        ROUTES.put("admin/response-times", new Page("admin/response-times", MANAGERS));
        ROUTES.put("admin/lost-reasons", new Page("admin/lost-reasons", MANAGERS));
        ROUTES.put("admin/outbox", new Page("admin/outbox", MANAGERS));
        ROUTES.put("admin/exports", new Page("admin/exports", ADMINS));
        ROUTES.put("admin/staff", new Page("admin/staff", ADMINS));
        ROUTES.put("admin/embed", new Page("admin/embed", ADMINS));
        ROUTES.put("account/call-hours", new Page("account/call-hours", STAFF));
        // a visitor's links from the call emails: without a valid token they say so and change nothing
        ROUTES.put("call/reschedule", new Page("call/reschedule", EVERYONE));
        ROUTES.put("call/cancel", new Page("call/cancel", EVERYONE));
    }

    /** An endpoint: a request that reaches it, who may. {@code {lead}} as above. */
    record Endpoint(String method, String path, Set<Who> allowed) {}

    /**
     * HTTP endpoints by {@code METHOD pattern} as Spring MVC maps them ({@code *} for any method).
     * The API description is public in the demo run these tests use; outside it, staff only (see
     * {@code ApiDocsAccessTests}).
     */
    static final Map<String, Endpoint> ENDPOINTS = new LinkedHashMap<>();

    static {
        ENDPOINTS.put("POST /api/leads", new Endpoint("POST", "/api/leads", EVERYONE));
        ENDPOINTS.put("GET /api/leads/{reference}", new Endpoint("GET", "/api/leads/{lead}", STAFF));
        ENDPOINTS.put("GET /api/leads/export.csv", new Endpoint("GET", "/api/leads/export.csv?q=zzzz", STAFF));
        ENDPOINTS.put("GET /api/assistant/questions", new Endpoint("GET", "/api/assistant/questions", EVERYONE));
        ENDPOINTS.put(
                "POST /api/assistant/recommendation", new Endpoint("POST", "/api/assistant/recommendation", EVERYONE));
        ENDPOINTS.put("POST /api/assistant/quote", new Endpoint("POST", "/api/assistant/quote", EVERYONE));
        ENDPOINTS.put(
                "POST /api/analytics/{form}/{event}", new Endpoint("POST", "/api/analytics/assistant/view", EVERYONE));
        // the stack assistant's demo page, in the demo run these tests use
        ENDPOINTS.put("GET /demo/assistant", new Endpoint("GET", "/demo/assistant", EVERYONE));
        ENDPOINTS.put("GET /api/admin/backup", new Endpoint("GET", "/api/admin/backup", ADMINS));
        // the embeddable forms' script, their pages for visitors without JavaScript, and the demo site
        ENDPOINTS.put("GET /embed/forms.js", new Endpoint("GET", "/embed/forms.js", EVERYONE));
        ENDPOINTS.put("GET /embed/consultation", new Endpoint("GET", "/embed/consultation", EVERYONE));
        ENDPOINTS.put("GET /embed/development-plan", new Endpoint("GET", "/embed/development-plan", EVERYONE));
        ENDPOINTS.put("GET /embed/thank-you/{reference}", new Endpoint("GET", "/embed/thank-you/SD-7K3Q9M", EVERYONE));
        ENDPOINTS.put(
                "GET /demo/choosing-a-backend-stack", new Endpoint("GET", "/demo/choosing-a-backend-stack", EVERYONE));
        ENDPOINTS.put("GET /demo/privacy", new Endpoint("GET", "/demo/privacy", EVERYONE));
        ENDPOINTS.put("GET /v3/api-docs", new Endpoint("GET", "/v3/api-docs", EVERYONE));
        ENDPOINTS.put("GET /v3/api-docs.yaml", new Endpoint("GET", "/v3/api-docs.yaml", EVERYONE));
        ENDPOINTS.put("GET /v3/api-docs/swagger-config", new Endpoint("GET", "/v3/api-docs/swagger-config", EVERYONE));
        ENDPOINTS.put("GET /swagger-ui.html", new Endpoint("GET", "/swagger-ui.html", EVERYONE));
        // Spring Boot's error page: only the container's error dispatch reaches it; opened directly,
        // the UI's security sends everyone (Basic auth counts only on /api) to the login page
        ENDPOINTS.put("* /error", new Endpoint("GET", "/error", EnumSet.noneOf(Who.class)));
    }

    /**
     * Spring Boot Actuator's endpoints (not Spring MVC mappings, so listed apart): the health report
     * and its probes for everyone, everything else for admins only.
     */
    static final Map<String, Endpoint> ACTUATOR = new LinkedHashMap<>();

    static {
        ACTUATOR.put("GET /actuator/health", new Endpoint("GET", "/actuator/health", EVERYONE));
        ACTUATOR.put("GET /actuator/health/liveness", new Endpoint("GET", "/actuator/health/liveness", EVERYONE));
        ACTUATOR.put("GET /actuator/health/readiness", new Endpoint("GET", "/actuator/health/readiness", EVERYONE));
        ACTUATOR.put("GET /actuator/health/db", new Endpoint("GET", "/actuator/health/db", EVERYONE));
        ACTUATOR.put("GET /actuator/prometheus", new Endpoint("GET", "/actuator/prometheus", ADMINS));
        ACTUATOR.put("GET /actuator", new Endpoint("GET", "/actuator", ADMINS));
        // not exposed, so outside the actuator's security chain: the UI's sends everyone to the login page
        ACTUATOR.put("GET /actuator/env", new Endpoint("GET", "/actuator/env", EnumSet.noneOf(Who.class)));
    }

    private AccessMatrix() {}
}

package com.stackdesk.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.stackdesk.IntegrationTest;
import com.stackdesk.LeadApi;
import com.stackdesk.lead.BudgetRange;
import com.stackdesk.lead.ContactMethod;
import com.stackdesk.lead.LeadKind;
import com.stackdesk.lead.StackLeaning;
import com.stackdesk.lead.internal.Leads;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.json.JsonMapper;

@IntegrationTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@TestPropertySource(
        properties = {
            "stackdesk.intake.rate-limit.submissions=1000",
            "stackdesk.api.allowed-origins=https://www.northwind.example",
            "stackdesk.api.public-docs=true"
        })
class IntakeApiIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    Leads leads;

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    private HttpResponse<String> postJson(Map<String, Object> body) throws Exception {
        return LeadApi.post(port, json.writeValueAsString(body));
    }

    private HttpResponse<String> postForm(Map<String, String> fields) throws Exception {
        var body = fields.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/leads"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static Map<String, Object> consultation(String message) {
        return Map.of(
                "kind", "consultation",
                "firstName", "Zoë",
                "lastName", "Brooks",
                "email", "zoe@brooks.example",
                "stack", "Node.js",
                "contactMethod", "VIDEO_CALL",
                "message", message,
                "consent", "true",
                "utmSource", "partner-site",
                "landingPage", "/services/node");
    }

    @Test
    void aJsonSubmissionIsStoredAndAnsweredWithItsReference() throws Exception {
        var message = "Node API review " + UUID.randomUUID();

        var response = postJson(consultation(message));

        assertThat(response.statusCode()).isEqualTo(201);
        var reference = json.readTree(response.body()).get("reference").asString();
        assertThat(reference).matches("SD-[0-9A-Z]{6}");
        assertThat(response.headers().firstValue("Location")).hasValue("/api/leads/" + reference);
        var lead = leads.findByReference(reference).orElseThrow();
        assertThat(lead.getKind()).isEqualTo(LeadKind.CONSULTATION);
        assertThat(lead.getFirstName()).isEqualTo("Zoë");
        assertThat(lead.getStack()).isEqualTo(StackLeaning.NODE_JS);
        assertThat(lead.getContactMethod()).isEqualTo(ContactMethod.VIDEO_CALL);
        assertThat(lead.getMessage()).isEqualTo(message);
        assertThat(lead.getSource().utmSource()).isEqualTo("partner-site");
        assertThat(lead.getSource().landingPage()).isEqualTo("/services/node");
        assertThat(lead.getClientIp()).isEqualTo("127.0.0.1");
    }

    @Test
    void withoutStartedAtTheHoneypotStillCatchesABot() throws Exception {
        var bot = new java.util.HashMap<>(consultation("Cheap pills " + UUID.randomUUID()));
        bot.put("website", "http://cheap-pills.example");

        var response = postJson(bot);

        assertThat(response.statusCode()).isEqualTo(201);
        var lead = leads.findByReference(
                        json.readTree(response.body()).get("reference").asString())
                .orElseThrow();
        assertThat(lead.isSuspectedSpam()).isTrue();
        assertThat(lead.getSpamReason()).isEqualTo("honeypot field filled in");
    }

    @Test
    void withoutStartedAtAPersonsLeadIsNotSuspected() throws Exception {
        var response = postJson(consultation("A real question " + UUID.randomUUID()));

        var lead = leads.findByReference(
                        json.readTree(response.body()).get("reference").asString())
                .orElseThrow();
        assertThat(lead.isSuspectedSpam()).isFalse();
    }

    @Test
    void aStartedAtOneSecondAgoIsJudgedByTheMinimumFillTime() throws Exception {
        var quick = new java.util.HashMap<>(consultation("Fast fingers " + UUID.randomUUID()));
        quick.put("startedAt", System.currentTimeMillis() - 1000);

        var response = postJson(quick);

        var lead = leads.findByReference(
                        json.readTree(response.body()).get("reference").asString())
                .orElseThrow();
        assertThat(lead.isSuspectedSpam()).isTrue();
        assertThat(lead.getSpamReason()).startsWith("form filled in");
    }

    @Test
    void aClassicFormPostIsStoredToo() throws Exception {
        var description = "An ordering portal " + UUID.randomUUID();

        var response = postForm(Map.ofEntries(
                Map.entry("kind", "DEVELOPMENT_PLAN"),
                Map.entry("firstName", "José"),
                Map.entry("lastName", "Fernández"),
                Map.entry("email", "jose@fjord.example"),
                Map.entry("company", "Fjord Analytics"),
                Map.entry("stack", "go"),
                Map.entry("projectType", "WEB_APPLICATION"),
                Map.entry("message", description),
                Map.entry("budget", "FROM_50K_TO_150K"),
                Map.entry("timeline", "ASAP"),
                Map.entry("teamSize", "FROM_2_TO_10"),
                Map.entry("consent", "on")));

        assertThat(response.statusCode()).isEqualTo(201);
        var lead = leads.findByReference(
                        json.readTree(response.body()).get("reference").asString())
                .orElseThrow();
        assertThat(lead.getKind()).isEqualTo(LeadKind.DEVELOPMENT_PLAN);
        assertThat(lead.getLastName()).isEqualTo("Fernández");
        assertThat(lead.getStack()).isEqualTo(StackLeaning.GO);
        assertThat(lead.getBudget()).isEqualTo(BudgetRange.FROM_50K_TO_150K);
        assertThat(lead.getMessage()).isEqualTo(description);
    }

    @Test
    void invalidInputIsAnswered400WithAMessagePerFieldAndStoresNothing() throws Exception {
        long before = leads.count();
        var body = new java.util.HashMap<>(consultation("Anything"));
        body.put("email", "zoe@brooks");
        body.put("consent", "no");
        body.put("stack", "COBOL");

        var response = postJson(body);

        assertThat(response.statusCode()).isEqualTo(400);
        var errors = json.readTree(response.body()).get("errors");
        var fields = new java.util.HashSet<String>();
        errors.forEach(e -> fields.add(e.get("field").asString()));
        assertThat(fields).containsExactlyInAnyOrder("email", "consent", "stack");
        assertThat(response.body()).contains("NODE_JS, PYTHON, GO");
        assertThat(leads.count()).isEqualTo(before);
    }

    @Test
    void anUnknownKindIsRefused() throws Exception {
        var body = new java.util.HashMap<>(consultation("x"));
        body.put("kind", "newsletter");

        var response = postJson(body);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"field\":\"kind\"");
    }

    @Test
    void aConfiguredSiteMayPostFromTheBrowser() throws Exception {
        var preflight = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/leads"))
                        .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                        .header("Origin", "https://www.northwind.example")
                        .header("Access-Control-Request-Method", "POST")
                        .header("Access-Control-Request-Headers", "content-type")
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(preflight.statusCode()).isEqualTo(200);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin"))
                .hasValue("https://www.northwind.example");
    }

    @Test
    void anyOtherSiteMayNot() throws Exception {
        var preflight = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/leads"))
                        .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                        .header("Origin", "https://evil.example")
                        .header("Access-Control-Request-Method", "POST")
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(preflight.statusCode()).isEqualTo(403);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin"))
                .isEmpty();
    }

    @Test
    void theOpenApiDescriptionListsTheIntakeEndpoint() throws Exception {
        var response = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/v3/api-docs"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Pattern.compile("\"/api/leads\"").matcher(response.body()).find())
                .isTrue();
    }
}

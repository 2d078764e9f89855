package com.stackdesk.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import com.stackdesk.IntegrationTest;
import com.stackdesk.analytics.FormAnalytics;
import com.stackdesk.lead.StackLeaning;
import com.stackdesk.lead.internal.Leads;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The stack assistant's API and its hand-over to the intake, over real HTTP, with the rules and
 * rate card the app ships: what a visitor's browser sees, what the lead stores (computed by the
 * server from the answers, whatever else the browser sends), and the form counters.
 */
// the same settings as IntakeApiIntegrationTests, so the two share one application context
@IntegrationTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@TestPropertySource(
        properties = {
            "stackdesk.intake.rate-limit.submissions=1000",
            "stackdesk.api.allowed-origins=https://www.northwind.example",
            "stackdesk.api.public-docs=true"
        })
class StackAssistantApiTests {

    @LocalServerPort
    int port;

    @Autowired
    Leads leads;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    FormAnalytics analytics;

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    private static final Map<String, List<String>> GO_TEAM = Map.of(
            "languages", List.of("go"),
            "hiring", List.of("go"),
            "workload", List.of("concurrent-io"),
            "existing", List.of("javascript"));

    private static final Map<String, String> SMALL_API = Map.of(
            "project", "api-backend",
            "features", "some",
            "integrations", "few",
            "users", "small",
            "timeline", "flexible",
            "team", "none");

    private HttpResponse<String> send(String method, String path, Object body) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json")
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode read(HttpResponse<String> response) {
        return json.readTree(response.body());
    }

    @Test
    void theQuestionsComeFromTheRulesAndTheRateCard() throws Exception {
        var response = send("GET", "/api/assistant/questions", null);

        assertThat(response.statusCode()).isEqualTo(200);
        var body = read(response);
        assertThat(body.get("explore").findValuesAsString("id").subList(0, 1)).containsExactly("languages");
        assertThat(body.get("explore").get(2).get("text").asString()).isEqualTo("What will the backend mostly do?");
        assertThat(body.get("explore").get(0).get("multiple").asBoolean()).isTrue();
        assertThat(body.get("quote").get(0).get("id").asString()).isEqualTo("project");
        assertThat(body.get("quote").get(4).get("id").asString()).isEqualTo("timeline");
        assertThat(body.get("leanings").get(0).get("value").asString()).isEqualTo("NODE_JS");
        assertThat(body.get("consentText").asString()).isNotBlank();
    }

    @Test
    void recommendsFromTheRulesAndNamesUnusableAnswers() throws Exception {
        var response = send("POST", "/api/assistant/recommendation", Map.of("answers", GO_TEAM));

        assertThat(response.statusCode()).isEqualTo(200);
        var body = read(response);
        assertThat(body.get("summary").asString())
                .isEqualTo("Go over Node.js — many concurrent connections, team knows Go");
        assertThat(body.get("recommended").get("leaning").asString()).isEqualTo("GO");
        assertThat(body.get("runnerUp").get("reasons").get(1).asString())
                .isEqualTo("fits your existing Node.js systems");

        var wrong = send(
                "POST",
                "/api/assistant/recommendation",
                Map.of("answers", Map.of("languages", List.of("cobol"), "hiring", List.of("go", "php"))));
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(read(wrong).get("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("languages", "hiring", "workload", "existing");
    }

    @Test
    void quotesFromTheRateCard() throws Exception {
        var response = send("POST", "/api/assistant/quote", Map.of("answers", SMALL_API));

        assertThat(response.statusCode()).isEqualTo(200);
        var body = read(response);
        assertThat(body.get("priceLow").asLong()).isEqualTo(50_000);
        assertThat(body.get("priceHigh").asLong()).isEqualTo(85_000);
        assertThat(body.get("summary").asString()).isEqualTo("50–85k EUR, 1–2 months");
        assertThat(body.get("assumptions").get(0).asString()).isEqualTo("About 85 developer days at 800 EUR a day");
        assertThat(send("POST", "/api/assistant/quote", Map.of("answers", Map.of("project", "castle")))
                        .statusCode())
                .isEqualTo(400);
    }

    private Map<String, Object> request(String email, Map<String, Object> assistant, String source) {
        var body = new java.util.LinkedHashMap<String, Object>();
        body.put("kind", "CONSULTATION");
        body.put("form", "assistant");
        body.put("firstName", "Ada");
        body.put("lastName", "Assisted");
        body.put("email", email);
        body.put("stack", "GO");
        body.put("contactMethod", "VIDEO_CALL");
        body.put("message", "I used your stack assistant.");
        body.put("consent", "true");
        body.put("utmSource", source);
        body.put("assistant", assistant);
        return body;
    }

    private long counted(String source, String column) {
        analytics.flush();
        var week = LocalDate.now(ZoneOffset.UTC).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        var counts = jdbc.queryForList(
                "SELECT " + column + " FROM form_counter WHERE form = 'assistant' AND source = ? AND week_start = ?",
                Long.class,
                source,
                week);
        return counts.isEmpty() ? 0 : counts.getFirst();
    }

    @Test
    void aRequestFromTheAssistantCarriesWhatTheServerConcludedAndIsCounted() throws Exception {
        var source = "article-" + UUID.randomUUID().toString().substring(0, 8);
        // whatever a browser claims beside the answers is not read: the server works it out
        var assistant = Map.<String, Object>of(
                "explore", GO_TEAM, "quote", SMALL_API, "recommendation", "COBOL over everything");

        var response = send("POST", "/api/leads", request("ada-" + source + "@assisted.example", assistant, source));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        var lead = leads.findByReference(read(response).get("reference").asString())
                .orElseThrow();
        assertThat(lead.getStack()).isEqualTo(StackLeaning.GO);
        var summary = lead.getAssistant();
        assertThat(summary).isNotNull();
        assertThat(summary.recommendation()).isEqualTo("Go over Node.js — many concurrent connections, team knows Go");
        assertThat(summary.quote()).isEqualTo("50–85k EUR, 1–2 months");
        assertThat(summary.answers())
                .isEqualTo("Team knows: Go; Easiest to hire: Go; Workload: Many concurrent connections (APIs, chat,"
                        + " streaming); Existing systems: Node.js / JavaScript; Project: An API or backend for an app;"
                        + " Features: 6 to 15; Integrations: 1 to 3; Users: Up to 1,000; Timeline: We're flexible;"
                        + " Your team: Nobody, we need the whole team");
        assertThat(counted(source, "submissions")).isEqualTo(1);
    }

    @Test
    void answersTheAssistantCannotUseAreRefusedAndNothingIsStored() throws Exception {
        var source = "refused-" + UUID.randomUUID().toString().substring(0, 8);
        var email = "bo-" + source + "@assisted.example";
        var before = leads.count();

        var response = send(
                "POST",
                "/api/leads",
                request(
                        email,
                        Map.of("explore", Map.of("languages", List.of("go"), "workload", List.of("blockchain"))),
                        source));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(read(response).get("errors").findValuesAsString("field"))
                .contains("assistant.explore.workload", "assistant.explore.hiring");
        assertThat(leads.count()).isEqualTo(before);
        assertThat(counted(source, "submissions")).isZero();
        var unknownForm = request(email, Map.of(), source);
        unknownForm.put("form", "newsletter-popup");
        var refused = send("POST", "/api/leads", unknownForm);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(read(refused).get("errors").get(0).get("field").asString()).isEqualTo("form");
    }

    @Test
    void beaconsCountViewsAndStartsPerSourceAndNothingElse() throws Exception {
        var source = "beacon-" + UUID.randomUUID().toString().substring(0, 8);

        assertThat(send("POST", "/api/analytics/assistant/view?utm_source=" + source, null)
                        .statusCode())
                .isEqualTo(204);
        assertThat(send("POST", "/api/analytics/assistant/view?utm_source=" + source, null)
                        .statusCode())
                .isEqualTo(204);
        assertThat(send("POST", "/api/analytics/ASSISTANT/start?utm_source=" + source, null)
                        .statusCode())
                .isEqualTo(204);
        assertThat(send("POST", "/api/analytics/assistant/submission?utm_source=" + source, null)
                        .statusCode())
                .isEqualTo(404);
        assertThat(send("POST", "/api/analytics/popup/view?utm_source=" + source, null)
                        .statusCode())
                .isEqualTo(404);
        // without a UTM source, the referrer's host is the source, as for a lead
        send("POST", "/api/analytics/consultation/view?referrer=https://www.news.example/story/1", null);

        assertThat(counted(source, "views")).isEqualTo(2);
        assertThat(counted(source, "starts")).isEqualTo(1);
        assertThat(counted(source, "submissions")).isZero();
        analytics.flush();
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM form_counter WHERE form = 'consultation' AND source = 'news.example'",
                        Long.class))
                .isEqualTo(1);
    }
}

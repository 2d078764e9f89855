package com.stackdesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What an operator's tools see over real HTTP: the health report and its probes for anyone (with
 * the database and the mail server as components, details only for admins), the Prometheus
 * scrape for admins only, with Stackdesk's own meters in it.
 */
@IntegrationTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@DemoData
class OperatorsReadHealthAndMetricsTests {

    static final String DEMO_PASSWORD = "stackdesk-demo";

    @LocalServerPort
    int port;

    private final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void anyoneSeesTheAppUpWithItsDatabaseAndMailServerButNoDetails() throws Exception {
        var response = get("/actuator/health", null);

        assertThat(response.statusCode()).isEqualTo(200);
        var health = json(response.body());
        assertThat(health.path("status").asString()).isEqualTo("UP");
        assertThat(health.path("components").path("db").path("status").asString())
                .isEqualTo("UP");
        assertThat(health.path("components").path("mail").path("status").asString())
                .isEqualTo("UP");
        assertThat(health.path("components").path("db").has("details")).isFalse();
        assertThat(health.path("components").path("mail").has("details")).isFalse();
    }

    @Test
    void anAdminAlsoSeesTheDetailsButNoCredentials() throws Exception {
        var response = get("/actuator/health", "admin");

        assertThat(response.statusCode()).isEqualTo(200);
        var health = json(response.body());
        assertThat(health.path("components")
                        .path("db")
                        .path("details")
                        .path("database")
                        .asString())
                .isEqualTo("H2");
        assertThat(health.path("components")
                        .path("mail")
                        .path("details")
                        .path("server")
                        .asString())
                .startsWith("embedded, 127.0.0.1:");
        assertThat(response.body()).doesNotContainIgnoringCase("password").doesNotContain(DEMO_PASSWORD);
    }

    @Test
    void theLivenessAndReadinessProbesAnswerAnyone() throws Exception {
        for (var probe : new String[] {"/actuator/health/liveness", "/actuator/health/readiness"}) {
            var response = get(probe, null);

            assertThat(response.statusCode()).as(probe).isEqualTo(200);
            assertThat(json(response.body()).path("status").asString())
                    .as(probe)
                    .isEqualTo("UP");
        }
    }

    @Test
    void theMetricsAreForAdminsOnly() throws Exception {
        assertThat(get("/actuator/prometheus", null).statusCode()).isEqualTo(401);
        assertThat(get("/actuator/prometheus", "ana").statusCode()).isEqualTo(403);
        assertThat(get("/actuator/prometheus", "maria").statusCode()).isEqualTo(403);
        assertThat(get("/actuator/prometheus", "admin").statusCode()).isEqualTo(200);
        assertThat(get("/actuator", null).statusCode()).isEqualTo(401);
    }

    @Test
    void aPostedLeadIsCountedByKindStackAndOutcomeAndTimed() throws Exception {
        var counted = "stackdesk_leads_submitted_total{kind=\"consultation\",outcome=\"accepted\",stack=\"ruby\"}";
        var timed = "stackdesk_leads_submission_seconds_count{kind=\"consultation\",outcome=\"accepted\"}";
        var invalid =
                "stackdesk_leads_submitted_total{kind=\"development_plan\",outcome=\"invalid\",stack=\"unknown\"}";
        var before = get("/actuator/prometheus", "admin").body();

        var accepted = post("""
                {"kind":"CONSULTATION","firstName":"Ola","lastName":"Metrics","email":"ola@metrics.example",
                 "stack":"Ruby","contactMethod":"EMAIL","message":"Counting leads","consent":"true"}""");
        var refused = post("""
                {"kind":"DEVELOPMENT_PLAN","firstName":"Ola","stack":"Cobol"}""");

        assertThat(accepted.statusCode()).isEqualTo(201);
        assertThat(refused.statusCode()).isEqualTo(400);
        var after = get("/actuator/prometheus", "admin").body();
        assertThat(value(after, counted)).isEqualTo(value(before, counted) + 1);
        assertThat(value(after, timed)).isEqualTo(value(before, timed) + 1);
        assertThat(value(after, invalid)).isEqualTo(value(before, invalid) + 1);
        assertThat(after)
                .contains(
                        "stackdesk_leads_submission_seconds_bucket{kind=\"consultation\",outcome=\"accepted\",le=\"0.5\"}")
                .contains("stackdesk_outbox_pending ")
                .contains("stackdesk_outbox_oldest_pending_age_seconds ")
                .contains("stackdesk_emails_sent_total{kind=\"visitor_confirmation\"}")
                .contains("stackdesk_emails_failed_total{final=\"true\",kind=\"rep_alert\"}");
    }

    /** The sample's value, 0 when the scrape does not have it yet. */
    private static double value(String scrape, String sample) {
        var matcher = Pattern.compile("^" + Pattern.quote(sample) + " (\\S+)$", Pattern.MULTILINE)
                .matcher(scrape);
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
    }

    private HttpResponse<String> get(String path, @Nullable String username) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (username != null) {
            request.header(
                    "Authorization",
                    "Basic "
                            + Base64.getEncoder()
                                    .encodeToString((username + ":" + DEMO_PASSWORD).getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String json) throws Exception {
        return LeadApi.post(port, json);
    }

    private static JsonNode json(String body) {
        return JsonMapper.builder().build().readTree(body);
    }
}

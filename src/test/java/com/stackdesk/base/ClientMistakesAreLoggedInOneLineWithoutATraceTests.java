package com.stackdesk.base;

import static org.assertj.core.api.Assertions.assertThat;

import com.stackdesk.IntegrationTest;
import com.stackdesk.lead.LeadRegistration;
import com.stackdesk.lead.StackLeaning;
import com.stackdesk.lead.TestAssignments;
import com.stackdesk.lead.TestLeads;
import com.stackdesk.lead.internal.Leads;
import com.stackdesk.staff.StaffMember;
import com.stackdesk.staff.TestStaff;
import com.stackdesk.staff.internal.StaffMembers;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * What a caller gets wrong on the HTTP API is its problem, not the operator's: it is logged in at
 * most one DEBUG line per request, with no stack trace, no ERROR, and nothing of what the caller
 * sent (which may hold a visitor's email address).
 */
@IntegrationTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@TestPropertySource(
        properties = {"logging.level.com.stackdesk.base.ApiErrors=DEBUG", "stackdesk.api.max-body-size=2KB"})
@ExtendWith(OutputCaptureExtension.class)
class ClientMistakesAreLoggedInOneLineWithoutATraceTests {

    static final String ADDRESS = "zoe.private@brooks.example";

    @LocalServerPort
    int port;

    @Autowired
    StaffMembers staff;

    @Autowired
    LeadRegistration registration;

    @Autowired
    Leads leads;

    private final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void malformedJsonLeavesOneDebugLineAndNoTrace(CapturedOutput output) throws Exception {
        int from = output.getOut().length();

        assertThat(post("application/json", "{\"kind\":\"CONSULTATION\",\"email\":\"" + ADDRESS + "\",\"firstName\": ")
                        .statusCode())
                .isEqualTo(400);

        var logged = output.getOut().substring(from);
        assertThat(logged).doesNotContain("ERROR", "\tat ", "Exception:", ADDRESS);
        assertThat(logged.lines().filter(l -> l.contains("the caller's mistake")))
                .singleElement()
                .satisfies(line -> assertThat(line).contains("DEBUG", "POST /api/leads: 400"));
    }

    @Test
    void valuesTheApiCannotReadOrRefusesAreNotQuotedInTheLog(CapturedOutput output) throws Exception {
        int from = output.getOut().length();

        // a value Jackson cannot read (it quotes it in its message), a failed validation, a chunked
        // body over the limit, a form post with a made-up choice
        assertThat(post("application/json", "{\"kind\":\"CONSULTATION\",\"preferredTime\":\"" + ADDRESS + "\"}")
                        .statusCode())
                .isEqualTo(400);
        assertThat(post(
                                "application/json",
                                "{\"kind\":\"CONSULTATION\",\"email\":\"not-an-address " + ADDRESS
                                        + "\",\"firstName\":\"Zoë\"}")
                        .statusCode())
                .isEqualTo(400);
        var big = ("{\"kind\":\"CONSULTATION\",\"email\":\"" + ADDRESS + "\",\"message\":\"" + "a".repeat(4000) + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(http.send(
                                request("/api/leads")
                                        .header("Content-Type", "application/json")
                                        .POST(HttpRequest.BodyPublishers.ofInputStream(
                                                () -> new ByteArrayInputStream(big)))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString())
                        .statusCode())
                .isEqualTo(413);

        var logged = output.getOut().substring(from);
        assertThat(logged).doesNotContain("ERROR", "\tat ", "Exception:", ADDRESS);
    }

    @Test
    void anUnknownLeadAForbiddenOneABadFilterAndABadTokenLeaveNoTrace(CapturedOutput output) throws Exception {
        var suffix = UUID.randomUUID().toString().substring(0, 8);
        var rep = TestStaff.member("rep-" + suffix)
                .fullName("Rita Rep")
                .password("secret")
                .save(staff);
        var other = TestStaff.member("oli-" + suffix)
                .fullName("Oli Other")
                .password("secret")
                .save(staff);
        var lead = TestLeads.store(
                registration,
                TestLeads.consultation("Zoë", "Brooks", ADDRESS, "Brooks " + suffix, StackLeaning.GO),
                Instant.now());
        TestAssignments.assign(lead, other.getId(), "test");
        var othersLead = leads.save(lead).getReference();
        int from = output.getOut().length();

        assertThat(get("/api/leads/SD-ZZZZZZ", basic(rep)).statusCode()).isEqualTo(404);
        assertThat(get("/api/leads/" + othersLead, basic(rep)).statusCode()).isEqualTo(403);
        assertThat(get("/api/leads/export.csv?status=" + ADDRESS, basic(rep)).statusCode())
                .isEqualTo(400);
        assertThat(get("/api/leads/export.csv?from=" + ADDRESS, basic(rep)).statusCode())
                .isEqualTo(400);
        assertThat(get("/api/leads/" + othersLead, "Bearer sdk_made-up").statusCode())
                .isEqualTo(401);
        assertThat(get("/api/leads/" + othersLead, null).statusCode()).isEqualTo(401);

        var logged = output.getOut().substring(from);
        assertThat(logged).doesNotContain("ERROR", "WARN", "\tat ", "Exception:", ADDRESS);
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    }

    private HttpResponse<String> post(String contentType, String body) throws Exception {
        return http.send(
                request("/api/leads")
                        .header("Content-Type", contentType)
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path, String authorization) throws Exception {
        var request = request(path);
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String basic(StaffMember who) {
        return "Basic "
                + Base64.getEncoder().encodeToString((who.getUsername() + ":secret").getBytes(StandardCharsets.UTF_8));
    }
}

package com.stackdesk.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.stackdesk.IntegrationTest;
import com.stackdesk.SignIn;
import com.stackdesk.lead.LeadRegistration;
import com.stackdesk.lead.StackLeaning;
import com.stackdesk.lead.TestAssignments;
import com.stackdesk.lead.TestLeads;
import com.stackdesk.lead.internal.Leads;
import com.stackdesk.security.ApiTokens;
import com.stackdesk.staff.StaffMember;
import com.stackdesk.staff.TestStaff;
import com.stackdesk.staff.internal.StaffMembers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/** The staff HTTP API over Basic and personal tokens: the same rights as the workspace. */
@IntegrationTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class LeadApiSecurityTests {

    @LocalServerPort
    int port;

    @Autowired
    StaffMembers staff;

    @Autowired
    LeadRegistration registration;

    @Autowired
    Leads leads;

    @Autowired
    ApiTokens tokens;

    @Autowired
    ApplicationContext app;

    private final HttpClient http = HttpClient.newHttpClient();
    String company;
    StaffMember ana;
    StaffMember ben;
    StaffMember maria;
    String anasLead;
    String bensLead;

    @BeforeEach
    void setUp() {
        var suffix = UUID.randomUUID().toString().substring(0, 8);
        company = "Apico" + suffix;
        var team = TestStaff.team(staff, "secret");
        ana = team.ana();
        ben = team.ben();
        maria = team.maria();
        anasLead = assigned("Zoë", ana);
        bensLead = assigned("Li", ben);
    }

    @AfterEach
    void signOut() {
        SignIn.out(app);
    }

    private String assigned(String first, StaffMember owner) {
        var lead = TestLeads.store(
                registration,
                TestLeads.consultation(
                        first, "Client", first.toLowerCase() + "@" + company + ".example", company, StackLeaning.GO),
                Instant.now());
        TestAssignments.assign(lead, owner.getId(), "test");
        return leads.save(lead).getReference();
    }

    private HttpResponse<String> get(String path, String authorization) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static String basic(StaffMember who) {
        return "Basic "
                + Base64.getEncoder().encodeToString((who.getUsername() + ":secret").getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void anonymousCallersAreAnswered401() throws Exception {
        assertThat(get("/api/leads/export.csv", null).statusCode()).isEqualTo(401);
        assertThat(get("/api/leads/" + anasLead, null).statusCode()).isEqualTo(401);
    }

    @Test
    void aManagerDownloadsTheFilteredCsvOverBasicAuth() throws Exception {
        var response = get("/api/leads/export.csv?q=" + company + "&stack=GO&bom=false", basic(maria));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("text/csv"));
        assertThat(response.headers().firstValue("Content-Disposition")).hasValueSatisfying(v -> assertThat(v)
                .matches("attachment; filename=\"stackdesk-leads-\\d{4}-\\d{2}-\\d{2}\\.csv\""));
        assertThat(response.body().lines())
                .hasSize(3)
                .anyMatch(l -> l.startsWith(anasLead))
                .anyMatch(l -> l.startsWith(bensLead));
    }

    @Test
    void aSalesRepAskingForAnotherRepsLeadsIsAnswered403() throws Exception {
        assertThat(get("/api/leads/export.csv?assignee=" + ben.getUsername(), basic(ana))
                        .statusCode())
                .isEqualTo(403);
        assertThat(get("/api/leads/" + bensLead, basic(ana)).statusCode()).isEqualTo(403);
    }

    @Test
    void aSalesRepsOwnExportAndLeadAreServed() throws Exception {
        var csv = get("/api/leads/export.csv?q=" + company, basic(ana));
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.body()).contains(anasLead).doesNotContain(bensLead);

        var json = get("/api/leads/" + anasLead, basic(ana));
        assertThat(json.statusCode()).isEqualTo(200);
        assertThat(json.body())
                .contains(
                        "\"reference\":\"" + anasLead + "\"",
                        "\"firstName\":\"Zoë\"",
                        "\"assigneeName\":\"Ana Souza\"");
    }

    @Test
    void anUnknownReferenceIsAnswered404AndABadFilter400() throws Exception {
        assertThat(get("/api/leads/SD-ZZZZZZ", basic(maria)).statusCode()).isEqualTo(404);
        var bad = get("/api/leads/export.csv?status=SOLD", basic(maria));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("status: use one of NEW");
    }

    @Test
    void aPersonalTokenActsAsItsOwnerUntilRevoked() throws Exception {
        SignIn.as(app, ana.getUsername());
        var token = tokens.create("script");
        var id = tokens.mine().getFirst().getId();

        var response = get("/api/leads/export.csv?q=" + company, "Bearer " + token);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains(anasLead).doesNotContain(bensLead);
        assertThat(tokens.mine().getFirst().getLastUsedAt()).isNotNull();

        tokens.revoke(id);
        assertThat(get("/api/leads/export.csv", "Bearer " + token).statusCode()).isEqualTo(401);
        assertThat(get("/api/leads/export.csv", "Bearer sdk_made-up").statusCode())
                .isEqualTo(401);
    }
}

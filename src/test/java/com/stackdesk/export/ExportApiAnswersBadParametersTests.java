package com.stackdesk.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.stackdesk.IntegrationTest;
import com.stackdesk.StackTraces;
import com.stackdesk.staff.Role;
import com.stackdesk.staff.TestStaff;
import com.stackdesk.staff.internal.StaffMembers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A query value the export cannot use is the caller's mistake: 400 in JSON naming the parameter, no stack trace. */
@IntegrationTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ExportApiAnswersBadParametersTests {

    @LocalServerPort
    int port;

    @Autowired
    StaffMembers staff;

    private final HttpClient http = HttpClient.newHttpClient();
    private String authorization;

    @BeforeEach
    void aManager() {
        var maria = TestStaff.member("maria-" + TestStaff.suffix())
                .fullName("María García")
                .password("secret")
                .role(Role.MANAGER)
                .save(staff);
        authorization = "Basic "
                + Base64.getEncoder()
                        .encodeToString((maria.getUsername() + ":secret").getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @CsvSource({
        "bom=maybe, bom",
        "assignee=12345678901234567890, assignee",
        "from=2026-13-45, from",
        "to=%2B999999999-12-31, to",
        "to=2026-02-30, to",
        "from=-999999999-01-01, from",
        "status=PENDING, status",
        "sort=salary, sort",
        "spam=perhaps, spam"
    })
    void aBadValueIsAnswered400NamingTheParameter(String query, String parameter) throws Exception {
        answered400NamingTheParameter(query, parameter, "*/*");
        // what a script that wants the CSV asks for
        answered400NamingTheParameter(query, parameter, "text/csv");
    }

    private void answered400NamingTheParameter(String query, String parameter, String accept) throws Exception {
        try (var traces = StackTraces.record()) {
            var response = http.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/leads/export.csv?" + query))
                            .header("Authorization", authorization)
                            .header("Accept", accept)
                            .build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).as(accept + " " + response.body()).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(v -> assertThat(v).contains("json"));
            assertThat(response.body()).contains(parameter);
            assertThat(traces.logged()).isEmpty();
        }
    }
}

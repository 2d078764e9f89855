package com.stackdesk.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.stackdesk.IntegrationTest;
import com.stackdesk.staff.Role;
import com.stackdesk.staff.TestStaff;
import com.stackdesk.staff.internal.StaffMembers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Every HTML page and every API answer carries the browser protections, over real HTTP. */
@IntegrationTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ResponseHeadersTests {

    @LocalServerPort
    int port;

    @Autowired
    StaffMembers staff;

    private final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private HttpResponse<String> get(String path, String... headers) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).orElse("");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/book", "/plan", "/login", "/thank-you", "/dashboard", "/no-such-page"})
    void everyPageCarriesThePolicyAndTheProtectiveHeaders(String path) throws Exception {
        var response = get(path);

        var csp = header(response, "Content-Security-Policy");
        assertThat(csp).as(path).contains("default-src 'self'");
        assertThat(csp).contains("frame-ancestors 'self'");
        assertThat(csp).contains("object-src 'none'");
        assertThat(csp).contains("base-uri 'self'");
        assertThat(csp).contains("form-action 'self'");
        assertThat(header(response, "X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(header(response, "Referrer-Policy")).isEqualTo("strict-origin-when-cross-origin");
        assertThat(header(response, "X-Frame-Options")).isEqualTo("SAMEORIGIN");
        assertThat(header(response, "Cache-Control")).contains("no-store");
    }

    @Test
    void theSessionCookieIsSameSiteLaxAndHttpOnly() throws Exception {
        var response = get("/login");

        var cookie = response.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("JSESSIONID="))
                .findFirst()
                .orElseThrow();
        assertThat(cookie).contains("HttpOnly").contains("SameSite=Lax").doesNotContain("Secure");
    }

    @Test
    void apiAnswersWithPersonalDataAreNotStored() throws Exception {
        var maria = TestStaff.member("maria-" + TestStaff.suffix())
                .fullName("María García")
                .password("secret")
                .role(Role.MANAGER)
                .save(staff);
        var basic = "Basic "
                + Base64.getEncoder()
                        .encodeToString((maria.getUsername() + ":secret").getBytes(StandardCharsets.UTF_8));

        var export = get("/api/leads/export.csv", "Authorization", basic);
        var notFound = get("/api/leads/SD-NOSUCH", "Authorization", basic);

        assertThat(export.statusCode()).isEqualTo(200);
        assertThat(header(export, "Cache-Control")).contains("no-store");
        assertThat(header(export, "X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(header(notFound, "Cache-Control")).contains("no-store");
    }
}

package com.stackdesk.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.stackdesk.IntegrationTest;
import com.stackdesk.LeadApi;
import com.stackdesk.lead.internal.Leads;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/** Behind a configured proxy the visitor's address comes from X-Forwarded-For, for the record and the rate limit. */
@IntegrationTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@TestPropertySource(
        properties = {
            "server.forward-headers-strategy=native",
            "server.tomcat.remoteip.internal-proxies=127\\\\.0\\\\.0\\\\.1",
            "stackdesk.intake.rate-limit.submissions=2"
        })
class ForwardedForFromATrustedProxyTests {

    @LocalServerPort
    int port;

    @Autowired
    Leads leads;

    @Test
    void theProxysForwardedForIsTheVisitorsAddress() throws Exception {
        var first = ForwardedHeaders.postClaiming(port, "203.0.113.1");
        var second = ForwardedHeaders.postClaiming(port, "203.0.113.1");
        var third = ForwardedHeaders.postClaiming(port, "203.0.113.1");
        var otherVisitor = ForwardedHeaders.postClaiming(port, "198.51.100.9");

        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        assertThat(second.statusCode()).isEqualTo(201);
        assertThat(third.statusCode()).isEqualTo(429);
        assertThat(otherVisitor.statusCode()).isEqualTo(201);
        assertThat(leads.findByReference(LeadApi.reference(first)).orElseThrow().getClientIp())
                .isEqualTo("203.0.113.1");
    }

    @Test
    void overHttpsAtTheProxyTheSessionCookieIsSecure() throws Exception {
        var response = java.net.http.HttpClient.newHttpClient()
                .send(
                        java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + "/login"))
                                .header("X-Forwarded-For", "203.0.113.50")
                                .header("X-Forwarded-Proto", "https")
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());

        assertThat(response.headers().allValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie)
                .startsWith("JSESSIONID=")
                .contains("Secure")
                .contains("SameSite=Lax"));
    }
}

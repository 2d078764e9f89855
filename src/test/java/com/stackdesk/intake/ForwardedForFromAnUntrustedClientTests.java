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

/**
 * Forwarded headers switched on as the config file says, but no proxy address configured: a client
 * that makes up an X-Forwarded-For per request still counts against its own address's allowance.
 */
@IntegrationTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@TestPropertySource(
        properties = {"server.forward-headers-strategy=native", "stackdesk.intake.rate-limit.submissions=2"})
class ForwardedForFromAnUntrustedClientTests {

    @LocalServerPort
    int port;

    @Autowired
    Leads leads;

    @Test
    void aMadeUpForwardedForNeitherResetsTheRateLimitNorIsStored() throws Exception {
        var first = ForwardedHeaders.postClaiming(port, "203.0.113.1");
        var second = ForwardedHeaders.postClaiming(port, "203.0.113.2");
        var third = ForwardedHeaders.postClaiming(port, "203.0.113.3");

        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        assertThat(second.statusCode()).isEqualTo(201);
        assertThat(third.statusCode()).isEqualTo(429);
        assertThat(leads.findByReference(LeadApi.reference(first)).orElseThrow().getClientIp())
                .isEqualTo("127.0.0.1");
    }
}

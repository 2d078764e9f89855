package com.stackdesk.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.stackdesk.IntegrationTest;
import com.stackdesk.LeadApi;
import com.stackdesk.lead.internal.Leads;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

@IntegrationTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = "stackdesk.intake.rate-limit.submissions=2")
class IntakeApiRateLimitTests {

    @LocalServerPort
    int port;

    @Autowired
    Leads leads;

    private HttpResponse<String> post(int n) throws Exception {
        var body = """
                {"kind":"CONSULTATION","firstName":"Ana","lastName":"Lee","email":"ana@lee.example",
                 "stack":"GO","contactMethod":"EMAIL","message":"Request %d","consent":"true"}""".formatted(n);
        return LeadApi.post(port, body);
    }

    @Test
    void overTheLimitIsAnswered429WithRetryAfterAndStoresNothing() throws Exception {
        assertThat(post(1).statusCode()).isEqualTo(201);
        assertThat(post(2).statusCode()).isEqualTo(201);
        long before = leads.count();

        var limited = post(3);

        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After").map(Long::parseLong))
                .hasValueSatisfying(seconds -> assertThat(seconds).isBetween(1L, 601L));
        assertThat(limited.body()).contains("try again later");
        assertThat(leads.count()).isEqualTo(before);
    }
}

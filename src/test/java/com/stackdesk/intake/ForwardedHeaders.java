package com.stackdesk.intake;

import com.stackdesk.LeadApi;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.UUID;
import tools.jackson.databind.json.JsonMapper;

/** Posts a lead to a running app over real HTTP, claiming to come from an address in X-Forwarded-For. */
final class ForwardedHeaders {

    private static final JsonMapper json = JsonMapper.builder().build();

    private ForwardedHeaders() {}

    static HttpResponse<String> postClaiming(int port, String forwardedFor) throws Exception {
        var body = json.writeValueAsString(java.util.Map.of(
                "kind", "consultation",
                "firstName", "Fay",
                "lastName", "Forwarded",
                "email", "fay@forwarded.example",
                "stack", "GO",
                "contactMethod", "EMAIL",
                "message", "Hello " + UUID.randomUUID(),
                "consent", "true"));
        return LeadApi.post(
                URI.create("http://127.0.0.1:" + port + "/api/leads"), body, "X-Forwarded-For", forwardedFor);
    }
}

package com.stackdesk.intake;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import tools.jackson.databind.json.JsonMapper;

/** Posts a lead to a running app over real HTTP, claiming to come from an address in X-Forwarded-For. */
final class ForwardedHeaders {

    private static final HttpClient http = HttpClient.newHttpClient();
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
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/leads"))
                        .header("Content-Type", "application/json")
                        .header("X-Forwarded-For", forwardedFor)
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static String reference(HttpResponse<String> created) {
        return json.readTree(created.body()).get("reference").asString();
    }
}

package com.stackdesk.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.stackdesk.IntegrationTest;
import com.stackdesk.StackTraces;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A website or script that gets the request wrong is told so in JSON with a 4xx, never redirected
 * to the staff login page, and its mistake leaves no stack trace in the log.
 */
@IntegrationTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class IntakeApiAnswersMalformedRequestsTests {

    @LocalServerPort
    int port;

    private final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private HttpResponse<String> post(String contentType, String body) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/leads"))
                        .header("Content-Type", contentType)
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static void assertJsonError(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(v -> assertThat(v).contains("json"));
        assertThat(response.body()).startsWith("{");
    }

    @Test
    void malformedJsonIsAnswered400() throws Exception {
        try (var traces = StackTraces.record()) {
            assertJsonError(post("application/json", "{\"kind\": \"consultation\", \"firstName\": "), 400);
            assertJsonError(post("application/json", "{\"kind\": \"consultation\", \"startedAt\": \"soon\"}"), 400);
            assertJsonError(post("application/json", "[1, 2, 3]"), 400);
            assertThat(traces.logged()).isEmpty();
        }
    }

    @Test
    void xmlPlainTextAndMultipartAreAnswered415() throws Exception {
        try (var traces = StackTraces.record()) {
            assertJsonError(post("application/xml", "<lead><kind>consultation</kind></lead>"), 415);
            assertJsonError(post("text/plain", "kind=consultation"), 415);
            assertJsonError(
                    post(
                            "multipart/form-data; boundary=xyz",
                            "--xyz\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\nconsultation\r\n--xyz--\r\n"),
                    415);
            assertThat(traces.logged()).isEmpty();
        }
    }

    @Test
    void aGetOnTheIntakeIsAnsweredInJsonToo() throws Exception {
        var response = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/leads/does/not/exist"))
                        .DELETE()
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isIn(401, 404, 405);
        assertThat(response.body()).startsWith("{");
    }
}

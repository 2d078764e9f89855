package com.stackdesk.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.stackdesk.IntegrationTest;
import com.stackdesk.StackTraces;
import com.stackdesk.lead.internal.Leads;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * Three parallel 95 MB bodies once ran a 384 MB heap out of memory. The API reads at most {@code
 * stackdesk.api.max-body-size} (64 KB by default) of a body and answers 413 in JSON, over a raw
 * socket so the test controls exactly what the client sends and when.
 */
@IntegrationTest(webEnvironment = WebEnvironment.RANDOM_PORT)
// the settings of IntakeApiIntegrationTests (origins and docs unused here), so they share one context
@TestPropertySource(
        properties = {
            "stackdesk.intake.rate-limit.submissions=1000",
            "stackdesk.api.allowed-origins=https://www.northwind.example",
            "stackdesk.api.public-docs=true"
        })
class IntakeApiRefusesOversizedBodiesTests {

    private static final int MB = 1024 * 1024;

    @LocalServerPort
    int port;

    @Autowired
    Leads leads;

    private static String headers(String contentType, String length) {
        return "POST /api/leads HTTP/1.1\r\nHost: localhost\r\nContent-Type: " + contentType + "\r\n" + length + "\r\n";
    }

    private static String response(Socket socket) throws IOException {
        var out = new ByteArrayOutputStream();
        InputStream in = socket.getInputStream();
        var buffer = new byte[8192];
        int n;
        // the server closes the connection after a 413; stop at the end of a small body too
        while ((n = in.read(buffer)) > 0) {
            out.write(buffer, 0, n);
            var text = out.toString(StandardCharsets.UTF_8);
            if (text.contains("\r\n\r\n") && text.endsWith("}")) {
                break;
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private Socket connect() throws IOException {
        var socket = new Socket("localhost", port);
        socket.setSoTimeout(60_000); // a hang fails the test instead of blocking the build
        return socket;
    }

    private static byte[] jsonOfSize(int size) {
        var start = "{\"kind\":\"consultation\",\"firstName\":\"Big\",\"lastName\":\"Body\","
                + "\"email\":\"big@body.example\",\"stack\":\"GO\",\"contactMethod\":\"EMAIL\",\"consent\":\"true\",\"message\":\"";
        var body = new byte[size];
        Arrays.fill(body, (byte) 'a');
        var head = start.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(head, 0, body, 0, head.length);
        body[size - 2] = '"';
        body[size - 1] = '}';
        return body;
    }

    @Test
    void a95MegabyteBodyIsRefusedFromItsContentLengthBeforeItIsSent() throws Exception {
        var before = leads.count();
        try (var traces = StackTraces.record();
                var socket = connect()) {
            OutputStream out = socket.getOutputStream();
            out.write(headers("application/json", "Content-Length: " + 95 * MB + "\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(Arrays.copyOf(jsonOfSize(95 * MB), 4096)); // then stop: the server must not wait for the rest
            out.flush();

            var answer = response(socket);

            assertThat(answer).startsWith("HTTP/1.1 413");
            assertThat(answer).containsIgnoringCase("Content-Type: application/json");
            assertThat(answer).contains("\"message\":\"The request body is larger than 65536 bytes\"");
            assertThat(traces.logged()).isEmpty();
        }
        assertThat(leads.count()).isEqualTo(before);
    }

    @Test
    void aChunkedBodyIsRefusedOnceItPassesTheLimit() throws Exception {
        var before = leads.count();
        try (var traces = StackTraces.record();
                var socket = connect()) {
            OutputStream out = socket.getOutputStream();
            out.write(headers("application/json", "Transfer-Encoding: chunked\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            var body = jsonOfSize(MB);
            for (int at = 0; at < body.length; at += 8192) {
                out.write((Integer.toHexString(8192) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(body, at, 8192);
                out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();

            var answer = response(socket);

            assertThat(answer).startsWith("HTTP/1.1 413");
            assertThat(answer).containsIgnoringCase("Content-Type: application/json");
            assertThat(answer).contains("larger than 65536 bytes");
            assertThat(traces.logged()).isEmpty();
        }
        assertThat(leads.count()).isEqualTo(before);
    }

    @Test
    void aFormPostOverTheLimitIsRefusedToo() throws Exception {
        try (var socket = connect()) {
            var body = "kind=consultation&message=" + "a".repeat(200_000);
            OutputStream out = socket.getOutputStream();
            out.write((headers("application/x-www-form-urlencoded", "Content-Length: " + body.length() + "\r\n") + body)
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();

            assertThat(response(socket)).startsWith("HTTP/1.1 413");
        }
    }

    @Test
    void aBodyUnderTheLimitIsTakenAsBefore() throws Exception {
        try (var socket = connect()) {
            var body = jsonOfSize(3000);
            OutputStream out = socket.getOutputStream();
            out.write(headers("application/json", "Content-Length: " + body.length + "\r\nConnection: close\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();

            assertThat(response(socket)).startsWith("HTTP/1.1 201");
        }
    }
}

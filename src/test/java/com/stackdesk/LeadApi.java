package com.stackdesk;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Pattern;

/**
 * Posts a lead to a running app's intake API ({@code POST /api/leads}) over real HTTP, as a
 * website's script does: the one copy of that request for every test that submits through the API.
 */
public final class LeadApi {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Pattern REFERENCE = Pattern.compile("\"reference\"\\s*:\\s*\"([^\"]+)\"");

    private LeadApi() {}

    /** Posts {@code json} to the app on {@code localhost:port}, with more headers as name, value, .... */
    public static HttpResponse<String> post(int port, String json, String... headers)
            throws IOException, InterruptedException {
        return post(URI.create("http://localhost:" + port + "/api/leads"), json, headers);
    }

    /** Posts {@code json} to this {@code /api/leads} address, with more headers as name, value, .... */
    public static HttpResponse<String> post(URI endpoint, String json, String... headers)
            throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(endpoint)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The reference a 201 answer gives for the stored lead. */
    public static String reference(HttpResponse<String> created) {
        var matcher = REFERENCE.matcher(created.body());
        if (!matcher.find()) {
            throw new AssertionError("no reference in " + created.statusCode() + " " + created.body());
        }
        return matcher.group(1);
    }
}

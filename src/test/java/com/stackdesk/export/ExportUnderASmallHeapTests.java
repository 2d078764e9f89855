package com.stackdesk.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The export streams: 60,000 leads carrying over 200 MB of text go through the real app started
 * in its own JVM with a 128 MB heap. Loading the rows at once could not fit and would fail. Leads
 * submitted while the export runs are stored and do not break it.
 */
class ExportUnderASmallHeapTests {

    private static final int LEADS = 60_000;
    /** Leads submitted while the export runs, one every 12,000 lines. */
    private static final int SUBMITTED = LEADS / 12_000;

    private static final String MESSAGE =
            "We need a plan for our platform. ".repeat(120); // 3,960 characters (the column holds 4,000)

    @Test
    void exportsMoreTextThanItsHeapHoldsFromAnAppWithA128MbHeap() throws Exception {
        var dir = Path.of("target", "small-heap-export");
        var url = SeededDatabase.create(dir, LEADS, MESSAGE);

        var submitted = new ArrayList<Integer>();
        // all submissions come from one address: allow them all, whatever the default limit is
        var arguments = List.of("--stackdesk.intake.rate-limit.submissions=" + (SUBMITTED + 1));
        try (var app = AppProcess.start("128m", AppProcess.QUICK_START, url, dir.resolve("app.log"), arguments)) {
            var response = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(app.uri("/api/leads/export.csv?bom=false"))
                                    .header(
                                            "Authorization",
                                            "Basic "
                                                    + Base64.getEncoder()
                                                            .encodeToString((SeededDatabase.USERNAME + ":"
                                                                            + SeededDatabase.PASSWORD)
                                                                    .getBytes(StandardCharsets.UTF_8)))
                                    .build(),
                            HttpResponse.BodyHandlers.ofInputStream());
            assertThat(response.statusCode()).isEqualTo(200);
            long lines = 0;
            long characters = 0;
            try (var reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    lines++;
                    characters += line.length();
                    if (lines % 12_000 == 0) {
                        // visitors keep submitting while someone exports: neither may disturb the other
                        submitted.add(submitLead(app, lines));
                    }
                }
            }

            assertThat(lines).isEqualTo(LEADS + 1);
            assertThat(submitted).hasSize(SUBMITTED).containsOnly(201);
            assertThat(characters).isGreaterThan(200_000_000L);
            assertThat(app.process.isAlive()).as("the app survived the export").isTrue();
            assertThat(Files.readString(app.log)).doesNotContain("OutOfMemoryError");
        }
        // read once the app has closed the file database
        try (var db = new SeededDatabase.Jdbc(url, "sa", "").connect();
                var rows = db.createStatement()
                        .executeQuery("select count(*) from lead where email like 'live%@visitor.example'"
                                + " and message = 'Submitted during an export'")) {
            rows.next();
            assertThat(rows.getInt(1))
                    .as("the leads submitted during the export")
                    .isEqualTo(SUBMITTED);
        }
    }

    private static int submitLead(AppProcess app, long n) throws Exception {
        var body = """
                {"kind":"CONSULTATION","firstName":"Live","lastName":"Visitor","email":"live%d@visitor.example",
                 "stack":"GO","contactMethod":"EMAIL","message":"Submitted during an export","consent":"true"}""".formatted(n);
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(app.uri("/api/leads"))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }
}

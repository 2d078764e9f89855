package com.stackdesk.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Times the CSV export of 1,000,000 leads through the HTTP endpoint of the app started at
 * {@code -Xmx256m}, samples the app's heap while it runs, and times H2's own {@code CSVWRITE} of
 * the same rows as the baseline. Run with {@code ./mvnw -Pbench test -Dtest=LeadExportBenchmark};
 * it prints a table and asserts nothing about speed.
 */
@EnabledIfSystemProperty(named = "stackdesk.bench", matches = "true", disabledReason = "a benchmark: ./mvnw -Pbench test -Dtest=LeadExportBenchmark")
class LeadExportBenchmark {

    private static final int LEADS = Integer.getInteger("bench.leads", 1_000_000);
    private static final String MESSAGE =
            "We run a Node.js API for 40k daily users and want a review of our queueing and caching before Black Friday.";
    private static final Pattern HEAP_USED = Pattern.compile("used (\\d+)K");

    @Test
    void exportsAMillionLeads() throws Exception {
        var dir = Path.of("target", "bench-export");
        long seedStart = System.nanoTime();
        var url = SeededDatabase.create(dir, LEADS, MESSAGE);
        double seedSeconds = (System.nanoTime() - seedStart) / 1e9;

        var file = dir.resolve("export-http.csv");
        long httpNanos;
        long bytes;
        long lines;
        long peakHeapKb;
        try (var app = AppProcess.start("256m", url, dir.resolve("app.log"))) {
            var peak = new AtomicLong();
            var sampler = Thread.ofPlatform().daemon().start(() -> sampleHeap(app.process.pid(), peak));
            long start = System.nanoTime();
            var response = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(app.uri("/api/leads/export.csv"))
                                    .header("Authorization", "Basic " + Base64.getEncoder()
                                            .encodeToString((SeededDatabase.USERNAME + ":" + SeededDatabase.PASSWORD)
                                                    .getBytes(StandardCharsets.UTF_8)))
                                    .build(),
                            HttpResponse.BodyHandlers.ofFile(file));
            httpNanos = System.nanoTime() - start;
            sampler.interrupt();
            assertThat(response.statusCode()).isEqualTo(200);
            bytes = Files.size(file);
            try (var stream = Files.lines(file)) {
                lines = stream.count();
            }
            peakHeapKb = peak.get();
            assertThat(Files.readString(app.log)).doesNotContain("OutOfMemoryError");
        }
        assertThat(lines).isEqualTo(LEADS + 1);

        var baseline = dir.resolve("export-h2-csvwrite.csv");
        long h2Nanos;
        try (var c = DriverManager.getConnection(url, "sa", "")) {
            long start = System.nanoTime();
            c.createStatement()
                    .execute("CALL CSVWRITE('" + baseline.toAbsolutePath() + "', 'SELECT * FROM lead ORDER BY created_at DESC',"
                            + " 'charset=UTF-8')");
            h2Nanos = System.nanoTime() - start;
        }

        double httpSeconds = httpNanos / 1e9;
        double h2Seconds = h2Nanos / 1e9;
        System.out.printf(
                """

                Lead CSV export benchmark: %,d leads (seeded in %.1f s), app at -Xmx256m, %d cores
                | what                                   | time (s) | rows/s     | size (MB) | app peak heap (MB) |
                |----------------------------------------|---------:|-----------:|----------:|-------------------:|
                | GET /api/leads/export.csv into a file   | %8.2f | %,10.0f | %9.1f | %18.0f |
                | H2 CALL CSVWRITE (baseline)             | %8.2f | %,10.0f | %9.1f |                  – |
                ratio export / CSVWRITE: %.2f

                """,
                LEADS,
                seedSeconds,
                Runtime.getRuntime().availableProcessors(),
                httpSeconds,
                LEADS / httpSeconds,
                bytes / 1e6,
                peakHeapKb / 1024.0,
                h2Seconds,
                LEADS / h2Seconds,
                Files.size(baseline) / 1e6,
                httpSeconds / h2Seconds);
    }

    /** Polls the app's heap use with jcmd until interrupted, keeping the highest value seen. */
    private static void sampleHeap(long pid, AtomicLong peakKb) {
        var jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
        while (!Thread.currentThread().isInterrupted()) {
            try {
                var process = new ProcessBuilder(jcmd, Long.toString(pid), "GC.heap_info")
                        .redirectErrorStream(true)
                        .start();
                var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                var matcher = HEAP_USED.matcher(output);
                if (matcher.find()) {
                    peakKb.accumulateAndGet(Long.parseLong(matcher.group(1)), Math::max);
                }
                Thread.sleep(100);
            } catch (InterruptedException e) {
                return;
            } catch (Exception e) {
                // the app may be between states; try again
            }
        }
    }
}

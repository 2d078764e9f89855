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
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Times the CSV export of 1,000,000 leads through the HTTP endpoint of the app started at
 * {@code -Xmx256m}, samples the app's heap while it runs, and times H2's own {@code CSVWRITE} of
 * the same rows as the baseline. Run with {@code ./mvnw -Pbench test -Dtest=LeadExportBenchmark};
 * it prints a table and asserts nothing about speed.
 *
 * <p>On PostgreSQL ({@code -Dbench.db=postgres -Dbench.pg.url=jdbc:postgresql://127.0.0.1:5433/bench
 * -Dbench.pg.user=postgres [-Dbench.pg.password=...]}) it seeds nothing: it exports every lead of the
 * database {@code IntakeBenchmark} seeded, as it is, and the baselines are PostgreSQL's own {@code COPY
 * (SELECT ...) TO STDOUT WITH (FORMAT csv, HEADER)} through the JDBC driver's {@code CopyManager} into a
 * file: all columns, as H2's baseline, and the export's own query (its columns, rows and order).
 */
@EnabledIfSystemProperty(named = "stackdesk.bench", matches = "true", disabledReason = "a benchmark: ./mvnw -Pbench test -Dtest=LeadExportBenchmark")
class LeadExportBenchmark {

    private static final int LEADS = Integer.getInteger("bench.leads", 1_000_000);
    private static final String MESSAGE =
            "We run a Node.js API for 40k daily users and want a review of our queueing and caching before Black Friday.";
    private static final Pattern HEAP_USED = Pattern.compile("used (\\d+)K");
    private static final boolean POSTGRES = "postgres".equalsIgnoreCase(System.getProperty("bench.db", "h2"));
    /** What {@code LeadExports} selects for a manager's unfiltered export, in its order. */
    private static final String EXPORT_QUERY = "SELECT reference, kind, status, created_at, first_name, last_name,"
            + " email, phone, company, stack, contact_method, preferred_contact_at, visitor_time_zone, message,"
            + " project_type, budget, timeline, team_size, assignee_id, first_response_at, lost_reason,"
            + " routing_reason, utm_source, utm_medium, utm_campaign, utm_term, utm_content, referrer, landing_page,"
            + " consent_version, consent_at, client_ip, suspected_spam, spam_reason,"
            + " assistant_answers, assistant_recommendation, assistant_quote"
            + " FROM lead WHERE suspected_spam <> TRUE ORDER BY created_at DESC";

    record Baseline(String what, double seconds, long bytes) {}

    @Test
    void exportsAMillionLeads() throws Exception {
        if (POSTGRES) {
            exportsFromPostgres();
            return;
        }
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
            var response = download(app, file);
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

    /** The same export from the app at -Xmx256m on IntakeBenchmark's PostgreSQL database, against COPY. */
    private void exportsFromPostgres() throws Exception {
        var url = System.getProperty("bench.pg.url", "");
        if (url.isBlank()) {
            throw new IllegalStateException("-Dbench.db=postgres needs -Dbench.pg.url");
        }
        var db = new SeededDatabase.Jdbc(
                url, System.getProperty("bench.pg.user", "postgres"), System.getProperty("bench.pg.password", ""));
        var dir = Path.of("target", "bench-export-postgres");
        Files.createDirectories(dir);
        Files.deleteIfExists(dir.resolve("app.log"));
        long rows;
        try (var c = db.connect();
                var rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM lead WHERE suspected_spam <> TRUE")) {
            rs.next();
            rows = rs.getLong(1);
        }
        var arguments = List.of(
                "--spring.datasource.username=" + db.user(),
                "--spring.datasource.password=" + db.password(),
                // the database is shared with IntakeBenchmark: send none of its queued emails
                "--stackdesk.mail.dispatcher.enabled=false",
                "--stackdesk.routing.sweep-interval=1h",
                // nor migrate it: an app of another commit may be measured on it next
                "--spring.flyway.enabled=false");
        var file = dir.resolve("export-http.csv");
        long httpNanos;
        long bytes;
        long lines;
        long peakHeapKb;
        java.time.Duration appCpu;
        try (var app = AppProcess.start("256m", db.url(), dir.resolve("app.log"), arguments)) {
            var peak = new AtomicLong();
            var sampler = Thread.ofPlatform().daemon().start(() -> sampleHeap(app.process.pid(), peak));
            var cpuBefore = app.process.info().totalCpuDuration().orElse(java.time.Duration.ZERO);
            long start = System.nanoTime();
            var response = download(app, file);
            httpNanos = System.nanoTime() - start;
            sampler.interrupt();
            appCpu = app.process.info().totalCpuDuration().orElse(java.time.Duration.ZERO).minus(cpuBefore);
            assertThat(response.statusCode()).isEqualTo(200);
            bytes = Files.size(file);
            try (var stream = Files.lines(file)) {
                lines = stream.count();
            }
            peakHeapKb = peak.get();
            assertThat(Files.readString(app.log)).doesNotContain("OutOfMemoryError");
        }
        assertThat(lines).isEqualTo(rows + 1);

        var baselines = List.of(
                copy(db, "SELECT * FROM lead ORDER BY created_at DESC", dir.resolve("export-pg-copy-all.csv"),
                        "PostgreSQL COPY, all columns (as H2's baseline)"),
                copy(db, EXPORT_QUERY, dir.resolve("export-pg-copy-export-query.csv"),
                        "PostgreSQL COPY of the export's query (its 34 columns)"));

        double httpSeconds = httpNanos / 1e9;
        var table = new StringBuilder(String.format(
                Locale.ROOT,
                """

                Lead CSV export benchmark on PostgreSQL %s: %,d leads (IntakeBenchmark's, not reseeded), app at -Xmx256m, %d cores
                | what | time (s) | rows/s | size (MB) | app peak heap (MB) |
                |---|---:|---:|---:|---:|
                | GET /api/leads/export.csv into a file | %.2f | %,.0f | %.1f | %.0f |
                """,
                db.url(),
                rows,
                Runtime.getRuntime().availableProcessors(),
                httpSeconds,
                rows / httpSeconds,
                bytes / 1e6,
                peakHeapKb / 1024.0));
        for (var b : baselines) {
            table.append(String.format(
                    Locale.ROOT,
                    "| %s | %.2f | %,.0f | %.1f | – |%n",
                    b.what(),
                    b.seconds(),
                    rows / b.seconds(),
                    b.bytes() / 1e6));
        }
        for (var b : baselines) {
            table.append(String.format(Locale.ROOT, "ratio export / %s: %.2f%n", b.what(), httpSeconds / b.seconds()));
        }
        table.append(String.format(
                Locale.ROOT,
                "the app's JVM used %.1f s of CPU during the export (heap sampling with jcmd included)%n",
                appCpu.toMillis() / 1000.0));
        System.out.println(table);
        Files.writeString(Path.of("target", "bench-export-postgres.md"), table.toString());
    }

    /** PostgreSQL's own CSV writer: {@code COPY (query) TO STDOUT} through the driver into a file. */
    private static Baseline copy(SeededDatabase.Jdbc db, String query, Path file, String what) throws Exception {
        try (var c = db.connect();
                var out = new java.io.BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            var copy = new org.postgresql.copy.CopyManager(c.unwrap(org.postgresql.core.BaseConnection.class));
            long start = System.nanoTime();
            copy.copyOut("COPY (" + query + ") TO STDOUT WITH (FORMAT csv, HEADER)", out);
            out.flush();
            long nanos = System.nanoTime() - start;
            return new Baseline(what, nanos / 1e9, Files.size(file));
        }
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

    /** The whole export over HTTP as the seeded manager, into {@code file}. */
    private static HttpResponse<Path> download(AppProcess app, Path file) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(app.uri("/api/leads/export.csv"))
                                .header("Authorization", "Basic " + Base64.getEncoder()
                                        .encodeToString((SeededDatabase.USERNAME + ":" + SeededDatabase.PASSWORD)
                                                .getBytes(StandardCharsets.UTF_8)))
                                .build(),
                        HttpResponse.BodyHandlers.ofFile(file));
    }
}

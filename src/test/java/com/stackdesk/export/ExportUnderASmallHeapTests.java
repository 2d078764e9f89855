package com.stackdesk.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;

/**
 * The export streams: 100,000 leads carrying over 200 MB of text go through the real app started
 * in its own JVM with a 128 MB heap. Loading the rows at once could not fit and would fail.
 */
class ExportUnderASmallHeapTests {

    private static final int LEADS = 100_000;
    private static final String MESSAGE = "We need a plan for our platform. ".repeat(64); // ~2,100 characters

    @Test
    void exportsOneHundredThousandLeadsFromAnAppWithA128MbHeap() throws Exception {
        var dir = Path.of("target", "small-heap-export").toAbsolutePath();
        FileSystemUtils.deleteRecursively(dir);
        Files.createDirectories(dir);
        var url = "jdbc:h2:file:" + dir.resolve("db");
        seed(url);

        int port;
        try (var socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        var log = dir.resolve("app.log");
        var command = new ArrayList<String>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx128m");
        command.add("-XX:+ExitOnOutOfMemoryError");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("com.stackdesk.StackdeskApplication");
        command.add("--server.port=" + port);
        command.add("--spring.datasource.url=" + url);
        command.add("--stackdesk.seeds.location=classpath:no-seeds/");
        var app = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        try {
            var http = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(2))
                    .build();
            waitUntilUp(http, port, app, log);

            var response = http.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/leads/export.csv?bom=false"))
                            .header(
                                    "Authorization",
                                    "Basic "
                                            + Base64.getEncoder()
                                                    .encodeToString("exporter:secret".getBytes(StandardCharsets.UTF_8)))
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
                }
            }

            assertThat(lines).isEqualTo(LEADS + 1);
            assertThat(characters).isGreaterThan(200_000_000L);
            assertThat(app.isAlive()).as("the app survived the export").isTrue();
            assertThat(Files.readString(log)).doesNotContain("OutOfMemoryError");
        } finally {
            app.destroy();
            if (!app.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                app.destroyForcibly();
            }
        }
    }

    private static void waitUntilUp(HttpClient http, int port, Process app, Path log) throws Exception {
        var deadline = Instant.now().plus(Duration.ofSeconds(120));
        while (Instant.now().isBefore(deadline)) {
            if (!app.isAlive()) {
                throw new AssertionError("The app stopped:\n" + Files.readString(log));
            }
            try {
                var status = http.send(
                                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/leads/SD-NONE"))
                                        .build(),
                                HttpResponse.BodyHandlers.discarding())
                        .statusCode();
                if (status == 401) {
                    return;
                }
            } catch (java.io.IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new AssertionError("The app did not start in time:\n" + Files.readString(log));
    }

    /** The schema through Flyway, a manager to export as, and the leads in JDBC batches. */
    private static void seed(String url) throws Exception {
        Flyway.configure()
                .dataSource(url, "sa", "")
                .locations("classpath:db/migration")
                .load()
                .migrate();
        try (var c = DriverManager.getConnection(url, "sa", "")) {
            c.setAutoCommit(false);
            var now = OffsetDateTime.now(ZoneOffset.UTC);
            try (var staff = c.prepareStatement(
                    "INSERT INTO staff (username, full_name, email, password_hash, role, active,"
                            + " generalist, capacity, weight, failed_logins, created_at, version)"
                            + " VALUES ('exporter', 'Ella Exporter', 'ella@x.example', '{noop}secret', 'MANAGER', TRUE, FALSE, 10, 1, 0, ?, 0)")) {
                staff.setObject(1, now);
                staff.executeUpdate();
            }
            try (var lead =
                    c.prepareStatement("INSERT INTO lead (reference, kind, first_name, last_name, email, company,"
                            + " stack, message, status, created_at, consent_version, consent_at, fingerprint, suspected_spam,"
                            + " version, source_label, search_name, search_last_name, search_email, search_company)"
                            + " VALUES (?, 'DEVELOPMENT_PLAN', 'Zoë', ?, ?, 'Heapco', 'GO', ?, 'NEW', ?, 'v1', ?, ?, FALSE, 0,"
                            + " 'direct', ?, ?, ?, 'heapco')")) {
                for (int i = 0; i < LEADS; i++) {
                    var last = "Tester" + i;
                    var email = "zoe" + i + "@heapco.example";
                    var created = now.minusSeconds(i);
                    lead.setString(1, "SD-%06d".formatted(i));
                    lead.setString(2, last);
                    lead.setString(3, email);
                    lead.setString(4, MESSAGE + i);
                    lead.setObject(5, created);
                    lead.setObject(6, created);
                    lead.setString(7, "fp" + i);
                    lead.setString(8, "zoë " + last.toLowerCase());
                    lead.setString(9, last.toLowerCase());
                    lead.setString(10, email);
                    lead.addBatch();
                    if (i % 2_000 == 1_999) {
                        lead.executeBatch();
                    }
                }
                lead.executeBatch();
            }
            c.commit();
        }
    }
}

package com.stackdesk.backup;

import static org.assertj.core.api.Assertions.assertThat;

import com.stackdesk.LeadApi;
import com.stackdesk.StackdeskApplication;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.zip.ZipInputStream;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * README "Backups", step by step: an admin downloads a backup of the running app's H2 file
 * database while leads keep coming in, unzips it into an empty folder, and an app started on that
 * folder has every lead stored before the backup, on a schema Flyway validates.
 */
class ABackupTakenWhileRunningRestoresEveryLeadTests {

    static final String ADMIN_PASSWORD = "backup-test-admin-password";
    static final int LEADS_BEFORE = 20;

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void everyLeadStoredBeforeTheBackupIsInTheRestoredDatabase() throws Exception {
        var before = new ArrayList<String>();
        var during = Collections.synchronizedList(new ArrayList<String>());
        byte[] backup;
        try (var app = start(dir.resolve("data"))) {
            for (int i = 0; i < LEADS_BEFORE; i++) {
                before.add(postLead(app, "before-" + i));
            }
            // leads keep coming in while the backup is taken
            var running = new AtomicBoolean(true);
            var visitor = Thread.ofVirtual().start(() -> {
                for (int i = 0; running.get(); i++) {
                    try {
                        during.add(postLead(app, "during-" + i));
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }
            });

            // README: curl -fu admin -o stackdesk-backup.zip http://localhost:8080/api/admin/backup
            var response = http.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port(app) + "/api/admin/backup"))
                            .header("Authorization", basic("admin", ADMIN_PASSWORD))
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            running.set(false);
            visitor.join();

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/zip");
            assertThat(response.headers().firstValue("Content-Disposition")).hasValueSatisfying(v -> assertThat(v)
                    .matches("attachment; filename=\"stackdesk-backup-.+\\.zip\""));
            backup = response.body();
        }

        // README: unzip stackdesk-backup.zip -d db/data (into an empty folder)
        var restored = dir.resolve("restored");
        assertThat(unzip(backup, restored)).containsExactly("stackdesk.mv.db");

        try (var app = start(restored)) {
            var jdbc = app.getBean(JdbcClient.class);
            var references =
                    jdbc.sql("SELECT reference FROM lead").query(String.class).set();
            assertThat(references).containsAll(before);
            // a lead is either in the backup whole, with its timeline, or not at all
            assertThat(jdbc.sql("SELECT COUNT(*) FROM lead l WHERE NOT EXISTS"
                                    + " (SELECT 1 FROM lead_activity a WHERE a.lead_id = l.id)")
                            .query(Long.class)
                            .single())
                    .isZero();
            assertThat(references).doesNotHaveDuplicates().hasSizeLessThanOrEqualTo(before.size() + during.size());
            var flyway = app.getBean(Flyway.class);
            assertThat(flyway.validateWithResult().validationSuccessful).isTrue();
            assertThat(flyway.info().pending()).isEmpty();
        }
    }

    /** The app on the H2 file database {@code folder/stackdesk}, with the URL options of the app's own. */
    private static ConfigurableApplicationContext start(Path folder) {
        var url = "jdbc:h2:file:" + folder.toAbsolutePath().resolve("stackdesk") + ";DB_CLOSE_ON_EXIT=FALSE";
        var settings = Map.ofEntries(
                Map.entry("server.port", "0"),
                Map.entry("spring.datasource.url", url),
                Map.entry("stackdesk.mail.embedded.enabled", "false"),
                Map.entry("stackdesk.intake.min-fill-time", "0s"),
                Map.entry("stackdesk.intake.rate-limit.submissions", "100000"),
                Map.entry("stackdesk.seeds.location", "classpath:no-seeds/"),
                Map.entry("STACKDESK_ADMIN_PASSWORD", ADMIN_PASSWORD),
                Map.entry("vaadin.launch-browser", "false"),
                Map.entry("spring.main.banner-mode", "off"),
                Map.entry("spring.task.scheduling.shutdown.await-termination", "false"));
        return new SpringApplicationBuilder(StackdeskApplication.class)
                .run(settings.entrySet().stream()
                        .map(e -> "--" + e.getKey() + "=" + e.getValue())
                        .toArray(String[]::new));
    }

    private static int port(ConfigurableApplicationContext app) {
        return ((WebServerApplicationContext) app).getWebServer().getPort();
    }

    private String postLead(ConfigurableApplicationContext app, String name) throws Exception {
        var body = """
                {"kind":"CONSULTATION","firstName":"%s","lastName":"Backup","email":"%s@backup.example",
                 "stack":"Go","contactMethod":"EMAIL","message":"A Go service review %s","consent":"true"}""".formatted(name, name, UUID.randomUUID());
        var response = LeadApi.post(port(app), body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return LeadApi.reference(response);
    }

    private static String basic(String username, String password) {
        return "Basic "
                + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** What {@code unzip} does: the entries' files in {@code folder}; their names. */
    private static List<String> unzip(byte[] zip, Path folder) throws Exception {
        Files.createDirectories(folder);
        var names = new ArrayList<String>();
        try (var in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                var target = folder.resolve(entry.getName()).normalize();
                assertThat(target.startsWith(folder)).as(entry.getName()).isTrue();
                Files.copy(in, target);
                names.add(entry.getName());
            }
        }
        return names;
    }
}

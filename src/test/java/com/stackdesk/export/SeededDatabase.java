package com.stackdesk.export;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.flywaydb.core.Flyway;
import org.springframework.util.FileSystemUtils;

/**
 * A fresh H2 file database with the schema from Flyway, one manager ({@code exporter} /
 * {@code secret}) and many leads inserted in JDBC batches, for the export tests and benchmark.
 */
final class SeededDatabase {

    static final String USERNAME = "exporter";
    static final String PASSWORD = "secret";

    private SeededDatabase() {}

    /** Creates the database in {@code dir} and returns its JDBC URL. */
    static String create(Path dir, int leads, String message) throws Exception {
        FileSystemUtils.deleteRecursively(dir);
        Files.createDirectories(dir);
        var url = "jdbc:h2:file:" + dir.toAbsolutePath().resolve("db");
        Flyway.configure()
                .dataSource(url, "sa", "")
                .locations("classpath:db/migration")
                .load()
                .migrate();
        try (var c = DriverManager.getConnection(url, "sa", "")) {
            c.setAutoCommit(false);
            var now = OffsetDateTime.now(ZoneOffset.UTC);
            try (var staff = c.prepareStatement("INSERT INTO staff (username, full_name, email, password_hash, role,"
                    + " active, generalist, capacity, weight, failed_logins, created_at, version)"
                    + " VALUES (?, 'Ella Exporter', 'ella@x.example', ?, 'MANAGER', TRUE, FALSE, 10, 1, 0, ?, 0)")) {
                staff.setString(1, USERNAME);
                staff.setString(2, "{noop}" + PASSWORD);
                staff.setObject(3, now);
                staff.executeUpdate();
            }
            String[] stacks = {"NODE_JS", "PYTHON", "GO", "JAVA", "PHP", "RUBY", "OTHER", "NOT_SURE"};
            String[] statuses = {"NEW", "CONTACTED", "QUALIFIED", "PROPOSAL", "WON", "LOST"};
            try (var lead = c.prepareStatement(
                    "INSERT INTO lead (reference, kind, first_name, last_name, email,"
                            + " company, stack, message, status, created_at, consent_version, consent_at, fingerprint,"
                            + " suspected_spam, version, utm_source, source_label, search_name, search_last_name,"
                            + " search_email, search_company)"
                            + " VALUES (?, 'CONSULTATION', 'Zoë', ?, ?, ?, ?, ?, ?, ?, 'v1', ?, ?, FALSE, 0, ?, ?, ?, ?, ?, ?)")) {
                for (int i = 0; i < leads; i++) {
                    var last = "Lindqvist" + i;
                    var email = "zoe." + i + "@company" + (i % 5000) + ".example";
                    var company = "Company " + (i % 5000) + " AB";
                    var created = now.minusSeconds(i * 7L);
                    var source = i % 3 == 0 ? "newsletter" : "direct";
                    lead.setString(1, "SD-" + Integer.toString(i, 36).toUpperCase() + "X");
                    lead.setString(2, last);
                    lead.setString(3, email);
                    lead.setString(4, company);
                    lead.setString(5, stacks[i % stacks.length]);
                    lead.setString(6, message);
                    lead.setString(7, statuses[i % statuses.length]);
                    lead.setObject(8, created);
                    lead.setObject(9, created);
                    lead.setString(10, "fp" + i);
                    lead.setString(11, source.equals("direct") ? null : source);
                    lead.setString(12, source);
                    lead.setString(13, "zoë " + last.toLowerCase());
                    lead.setString(14, last.toLowerCase());
                    lead.setString(15, email);
                    lead.setString(16, company.toLowerCase());
                    lead.addBatch();
                    if (i % 5_000 == 4_999) {
                        lead.executeBatch();
                        c.commit();
                    }
                }
                lead.executeBatch();
            }
            c.commit();
        }
        return url;
    }
}

package com.stackdesk.export;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.springframework.util.FileSystemUtils;

/**
 * A fresh database with the schema from Flyway, one manager ({@code exporter} / {@code secret}),
 * optionally a sales team the router can choose from, and many leads inserted in JDBC batches, for
 * the export tests, the intake crash test and the benchmarks. H2 file databases are made here;
 * PostgreSQL ones are emptied and migrated on a server someone else started. The SQL is portable.
 */
public final class SeededDatabase {

    public static final String USERNAME = "exporter";
    public static final String PASSWORD = "secret";

    /** Stacks of the seeded sales reps, one array per rep; every stack is someone's skill. */
    private static final String[][] REP_SKILLS = {
        {"NODE_JS", "PYTHON"}, {"GO", "JAVA"}, {"PHP", "RUBY"}, {"JAVA", "NODE_JS", "OTHER"}
    };

    private SeededDatabase() {}

    /** Where a database is and how to sign in to it. */
    public record Jdbc(String url, String user, String password) {

        public Connection connect() throws SQLException {
            return DriverManager.getConnection(url, user, password);
        }
    }

    /** Creates the database in {@code dir} and returns its JDBC URL. */
    static String create(Path dir, int leads, String message) throws Exception {
        var db = freshH2(dir, "");
        addManager(db);
        addLeads(db, leads, message, List.of());
        return db.url();
    }

    /**
     * A new, migrated and empty H2 file database in {@code dir} (deleted first); {@code options} are
     * appended to its URL, e.g. {@code ";WRITE_DELAY=0"}.
     */
    public static Jdbc freshH2(Path dir, String options) throws Exception {
        FileSystemUtils.deleteRecursively(dir);
        Files.createDirectories(dir);
        var db = new Jdbc("jdbc:h2:file:" + dir.toAbsolutePath().resolve("db") + options, "sa", "");
        migrate(db);
        return db;
    }

    /** Drops everything in the schema of this PostgreSQL database and migrates it anew. */
    public static Jdbc freshPostgres(String url, String user, String password) {
        var db = new Jdbc(url, user, password);
        flyway(db).clean();
        migrate(db);
        return db;
    }

    private static void migrate(Jdbc db) {
        flyway(db).migrate();
    }

    private static Flyway flyway(Jdbc db) {
        return Flyway.configure()
                .dataSource(db.url(), db.user(), db.password())
                .locations(
                        "classpath:db/migration",
                        "classpath:db/migration-" + (db.url().startsWith("jdbc:postgresql:") ? "postgresql" : "h2"))
                .cleanDisabled(false)
                .load();
    }

    /** The manager {@link #USERNAME} / {@link #PASSWORD}: signs in to the API, gets unassigned-lead alerts. */
    public static void addManager(Jdbc db) throws SQLException {
        try (var c = db.connect()) {
            insertStaff(c, USERNAME, "Ella Exporter", "ella@x.example", "MANAGER", false);
        }
    }

    /**
     * The manager and four sales reps with skills in {@code staff_skill} and room for a million open
     * leads each, so routing takes its real path: skill match, load, weighted fairness.
     *
     * @return the reps' ids
     */
    public static List<Long> addSalesTeam(Jdbc db) throws SQLException {
        addManager(db);
        var reps = new ArrayList<Long>();
        try (var c = db.connect()) {
            String[] names = {"Rita Node", "Gus Gopher", "Pia Hypertext", "Jon Bean"};
            for (int i = 0; i < REP_SKILLS.length; i++) {
                var username = "rep" + (i + 1);
                long id = insertStaff(c, username, names[i], username + "@northwind.example", "SALES", i == 3);
                try (var skill = c.prepareStatement("INSERT INTO staff_skill (staff_id, stack) VALUES (?, ?)")) {
                    for (var stack : REP_SKILLS[i]) {
                        skill.setLong(1, id);
                        skill.setString(2, stack);
                        skill.executeUpdate();
                    }
                }
                reps.add(id);
            }
        }
        return reps;
    }

    private static long insertStaff(
            Connection c, String username, String name, String email, String role, boolean generalist)
            throws SQLException {
        try (var staff = c.prepareStatement("INSERT INTO staff (username, full_name, email, password_hash, role,"
                + " active, generalist, capacity, weight, created_at, version)"
                + " VALUES (?, ?, ?, ?, ?, TRUE, ?, 1000000, 1, ?, 0)")) {
            staff.setString(1, username);
            staff.setString(2, name);
            staff.setString(3, email);
            staff.setString(4, "{noop}" + PASSWORD);
            staff.setString(5, role);
            staff.setBoolean(6, generalist);
            staff.setObject(7, OffsetDateTime.now(ZoneOffset.UTC));
            staff.executeUpdate();
        }
        try (var id = c.prepareStatement("SELECT id FROM staff WHERE username = ?")) {
            id.setString(1, username);
            try (var rs = id.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** The email of seeded lead {@code i}: a visitor who submits with it again is a returning visitor. */
    public static String emailOf(int i) {
        return "zoe." + i + "@company" + (i % 5000) + ".example";
    }

    /**
     * Inserts {@code leads} leads, one every 7 seconds back from now, in batches of 5,000; lead
     * {@code i} goes to {@code assignees[i % size]}, or to nobody when the list is empty.
     */
    public static void addLeads(Jdbc db, int leads, String message, List<Long> assignees) throws SQLException {
        if (db.url().startsWith("jdbc:h2:") && leads <= BASE36_FOUR_DIGITS) {
            addLeadsInOneStatement(db, leads, message, assignees);
            return;
        }
        addLeadsInBatches(db, leads, message, assignees);
    }

    /** {@link #addLeads} through JDBC batches of 5,000, committed one by one: any database. */
    static void addLeadsInBatches(Jdbc db, int leads, String message, List<Long> assignees) throws SQLException {
        try (var c = db.connect()) {
            c.setAutoCommit(false);
            var now = OffsetDateTime.now(ZoneOffset.UTC);
            String[] stacks = {"NODE_JS", "PYTHON", "GO", "JAVA", "PHP", "RUBY", "OTHER", "NOT_SURE"};
            String[] statuses = {"NEW", "CONTACTED", "QUALIFIED", "PROPOSAL", "WON", "LOST"};
            try (var lead = c.prepareStatement(
                    "INSERT INTO lead (reference, kind, first_name, last_name, email,"
                            + " company, stack, message, status, created_at, consent_version, consent_at, fingerprint,"
                            + " suspected_spam, version, utm_source, source_label, search_name, search_last_name,"
                            + " search_email, search_company, assignee_id)"
                            + " VALUES (?, 'CONSULTATION', 'Zoë', ?, ?, ?, ?, ?, ?, ?, 'v1', ?, ?, FALSE, 0, ?, ?, ?, ?, ?, ?, ?)")) {
                for (int i = 0; i < leads; i++) {
                    var last = "Lindqvist" + i;
                    var email = emailOf(i);
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
                    if (assignees.isEmpty()) {
                        lead.setNull(17, Types.BIGINT);
                    } else {
                        lead.setLong(17, assignees.get(i % assignees.size()));
                    }
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
    }

    /** Leads up to this count have references of at most four base-36 digits, as SQL below writes them. */
    private static final int BASE36_FOUR_DIGITS = 36 * 36 * 36 * 36;

    /**
     * The same rows as the JDBC batches of {@link #addLeads}, written by H2 itself in one
     * {@code INSERT ... SELECT} over {@code SYSTEM_RANGE}: no row crosses JDBC, so 100,000 leads take
     * a fraction of the time. Every value is the same expression of {@code i} as in the Java loop.
     */
    private static void addLeadsInOneStatement(Jdbc db, int leads, String message, List<Long> assignees)
            throws SQLException {
        if (leads == 0) {
            return;
        }
        // Integer.toString(i, 36).toUpperCase(): four digits, leading zeros trimmed (i = 0 gives "0")
        var digits = "'0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ'";
        var base36 = "CASE WHEN X = 0 THEN '0' ELSE TRIM(LEADING '0' FROM "
                + "SUBSTRING(" + digits + ", MOD(X / 46656, 36) + 1, 1)"
                + " || SUBSTRING(" + digits + ", MOD(X / 1296, 36) + 1, 1)"
                + " || SUBSTRING(" + digits + ", MOD(X / 36, 36) + 1, 1)"
                + " || SUBSTRING(" + digits + ", MOD(X, 36) + 1, 1)) END";
        var stacks = "CASE MOD(X, 8) WHEN 0 THEN 'NODE_JS' WHEN 1 THEN 'PYTHON' WHEN 2 THEN 'GO' WHEN 3 THEN 'JAVA'"
                + " WHEN 4 THEN 'PHP' WHEN 5 THEN 'RUBY' WHEN 6 THEN 'OTHER' ELSE 'NOT_SURE' END";
        var statuses = "CASE MOD(X, 6) WHEN 0 THEN 'NEW' WHEN 1 THEN 'CONTACTED' WHEN 2 THEN 'QUALIFIED'"
                + " WHEN 3 THEN 'PROPOSAL' WHEN 4 THEN 'WON' ELSE 'LOST' END";
        var assignee = new StringBuilder("CAST(NULL AS BIGINT)");
        if (!assignees.isEmpty()) {
            assignee = new StringBuilder("CASE MOD(X, " + assignees.size() + ")");
            for (int k = 0; k < assignees.size(); k++) {
                assignee.append(" WHEN ").append(k).append(" THEN ").append(assignees.get(k));
            }
            assignee.append(" END");
        }
        var email = "'zoe.' || X || '@company' || MOD(X, 5000) || '.example'";
        var company = "'Company ' || MOD(X, 5000) || ' AB'";
        var created = "DATEADD(SECOND, -7 * X, CAST(? AS TIMESTAMP WITH TIME ZONE))";
        var source = "CASE WHEN MOD(X, 3) = 0 THEN 'newsletter' ELSE 'direct' END";
        try (var c = db.connect();
                var insert = c.prepareStatement("INSERT INTO lead (reference, kind, first_name, last_name, email,"
                        + " company, stack, message, status, created_at, consent_version, consent_at, fingerprint,"
                        + " suspected_spam, version, utm_source, source_label, search_name, search_last_name,"
                        + " search_email, search_company, assignee_id)"
                        + " SELECT 'SD-' || " + base36 + " || 'X', 'CONSULTATION', 'Zoë', 'Lindqvist' || X, " + email
                        + ", " + company + ", " + stacks + ", ?, " + statuses + ", " + created + ", 'v1', " + created
                        + ", 'fp' || X, FALSE, 0, CASE WHEN MOD(X, 3) = 0 THEN 'newsletter' END, " + source
                        + ", 'zoë lindqvist' || X, 'lindqvist' || X, " + email + ", LOWER(" + company + "), "
                        + assignee + " FROM SYSTEM_RANGE(0, ?)")) {
            var now = OffsetDateTime.now(ZoneOffset.UTC);
            insert.setString(1, message);
            insert.setObject(2, now);
            insert.setObject(3, now);
            insert.setLong(4, leads - 1L);
            insert.executeUpdate();
        }
    }
}

package com.stackdesk.intake;

import com.stackdesk.export.SeededDatabase;
import com.stackdesk.export.SeededDatabase.Jdbc;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * What H2's {@code WRITE_DELAY=0} costs: the default (500 ms) keeps commits in memory until a
 * background thread writes them, so a kill -9 loses the last half second of committed leads
 * ({@code CrashMidBurstTests}); {@code WRITE_DELAY=0} writes the store on every commit. Times
 * one-lead transactions into the real schema on 1 and 8 threads, with each setting. Prints a table
 * to stdout and {@code target/bench-h2-commit.md}; asserts nothing.
 *
 * <pre>./mvnw -Pbench test -Dtest=H2CommitDurabilityBenchmark [-Dbench.commits=2000]</pre>
 */
@EnabledIfSystemProperty(named = "stackdesk.bench", matches = "true", disabledReason = "a benchmark: ./mvnw -Pbench test -Dtest=H2CommitDurabilityBenchmark")
class H2CommitDurabilityBenchmark {

    static final int COMMITS = Integer.getInteger("bench.commits", 2000);

    @Test
    void timesCommitsWithAndWithoutWriteDelay() throws Exception {
        var rows = new ArrayList<String>();
        for (var options : List.of("", ";WRITE_DELAY=0")) {
            for (int threads : new int[] {1, 8}) {
                var dir = Path.of("target", "bench-h2-commit");
                var db = SeededDatabase.freshH2(dir, ";DB_CLOSE_ON_EXIT=FALSE" + options);
                // one connection held open, as the app's pool does, so H2 does not close between commits
                try (var keepOpen = db.connect()) {
                    insert(db, 200, "warm"); // JIT and file growth out of the way
                    var millis = Collections.synchronizedList(new ArrayList<Double>());
                    long start = System.nanoTime();
                    insertTimed(db, COMMITS, threads, millis);
                    double seconds = (System.nanoTime() - start) / 1e9;
                    var sorted = millis.stream().sorted().toList();
                    rows.add(String.format(
                            Locale.ROOT,
                            "| %s | %d | %,.0f | %.2f | %.2f | %.1f |",
                            options.isEmpty() ? "default (WRITE_DELAY 500)" : "WRITE_DELAY=0",
                            threads,
                            COMMITS / seconds,
                            sorted.get(sorted.size() / 2),
                            sorted.get((int) Math.ceil(sorted.size() * 0.99) - 1),
                            Files.size(dir.resolve("db.mv.db")) / 1e6));
                }
            }
        }
        var table = String.format(
                Locale.ROOT,
                """
                ## H2 commit cost: one lead per transaction, %,d transactions, %d cores

                | setting | threads | commits/s | p50 (ms) | p99 (ms) | file (MB) |
                |---|---:|---:|---:|---:|---:|
                %s
                """,
                COMMITS,
                Runtime.getRuntime().availableProcessors(),
                String.join("\n", rows));
        System.out.println();
        System.out.println(table);
        Files.writeString(Path.of("target", "bench-h2-commit.md"), table);
    }

    private static void insertTimed(Jdbc db, int commits, int threads, List<Double> millis) throws Exception {
        var next = new AtomicInteger();
        try (var pool = Executors.newFixedThreadPool(threads)) {
            var futures = new ArrayList<Future<?>>();
            for (int t = 0; t < threads; t++) {
                futures.add(pool.submit(() -> {
                    try (var c = db.connect()) {
                        c.setAutoCommit(false);
                        int i;
                        while ((i = next.getAndIncrement()) < commits) {
                            long start = System.nanoTime();
                            insertOne(c, "t" + i);
                            c.commit();
                            millis.add((System.nanoTime() - start) / 1e6);
                        }
                    }
                    return null;
                }));
            }
            for (var f : futures) {
                f.get();
            }
        }
    }

    private static void insert(Jdbc db, int commits, String prefix) throws SQLException {
        try (var c = db.connect()) {
            c.setAutoCommit(false);
            for (int i = 0; i < commits; i++) {
                insertOne(c, prefix + i);
                c.commit();
            }
        }
    }

    private static void insertOne(Connection c, String key) throws SQLException {
        try (var lead = c.prepareStatement(
                "INSERT INTO lead (reference, kind, first_name, last_name, email, company, stack, message, status,"
                        + " created_at, consent_version, consent_at, fingerprint, suspected_spam, version,"
                        + " source_label, search_name, search_last_name, search_email, search_company)"
                        + " VALUES (?, 'CONSULTATION', 'Cora', 'Commit', ?, 'Commit AB', 'GO', ?, 'NEW', ?, 'v1', ?,"
                        + " ?, FALSE, 0, 'direct', 'cora commit', 'commit', ?, 'commit ab')")) {
            var now = OffsetDateTime.now(ZoneOffset.UTC);
            var email = key + "@commit.example";
            lead.setString(1, ("SD-" + key).substring(0, Math.min(12, key.length() + 3)));
            lead.setString(2, email);
            lead.setString(3, "A review of our Go services before the launch, lead " + key);
            lead.setObject(4, now);
            lead.setObject(5, now);
            lead.setString(6, "fp-" + key);
            lead.setString(7, email);
            lead.executeUpdate();
        }
    }
}

package com.stackdesk.base;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An H2 file written with {@code WRITE_DELAY=0} (the app's default URL) is kept compact while it
 * runs: H2's own background writer, which would do it, does not run with that setting.
 */
class H2HousekeepingTests {

    @TempDir
    Path directory;

    @Test
    void chunksLeftMostlyEmptyByUpdatesAreRewrittenWhileTheDatabaseIsOpen() throws SQLException {
        // retention time 0: a chunk may be rewritten and freed at once, not 45 s after it was written
        try (var database = database("jdbc:h2:file:" + directory.resolve("db") + ";WRITE_DELAY=0;RETENTION_TIME=0")) {
            var jdbc = JdbcClient.create(database);
            churn(jdbc);
            int before = chunksFillRate(jdbc);
            var housekeeping = new H2Housekeeping(database);

            int rounds = 0;
            while (rounds < 100 && housekeeping.rewriteEmptiestChunks()) {
                rounds++;
            }
            int after = chunksFillRate(jdbc);

            assertThat(before)
                    .as("updates in many small commits leave chunks mostly empty; nothing compacts them")
                    .isLessThan(30);
            assertThat(rounds).as("rounds until one gained nothing").isBetween(1, 50);
            assertThat(after).as("chunks' fill rate after %d rounds", rounds).isGreaterThanOrEqualTo(70);
            assertThat(housekeeping.rewriteEmptiestChunks())
                    .as("an idle database is not rewritten again")
                    .isFalse();
            assertThat(jdbc.sql("SELECT COUNT(*) FROM item").query(Long.class).single())
                    .isEqualTo(ITEMS);

            update(jdbc, 3_000);
            assertThat(housekeeping.rewriteEmptiestChunks())
                    .as("new writes that empty chunks again")
                    .isTrue();
        }
    }

    @Test
    void leavesTheWorkToH2sOwnWriterWhenCommitsMayWait() throws SQLException {
        try (var database = database("jdbc:h2:file:" + directory.resolve("db") + ";RETENTION_TIME=0")) {
            var jdbc = JdbcClient.create(database);
            churn(jdbc);

            assertThat(new H2Housekeeping(database).rewriteEmptiestChunks()).isFalse();
        }
    }

    @Test
    void doesNothingOnADatabaseThatIsNotAnEmbeddedH2File() throws SQLException {
        try (var memory = database("jdbc:h2:mem:housekeeping;DB_CLOSE_DELAY=0")) {
            assertThat(H2Housekeeping.isH2File(memory)).isFalse();
            assertThat(new H2Housekeeping(memory).rewriteEmptiestChunks()).isFalse();
        }
        for (var url : new String[] {"jdbc:h2:tcp://localhost/db", "jdbc:postgresql://localhost/db"}) {
            try (var pool = new HikariDataSource()) {
                pool.setJdbcUrl(url);
                assertThat(H2Housekeeping.isH2File(pool)).as(url).isFalse();
            }
        }
        try (var pool = new HikariDataSource()) {
            pool.setJdbcUrl("jdbc:h2:./db/data/stackdesk;WRITE_DELAY=0");
            assertThat(H2Housekeeping.isH2File(pool)).isTrue();
        }
    }

    private static final long ITEMS = 20_000;

    /** Many rows, then many small commits each replacing a few of them: every commit stores a chunk. */
    private static void churn(JdbcClient jdbc) {
        jdbc.sql("CREATE TABLE item (id BIGINT PRIMARY KEY, label VARCHAR(200), version INT)")
                .update();
        jdbc.sql("CREATE INDEX ix_item_label ON item (label)").update();
        jdbc.sql("INSERT INTO item SELECT x, REPEAT('x', 100) || x, 0 FROM SYSTEM_RANGE(1, " + ITEMS + ")")
                .update();
        update(jdbc, 3_000);
    }

    private static void update(JdbcClient jdbc, int commits) {
        var random = new Random(commits);
        for (int i = 0; i < commits; i++) {
            jdbc.sql("UPDATE item SET label = REPEAT('y', 100) || :n, version = version + 1 WHERE id = :id")
                    .param("n", random.nextInt())
                    .param("id", 1 + random.nextInt((int) ITEMS))
                    .update();
        }
    }

    private static int chunksFillRate(JdbcClient jdbc) {
        return Integer.parseInt(jdbc.sql(
                        "SELECT setting_value FROM information_schema.settings WHERE setting_name = 'info.CHUNKS_FILL_RATE'")
                .query(String.class)
                .single());
    }

    private static HikariDataSource database(String url) {
        var pool = new HikariDataSource();
        pool.setJdbcUrl(url);
        pool.setUsername("sa");
        pool.setMaximumPoolSize(2);
        return pool;
    }
}

package com.stackdesk.lead;

import static org.assertj.core.api.Assertions.assertThat;

import com.stackdesk.MigratedDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * H2's {@code open_lead_count} trigger when two transactions give the same owner that owner's very
 * first open leads at the same moment: the second finds no row to update, waits on the first's new
 * row, and then must count its lead on that row instead of failing. (PostgreSQL's trigger inserts
 * with {@code ON CONFLICT}.)
 */
class OpenLeadCountRaceTests {

    private final ExecutorService second = Executors.newSingleThreadExecutor();

    @AfterEach
    void stop() {
        second.shutdownNow();
    }

    @Test
    void twoTransactionsGivingAnOwnerItsFirstOpenLeadsAtOnceAreBothCounted() throws Exception {
        var database = MigratedDatabase.h2("open-lead-count-race");
        var jdbc = new JdbcTemplate(database);
        for (var reference : new String[] {"SD-1", "SD-2"}) {
            var created = DeadlineQueriesReadTheirIndexesTests.ts(DeadlineQueriesReadTheirIndexesTests.NOW);
            jdbc.update(
                    DeadlineQueriesReadTheirIndexesTests.INSERT, reference, "NEW", created, created, null, null, 9L);
        }

        try (var one = transaction(database);
                var other = transaction(database)) {
            open(one, "SD-1"); // owner 9's count row, not yet committed
            var blocked = second.submit(() -> {
                open(other, "SD-2"); // finds no committed row, and waits on the first's
                other.commit();
                return null;
            });
            waitUntilASessionIsBlocked(jdbc);
            one.commit();
            blocked.get(10, TimeUnit.SECONDS);
        }

        assertThat(jdbc.queryForObject("SELECT open_leads FROM open_lead_count WHERE assignee_id = 9", Integer.class))
                .isEqualTo(2);
    }

    private static Connection transaction(DataSource database) throws SQLException {
        var connection = database.getConnection();
        connection.setAutoCommit(false);
        return connection;
    }

    private static void open(Connection connection, String reference) throws SQLException {
        try (var update = connection.prepareStatement("UPDATE lead SET open_assignee_id = 9 WHERE reference = ?")) {
            update.setString(1, reference);
            assertThat(update.executeUpdate()).isOne();
        }
    }

    private static void waitUntilASessionIsBlocked(JdbcTemplate jdbc) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (jdbc.queryForObject(
                        "SELECT COUNT(*) FROM information_schema.sessions WHERE blocker_id IS NOT NULL", Integer.class)
                == 0) {
            assertThat(System.nanoTime() - until)
                    .as("a session waiting on the first")
                    .isNegative();
            Thread.sleep(10);
        }
    }
}

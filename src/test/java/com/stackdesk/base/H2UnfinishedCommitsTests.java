package com.stackdesk.base;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.tx.Transaction;
import org.h2.mvstore.tx.TransactionStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An H2 file as a stop at H2's commit point leaves it: the transaction that changed lead SD-1's
 * owner from Ana to Ben has its undo log marked committed, the file is stored, and the process
 * ends (a copy of the file taken then is what it leaves) before the row is turned committed.
 */
class H2UnfinishedCommitsTests {

    @TempDir
    Path directory;

    @Test
    void h2ItselfLeavesTheRowOfAHalfWrittenCommitAsItWasBefore() throws Exception {
        var url = halfCommittedFile();

        try (var connection = DriverManager.getConnection(url, "sa", "")) {
            // H2 2.5.252; when a later H2 finishes such commits itself, this fails and
            // H2UnfinishedCommits can go (a statement changing the row would spin for ever here)
            assertThat(owner(connection)).isEqualTo("Ana");
            assertThat(committedButRegistered(connection)).hasSize(1);
        }
    }

    @Test
    void theAppFinishesTheCommitWhenItCreatesItsPool() throws Exception {
        var url = halfCommittedFile();

        try (var context = new AnnotationConfigApplicationContext()) {
            context.register(H2UnfinishedCommits.class);
            context.registerBean(DataSource.class, () -> pool(url));
            context.refresh();
            var pool = (HikariDataSource) context.getBean(DataSource.class);
            var jdbc = JdbcClient.create(pool);

            assertThat(jdbc.sql("SELECT owner FROM lead WHERE reference = 'SD-1'")
                            .query(String.class)
                            .single())
                    .as("the committed change")
                    .isEqualTo("Ben");
            assertThat(jdbc.sql("UPDATE lead SET owner = 'Cy' WHERE reference = 'SD-1'")
                            .update())
                    .as("the row takes a change")
                    .isEqualTo(1);
            pool.close();
        }
        try (var connection = DriverManager.getConnection(url, "sa", "")) {
            assertThat(owner(connection)).as("after another stop and start").isEqualTo("Cy");
            assertThat(committedButRegistered(connection)).isEmpty();
        }
    }

    @Test
    void aDatabaseWithNothingLeftOverIsLeftAlone() throws Exception {
        try (var pool = pool("jdbc:h2:file:" + directory.resolve("clean/db") + ";DB_CLOSE_ON_EXIT=FALSE")) {
            JdbcClient.create(pool)
                    .sql("CREATE TABLE lead (reference VARCHAR(20))")
                    .update();

            assertThat(H2UnfinishedCommits.finish(pool)).isZero();
        }
    }

    /** Builds the file; returns the URL of the copy a stop at the commit point leaves. */
    private String halfCommittedFile() throws Exception {
        var running = "jdbc:h2:file:" + directory.resolve("running/db") + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=60000";
        try (var setup = DriverManager.getConnection(running, "sa", "")) {
            setup.createStatement().execute("CREATE TABLE lead (reference VARCHAR(20) PRIMARY KEY, owner VARCHAR(20))");
            setup.createStatement().execute("INSERT INTO lead VALUES ('SD-1', 'Ana')");
            var committing = DriverManager.getConnection(running, "sa", "");
            committing.setAutoCommit(false);
            committing.createStatement().executeUpdate("UPDATE lead SET owner = 'Ben' WHERE reference = 'SD-1'");
            var session = (SessionLocal) committing.unwrap(JdbcConnection.class).getSession();
            var store = session.getDatabase().getStore();
            // the first step of TransactionStore.commit: past it the transaction counts as committed
            var mark = TransactionStore.class.getDeclaredMethod("markUndoLogAsCommitted", int.class, long.class);
            mark.setAccessible(true);
            mark.invoke(store.getTransactionStore(), session.getTransaction().getId(), 1L);
            store.getMvStore().commit();
            Files.createDirectories(directory.resolve("stopped"));
            Files.copy(directory.resolve("running/db.mv.db"), directory.resolve("stopped/db.mv.db"));
            try {
                committing.close();
            } catch (SQLException | RuntimeException ignored) {
                // the running database is thrown away; only the copy counts
            }
        }
        return "jdbc:h2:file:" + directory.resolve("stopped/db") + ";DB_CLOSE_ON_EXIT=FALSE";
    }

    private static HikariDataSource pool(String url) {
        var pool = new HikariDataSource();
        pool.setJdbcUrl(url);
        pool.setUsername("sa");
        pool.setMaximumPoolSize(2);
        return pool;
    }

    private static String owner(Connection connection) throws SQLException {
        try (var rows = connection.createStatement().executeQuery("SELECT owner FROM lead WHERE reference = 'SD-1'")) {
            rows.next();
            return rows.getString(1);
        }
    }

    private static List<Transaction> committedButRegistered(Connection connection) throws SQLException {
        var session = (SessionLocal) connection.unwrap(JdbcConnection.class).getSession();
        return session.getDatabase().getStore().getTransactionStore().getOpenTransactions().stream()
                .filter(t -> t.getStatus() == Transaction.STATUS_COMMITTED)
                .toList();
    }
}

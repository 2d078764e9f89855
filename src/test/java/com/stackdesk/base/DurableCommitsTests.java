package com.stackdesk.base;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What a killed process leaves: a copy of the H2 file taken while the database is open holds
 * exactly what H2 has written to it, which is what a {@code kill -9} would leave behind. H2's
 * writer waits a minute here, so only {@link DurableCommits} can have written a commit so soon.
 */
class DurableCommitsTests {

    @TempDir
    Path directory;

    private HikariDataSource database;
    private TransactionTemplate transactions;
    private JdbcClient jdbc;

    private void open(String options) {
        database = new HikariDataSource();
        database.setJdbcUrl("jdbc:h2:file:" + directory.resolve("db") + ";DB_CLOSE_ON_EXIT=FALSE" + options);
        database.setUsername("sa");
        database.setMaximumPoolSize(2);
        var manager = new DataSourceTransactionManager(database);
        manager.addListener(new DurableCommits(database, true));
        transactions = new TransactionTemplate(manager);
        jdbc = JdbcClient.create(database);
        jdbc.sql("CREATE TABLE lead (reference VARCHAR(20) PRIMARY KEY)").update();
        jdbc.sql("CHECKPOINT").update(); // the empty table is in the file
    }

    @AfterEach
    void close() {
        if (database != null) {
            database.close();
        }
    }

    @Test
    void aCommittedTransactionIsInTheFileWhenItsCommitReturns() throws IOException {
        open(";WRITE_DELAY=60000");

        transactions.executeWithoutResult(s -> insert("SD-1"));

        assertThat(referencesAfterAKill()).containsExactly("SD-1");
    }

    @Test
    void redoableWorkWaitsForH2sWriter() throws IOException {
        open(";WRITE_DELAY=60000");
        transactions.executeWithoutResult(s -> insert("SD-1"));

        DurableCommits.redoable(() -> transactions.execute(s -> insert("SD-2")));

        assertThat(referencesAfterAKill())
                .as("a redoable commit is still only in memory")
                .containsExactly("SD-1");

        transactions.executeWithoutResult(s -> insert("SD-3"));
        assertThat(referencesAfterAKill())
                .as("the next acknowledged commit's store carries it along")
                .containsExactly("SD-1", "SD-2", "SD-3");
    }

    @Test
    void aReadOnlyTransactionStoresNothing() throws IOException {
        open(";WRITE_DELAY=60000");
        transactions.executeWithoutResult(s -> insert("SD-1"));
        DurableCommits.redoable(() -> transactions.execute(s -> insert("SD-2")));

        var reading = new TransactionTemplate(transactions.getTransactionManager());
        reading.setReadOnly(true);
        reading.executeWithoutResult(
                s -> jdbc.sql("SELECT COUNT(*) FROM lead").query(Long.class).single());

        assertThat(referencesAfterAKill()).containsExactly("SD-1");
    }

    @Test
    void withWriteDelayZeroH2StoresEveryCommitItself() throws IOException {
        open(";WRITE_DELAY=0");

        DurableCommits.redoable(() -> transactions.execute(s -> insert("SD-1")));

        assertThat(referencesAfterAKill()).containsExactly("SD-1");
    }

    private int insert(String reference) {
        return jdbc.sql("INSERT INTO lead (reference) VALUES (?)")
                .param(reference)
                .update();
    }

    /** Copies the file as it is on disk now and reads the copy, as a restart after a kill would. */
    private java.util.List<String> referencesAfterAKill() throws IOException {
        var copy = Files.createTempDirectory(directory, "after-kill");
        Files.copy(directory.resolve("db.mv.db"), copy.resolve("db.mv.db"));
        try (var restarted = new HikariDataSource()) {
            restarted.setJdbcUrl("jdbc:h2:file:" + copy.resolve("db"));
            restarted.setUsername("sa");
            return JdbcClient.create(restarted)
                    .sql("SELECT reference FROM lead ORDER BY reference")
                    .query(String.class)
                    .list();
        }
    }
}

package com.stackdesk.base;

import java.sql.SQLException;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.h2.mvstore.MVStore;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.datasource.ConnectionHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionExecution;
import org.springframework.transaction.TransactionExecutionListener;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * On an H2 file database, writes every commit that someone is answered for into the file before
 * the answer goes out, and lets H2's own writer store the rest.
 *
 * <p>H2 keeps commits in memory until its background writer stores them, up to its {@code
 * WRITE_DELAY} (500 ms) later, so a killed process loses them: 51 of 204 leads answered 201 in
 * the crash test without this listener ({@code -Dcrash.durable-commits=false}). {@code WRITE_DELAY=0} stores on every commit instead, and under a burst
 * of submissions that is most of the database's work: routing, the search index and the outbox each
 * commit after every batch of leads, and each store wrote its own copy of the pages the others had
 * just written.
 *
 * <p>So the app's URL keeps H2's write delay, and this listener (Spring Boot hands it to the
 * transaction manager) stores the file right after each commit of a read-write transaction, before
 * the code that committed goes on: a visitor's lead, a rep's note, a staff change, an email marked
 * sent. Only work run through {@link #redoable} is left to H2's writer: work the app does again by
 * itself when a crash loses it. Work run through {@link #storedByTheCaller} is stored by its caller,
 * with {@link #storeCommitted()}, before anyone is answered. One store carries every commit made before it, so concurrent
 * commits share stores. With {@code WRITE_DELAY=0} in the URL H2 stores every commit itself and
 * this does nothing; on other databases too. Writes outside a Spring transaction (auto-commit
 * statements) reach the file with H2's writer.
 */
@Component
public final class DurableCommits implements TransactionExecutionListener {

    /** Set while the work on this thread commits without a store of its own after each commit. */
    private static final ThreadLocal<Boolean> NOT_STORED_AT_COMMIT = new ThreadLocal<>();

    private final DataSource dataSource;
    private final boolean enabled;
    private volatile @Nullable MVStore store;

    /** @param enabled false only to show what H2's write delay loses ({@code CrashMidBurstTests}) */
    DurableCommits(DataSource dataSource, @Value("${stackdesk.h2.durable-commits:true}") boolean enabled) {
        this.dataSource = dataSource;
        this.enabled = enabled && H2Housekeeping.isH2File(dataSource);
    }

    /**
     * Runs work whose commits may wait for H2's writer: work that the app does again by itself if a
     * crash loses it (a sweep finds what is left undone), so nobody was told it was done.
     */
    public static <T> T redoable(Supplier<T> work) {
        return withoutStoreAtCommit(work);
    }

    /**
     * Runs work whose commits the caller stores itself, with {@link #storeCommitted()}, before it
     * tells anyone they are done: a writer that lets the next writer begin first, so the next one's
     * inserts run while this one's commits are written to the file (see {@code StoreBatches}).
     */
    public static <T> T storedByTheCaller(Supplier<T> work) {
        return withoutStoreAtCommit(work);
    }

    private static <T> T withoutStoreAtCommit(Supplier<T> work) {
        if (NOT_STORED_AT_COMMIT.get() != null) {
            return work.get();
        }
        NOT_STORED_AT_COMMIT.set(Boolean.TRUE);
        try {
            return work.get();
        } finally {
            NOT_STORED_AT_COMMIT.remove();
        }
    }

    @Override
    public void afterCommit(TransactionExecution transaction, @Nullable Throwable commitFailure) {
        if (commitFailure != null || transaction.isReadOnly() || NOT_STORED_AT_COMMIT.get() != null) {
            return;
        }
        storeCommitted();
    }

    /**
     * Writes every commit made so far into the file, if H2's writer has not yet: after it returns,
     * a killed process keeps them. Does nothing where commits are stored by themselves (other
     * databases, {@code WRITE_DELAY=0}).
     */
    public void storeCommitted() {
        if (!enabled) {
            return;
        }
        var current = store();
        if (current != null && current.getAutoCommitDelay() > 0) {
            // waits for a store in progress; skips its own if one that began after this commit ran meanwhile
            current.commit();
        }
    }

    private @Nullable MVStore store() {
        var known = store;
        if (known == null || known.isClosed()) {
            try {
                store = known = openStore();
            } catch (SQLException e) {
                throw new IllegalStateException("Could not reach the H2 store to write a commit to its file", e);
            }
        }
        return known;
    }

    /** Through the transaction's own connection, still bound here: asking the pool for another could wait for one. */
    private @Nullable MVStore openStore() throws SQLException {
        if (TransactionSynchronizationManager.getResource(dataSource) instanceof ConnectionHolder holder) {
            return H2Housekeeping.storeOf(holder.getConnection());
        }
        try (var connection = dataSource.getConnection()) {
            return H2Housekeeping.storeOf(connection);
        }
    }
}

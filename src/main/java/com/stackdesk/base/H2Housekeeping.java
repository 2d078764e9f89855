package com.stackdesk.base;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.db.Store;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps an H2 file database compact while the app runs, as H2's own background writer would.
 *
 * <p>A URL with {@code WRITE_DELAY=0} (the app's default before {@link DurableCommits}, and still an
 * operator's choice) has every commit stored in the file before it returns. It has a cost H2 does
 * not document: with a write delay of 0, H2 runs no background writer, and that writer is also what
 * rewrites chunks whose pages have mostly been replaced. Without it the file only grows: the intake benchmark's
 * file reached 33 GB, its chunks 21 % full, and {@code SHUTDOWN COMPACT} took it to 2.7 GB.
 *
 * <p>So this does that part of the writer's work: every {@code stackdesk.h2.housekeeping-interval}
 * (default 1 s) it rewrites the emptiest chunks, as many of their live pages as H2's writer
 * rewrites in one round while busy (a quarter of its auto-commit buffer, some 5 MB), while the
 * chunks as a whole are under {@link #TARGET_FILL_RATE} full, and stores the result. Space of
 * chunks left empty is reused by the next writes (after H2's retention time, 45 s by default), so
 * the file stops growing; it shrinks only when H2 closes it ({@code SHUTDOWN COMPACT}). With a write delay above 0, or on any other
 * database, it does nothing: H2's writer or the database's own vacuum does the work.
 */
@Component
class H2Housekeeping {

    /** H2's background writer aims at 81 % while the database is busy (90 % squared). */
    static final int TARGET_FILL_RATE = 80;

    /** Points of fill rate that new writes must lose before a round that gained nothing is tried again. */
    static final int SLACK = 5;

    /** No round: the fill rates below hold this until rounds have rewritten chunks. */
    private static final int NONE = -1;

    private static final Logger log = LoggerFactory.getLogger(H2Housekeeping.class);

    private final DataSource dataSource;
    private final boolean h2File;
    private volatile boolean failedBefore;
    /** The fill rate at which a round last gained nothing; no round runs until it falls by {@link #SLACK}. */
    private volatile int pausedAt = Integer.MAX_VALUE;
    /** The fill rates before the last two rounds that rewrote chunks. */
    private volatile int lastRound = NONE;

    private volatile int twoRoundsAgo = NONE;

    H2Housekeeping(DataSource dataSource) {
        this.dataSource = dataSource;
        this.h2File = isH2File(dataSource);
    }

    /** An embedded H2 database kept in a file (not {@code mem:}, not a server over TCP). */
    static boolean isH2File(DataSource dataSource) {
        if (!(dataSource instanceof HikariDataSource pool) || pool.getJdbcUrl() == null) {
            return false;
        }
        return isEmbeddedH2(pool.getJdbcUrl()) && !pool.getJdbcUrl().startsWith("jdbc:h2:mem:");
    }

    /** An H2 database in this JVM (in a file or in memory), not a server over TCP. */
    static boolean isEmbeddedH2(@Nullable String url) {
        return url != null
                && url.startsWith("jdbc:h2:")
                && !url.startsWith("jdbc:h2:tcp:")
                && !url.startsWith("jdbc:h2:ssl:");
    }

    @Scheduled(fixedDelayString = "${stackdesk.h2.housekeeping-interval:1s}", initialDelayString = "10s")
    void keepCompact() {
        if (!h2File) {
            return;
        }
        try {
            rewriteEmptiestChunks();
            failedBefore = false;
        } catch (SQLException | RuntimeException e) {
            // the next round tries again; one warning per run of failures, not one a second
            if (!failedBefore) {
                log.warn("H2 housekeeping failed; the database file may grow until it works again", e);
            }
            failedBefore = true;
        }
    }

    /**
     * One round: while the chunks as a whole are under the target fill rate, rewrites up to the write
     * limit of the emptiest chunks and stores them. A round that gains nothing (the newest chunks
     * cannot be rewritten, and on a small file they are much of it) pauses the rounds until new
     * writes have left another {@link #SLACK} points of the chunks empty: an idle database is not
     * rewritten over and over.
     *
     * @return whether a chunk was rewritten
     */
    boolean rewriteEmptiestChunks() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            var store = storeOf(connection);
            if (store == null || store.getAutoCommitDelay() > 0 || store.getFileStore() == null) {
                return false; // H2's own writer is running, or nothing is kept in a file
            }
            int before = store.getFileStore().getChunksFillRate();
            if (before >= TARGET_FILL_RATE || before >= pausedAt - SLACK) {
                return false;
            }
            if (twoRoundsAgo != NONE && before <= twoRoundsAgo) {
                // the chunks are no fuller for two rounds of rewriting (a rewrite's old chunks are
                // counted as free one round after it)
                pause(before);
                return false;
            }
            // as much as H2's writer rewrites in one round while the database is busy
            if (!store.compact(TARGET_FILL_RATE, store.getAutoCommitMemory() / 4)) {
                pause(before);
                return false;
            }
            // the rewritten pages are only in memory until a store; do not wait for the next commit
            store.commit();
            pausedAt = Integer.MAX_VALUE;
            twoRoundsAgo = lastRound;
            lastRound = before;
            return true;
        }
    }

    private void pause(int fillRate) {
        pausedAt = fillRate;
        lastRound = NONE;
        twoRoundsAgo = NONE;
    }

    /** The store of an embedded H2 database that keeps its data in a file, or null. */
    static @Nullable MVStore storeOf(Connection connection) throws SQLException {
        var store = fileStoreOf(connection);
        return store == null ? null : store.getMvStore();
    }

    /** H2's store (tables and transactions) of an embedded database kept in a file, or null. */
    static @Nullable Store fileStoreOf(Connection connection) throws SQLException {
        if (!connection.isWrapperFor(JdbcConnection.class)
                || !(connection.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal session)) {
            return null;
        }
        var database = session.getDatabase();
        return database.isPersistent() ? database.getStore() : null;
    }
}

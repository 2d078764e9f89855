package com.stackdesk.base;

import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.sql.SQLException;
import java.util.BitSet;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.h2.mvstore.tx.Transaction;
import org.h2.mvstore.tx.TransactionStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * Finishes, as the app opens an H2 file database, the commits that the last stop left half
 * written in the file. Without this, the rows such a commit changed read as they were before it,
 * and any statement that changes one of them spins at full CPU for ever.
 *
 * <p>H2 commits a transaction by marking its undo log committed (the commit point) and then
 * turning each of its changed rows into a committed value. If the file is stored between the two
 * (by H2's writer or {@link DurableCommits}) and the process ends before the next store, a kill or
 * a stop under load, the file holds a committed undo log and rows still marked as that
 * transaction's. On the next open H2 registers the transaction as committed and asks it to
 * commit, which H2 2.5.252 skips for a transaction already committed ({@code Transaction.commit}
 * acts only on an active one). So the transaction stays registered, its rows keep their old value
 * for readers, and a writer waits for it to end, is told at once it has, finds the row still its,
 * and waits again. Seen on the intake benchmark's file after a stop under load: 44,091 leads left
 * unrouted (every routing batch timed out on one lead's turn) and the deadline sweep at 100 % of a
 * core for the rest of the run.
 *
 * <p>So when the pool is created this does what H2 meant to: walks each such transaction's undo
 * log to commit its rows ({@code TransactionStore.commit(transaction, recovery)}), ends it, and
 * stores the file. Only transactions H2 registered at open (no session owns them), which no
 * commit is running for. {@code H2UnfinishedCommitsTests} builds such a file and checks both
 * H2's behaviour without this and the repair.
 */
@Component
class H2UnfinishedCommits implements BeanPostProcessor {

    private static final Logger log = LoggerFactory.getLogger(H2UnfinishedCommits.class);

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof DataSource dataSource && H2Housekeeping.isH2File(dataSource)) {
            try {
                finish(dataSource);
            } catch (SQLException | ReflectiveOperationException | RuntimeException e) {
                log.error(
                        "Could not finish the commits the last stop left half written in the H2 file; rows they"
                                + " changed may read as before them and block changes",
                        e);
            }
        }
        return bean;
    }

    /** Finishes the half-written commits of the database; returns how many there were. */
    static int finish(DataSource dataSource) throws SQLException, ReflectiveOperationException {
        try (var connection = dataSource.getConnection()) {
            var store = H2Housekeeping.fileStoreOf(connection);
            if (store == null) {
                return 0;
            }
            var transactions = store.getTransactionStore();
            Internals h2 = null;
            int finished = 0;
            for (var transaction : transactions.getOpenTransactions()) {
                if (transaction.getStatus() != Transaction.STATUS_COMMITTED) {
                    continue; // H2 rolled back the ones left open, or will when asked (prepared)
                }
                if (h2 == null) {
                    h2 = Internals.of();
                }
                if (!h2.leftHalfCommitted(transactions, transaction)) {
                    continue;
                }
                invoke(h2.commit(), transactions, transaction, true); // true: recovery, the undo log is marked already
                invoke(h2.end(), transactions, transaction, true);
                finished++;
            }
            if (finished > 0) {
                store.getMvStore().commit();
                log.warn("Finished {} commit(s) that the last stop left half written in the H2 file", finished);
            }
            return finished;
        }
    }

    private static void invoke(Method method, Object target, Object... arguments) throws ReflectiveOperationException {
        try {
            method.invoke(target, arguments);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw e;
        }
    }

    /** H2's package-private methods and fields this needs, looked up once per start (they are not API). */
    private record Internals(Method commit, Method end, Field owner, Field committing, Field committingBits) {

        static Internals of() throws ReflectiveOperationException {
            var internals = new Internals(
                    TransactionStore.class.getDeclaredMethod("commit", Transaction.class, boolean.class),
                    TransactionStore.class.getDeclaredMethod("endTransaction", Transaction.class, boolean.class),
                    Transaction.class.getDeclaredField("ownerId"),
                    TransactionStore.class.getDeclaredField("committingTransactions"),
                    Class.forName("org.h2.mvstore.tx.VersionedBitSet").getDeclaredField("bits"));
            internals.commit.setAccessible(true);
            internals.end.setAccessible(true);
            internals.owner.setAccessible(true);
            internals.committing.setAccessible(true);
            internals.committingBits.setAccessible(true);
            return internals;
        }

        /** Committed, registered by H2 when it opened the file (no session owns it), and no commit under way. */
        boolean leftHalfCommitted(TransactionStore transactions, Transaction transaction)
                throws IllegalAccessException {
            return transaction.getStatus() == Transaction.STATUS_COMMITTED
                    && owner.getInt(transaction) == 0
                    && !BitSet.valueOf((long[])
                                    committingBits.get(((AtomicReference<?>) committing.get(transactions)).get()))
                            .get(transaction.getId());
        }
    }
}

package com.stackdesk.intake;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Stores concurrent submissions together: each waits its turn (in arrival order) for one of a few
 * writers, and the writer whose turn it is stores everything waiting then, up to {@code maxBatch},
 * in one transaction. Under a burst a commit, the part of a submission that cannot run side by side
 * with others, then serves many submissions instead of one, and no visitor waits much longer than
 * the others; a lone submission is stored at once, on its own.
 *
 * <p>Nobody is answered before the transaction holding their submission has committed and {@link
 * Store#madeDurable()} has returned; the next writer begins before that call, so one batch's commit
 * is written out while the next batch is stored. When a
 * batch fails (say, a concurrent instance created a row one of its submissions needed), each of its
 * submissions is stored again on its own, so one submission's trouble is never another's. A
 * submission that waited {@link #PATIENCE} for a writer stores itself without one (the connection
 * pool's own timeout then applies): this queue orders, it never refuses.
 *
 * @param <T> what is stored
 * @param <R> what storing one answers
 */
final class StoreBatches<T, R> {

    static final long PATIENCE = TimeUnit.SECONDS.toMillis(10);

    /** How the items are stored: several in one transaction, or one on its own. */
    interface Store<T, R> {

        /**
         * One result for each item, in their order, all committed together; {@link #madeDurable()}
         * follows before anyone is answered.
         */
        List<R> storeAll(List<T> items);

        /**
         * Called after {@link #storeAll} once the next writer may begin, before the batch's callers
         * are answered: the place to wait until its commit is safe from a crash, while the next
         * batch is already being stored. Its failure is each caller's failure.
         */
        default void madeDurable() {}

        R storeOne(T item);
    }

    private final Semaphore writers;
    private final int maxBatch;
    private final Store<T, R> store;
    private final ConcurrentLinkedQueue<Pending<T, R>> waiting = new ConcurrentLinkedQueue<>();

    StoreBatches(int writers, int maxBatch, Store<T, R> store) {
        if (writers < 1) {
            throw new IllegalArgumentException("stackdesk.intake.concurrent-stores must be at least 1, was " + writers);
        }
        if (maxBatch < 1) {
            throw new IllegalArgumentException("stackdesk.intake.store-batch must be at least 1, was " + maxBatch);
        }
        this.maxBatch = maxBatch;
        this.writers = new Semaphore(writers, true);
        this.store = store;
    }

    /** Stores the item, with others waiting at the same time, and answers once it is committed. */
    R store(T item) {
        var mine = new Pending<T, R>(item);
        waiting.add(mine);
        while (!mine.taken.get()) {
            boolean writer = turn();
            Runnable answer = () -> {};
            try {
                if (!mine.taken.get()) {
                    answer = write(takeWaiting());
                }
            } finally {
                if (writer) {
                    writers.release();
                }
            }
            answer.run();
        }
        try {
            return mine.result.join(); // written by this thread, or being written by another writer
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    /** Writers nobody holds right now. */
    int freeWriters() {
        return writers.availablePermits();
    }

    /** Items waiting for a writer. */
    int waiting() {
        return waiting.size();
    }

    private boolean turn() {
        try {
            return writers.tryAcquire(PATIENCE, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private List<Pending<T, R>> takeWaiting() {
        var batch = new ArrayList<Pending<T, R>>();
        Pending<T, R> next;
        while (batch.size() < maxBatch && (next = waiting.poll()) != null) {
            next.taken.set(true);
            batch.add(next);
        }
        return batch;
    }

    /** Stores the batch; answers its callers at once, or returns what answers them once its writer has let go. */
    private Runnable write(List<Pending<T, R>> batch) {
        if (batch.size() > 1) {
            try {
                var results = store.storeAll(batch.stream().map(Pending::item).toList());
                return () -> answerOnceDurable(batch, results);
            } catch (RuntimeException batchFailed) {
                // each again on its own, below: nothing of the batch was committed, or, if what
                // failed came after the commit, its fingerprints make each a recognized repeat
            } catch (Error e) {
                batch.forEach(pending -> pending.result.completeExceptionally(e));
                throw e;
            }
        }
        for (var pending : batch) {
            try {
                pending.result.complete(store.storeOne(pending.item()));
            } catch (RuntimeException | Error e) {
                pending.result.completeExceptionally(e);
            }
        }
        return () -> {};
    }

    private void answerOnceDurable(List<Pending<T, R>> batch, List<R> results) {
        try {
            store.madeDurable();
        } catch (RuntimeException | Error e) {
            batch.forEach(pending -> pending.result.completeExceptionally(e));
            if (e instanceof Error error) {
                throw error;
            }
            return;
        }
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).result.complete(results.get(i));
        }
    }

    private record Pending<T, R>(T item, AtomicBoolean taken, CompletableFuture<R> result) {
        Pending(T item) {
            this(item, new AtomicBoolean(), new CompletableFuture<>());
        }
    }
}

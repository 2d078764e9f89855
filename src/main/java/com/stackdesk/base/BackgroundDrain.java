package com.stackdesk.base;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntSupplier;
import org.slf4j.Logger;

/**
 * A queue in the database worked off by one worker at a time: {@link #request()} starts the worker
 * on the executor unless it is running, and a request while it runs makes it go round once more, so
 * nothing requested is missed and no two workers of one instance compete. The worker takes batches
 * (each paced by {@link VisitorsFirst}) until one comes back smaller than a full one. A failure is
 * logged, not thrown: the owner's sweep requests again later. As the sweep also finds what a crash
 * lost, the batches' commits are {@link DurableCommits#redoable}. At shutdown the owner calls {@link
 * #stop}: the batch in progress commits, no other starts, and what is left waits for the next
 * start's sweep.
 */
public final class BackgroundDrain {

    /** How long a shutdown waits for the batch in progress. */
    private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(10);

    private final Executor executor;
    private final VisitorsFirst.Pace pace;
    private final IntSupplier batch;
    private final int fullBatch;
    private final Logger log;
    private final String failure;
    private final AtomicBoolean wanted = new AtomicBoolean();
    private final AtomicBoolean working = new AtomicBoolean();
    private final Object idle = new Object();
    private volatile boolean stopped;

    /**
     * @param batch works off one batch, answering how many items it took
     * @param fullBatch what a batch takes at most: a full one means more may be waiting
     * @param failure what is logged, with the exception, when a batch fails
     */
    public BackgroundDrain(
            Executor executor,
            VisitorsFirst visitorsFirst,
            IntSupplier batch,
            int fullBatch,
            Logger log,
            String failure) {
        this.executor = executor;
        this.pace = visitorsFirst.pace();
        this.batch = batch;
        this.fullBatch = fullBatch;
        this.log = log;
        this.failure = failure;
    }

    /** Has the queue worked off, now or right after the run in progress. */
    public void request() {
        wanted.set(true);
        start();
    }

    /**
     * Starts no batch from now on and waits, at most 10 s, for the one in progress to end; for the
     * owner's shutdown, before the database closes.
     */
    public void stop() {
        stop(SHUTDOWN_WAIT);
    }

    void stop(Duration wait) {
        stopped = true;
        long deadline = System.nanoTime() + wait.toNanos();
        synchronized (idle) {
            while (working.get()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    log.warn("Still working off a batch after {} of shutdown; the next start's sweep redoes it", wait);
                    return;
                }
                try {
                    idle.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private void start() {
        if (stopped || !working.compareAndSet(false, true)) {
            return;
        }
        try {
            executor.execute(this::drain);
        } catch (RejectedExecutionException shuttingDown) {
            finished();
            log.info("Not started, the app is shutting down; the next start's sweep takes up what is waiting");
        }
    }

    private void drain() {
        try {
            while (!stopped && wanted.getAndSet(false)) {
                int taken;
                do {
                    taken = DurableCommits.redoable(() -> pace.next(batch::getAsInt));
                } while (taken == fullBatch && !stopped);
            }
        } catch (RuntimeException e) {
            log.warn("{}; the next sweep retries: {}", failure, e.toString());
        } finally {
            finished();
        }
        if (wanted.get()) {
            start();
        }
    }

    private void finished() {
        synchronized (idle) {
            working.set(false);
            idle.notifyAll();
        }
    }
}

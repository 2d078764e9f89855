package com.stackdesk.base;

import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntSupplier;
import org.slf4j.Logger;

/**
 * A queue in the database worked off by one worker at a time: {@link #request()} starts the worker
 * on the executor unless it is running, and a request while it runs makes it go round once more, so
 * nothing requested is missed and no two workers of one instance compete. The worker takes batches
 * (each paced by {@link VisitorsFirst}) until one comes back smaller than a full one. A failure is
 * logged, not thrown: the owner's sweep requests again later. As the sweep also finds what a crash
 * lost, the batches' commits are {@link DurableCommits#redoable}.
 */
public final class BackgroundDrain {

    private final Executor executor;
    private final VisitorsFirst.Pace pace;
    private final IntSupplier batch;
    private final int fullBatch;
    private final Logger log;
    private final String failure;
    private final AtomicBoolean wanted = new AtomicBoolean();
    private final AtomicBoolean working = new AtomicBoolean();

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
        if (working.compareAndSet(false, true)) {
            executor.execute(this::drain);
        }
    }

    private void drain() {
        try {
            while (wanted.getAndSet(false)) {
                int taken;
                do {
                    taken = DurableCommits.redoable(() -> pace.next(batch::getAsInt));
                } while (taken == fullBatch);
            }
        } catch (RuntimeException e) {
            log.warn("{}; the next sweep retries: {}", failure, e.toString());
        } finally {
            working.set(false);
        }
        if (wanted.get() && working.compareAndSet(false, true)) {
            executor.execute(this::drain);
        }
    }
}

package com.stackdesk.base;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Visitors first: while visitors' submissions are coming in, the work that follows them (routing,
 * the outbox, the search index) takes a smaller share of the processor, so that the answer a
 * visitor waits for is not slowed by the emails of the visitors before. Each submission is {@link
 * #serve served} through here; each background worker paces its batches with a {@link Pace}. When no
 * submission is in flight the workers run flat out. In the first {@code
 * stackdesk.intake.background-hold} of a burst (30 s by default) no batch starts at all: a short
 * burst gets both cores, and its routing, emails and search terms follow once it has passed (after
 * a quiet moment of 50 ms the next burst holds them again). A burst that goes on longer does not starve them:
 * the workers share one pace then: after any worker's batch, the next batch of any worker waits
 * {@code stackdesk.intake.background-share} ({@value #SHARE} by default) times as long as that batch
 * took (each wait at most {@code stackdesk.intake.background-pause}, 2 s by default), so all of them
 * together keep going at a fraction of a core and catch up once the burst has passed. (Each worker
 * pacing only itself let three workers take three such shares.) Nothing is skipped or dropped: it
 * is only later.
 */
@Component
public class VisitorsFirst {

    /** By default, how many times a batch's own duration a worker waits while visitors are busy. */
    static final int SHARE = 4;

    /** A submission that ended this recently still counts as busy: the next is usually close behind. */
    private static final long QUIET_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    private static final long STEP_MILLIS = 20;
    private static final long STEP_NANOS = TimeUnit.MILLISECONDS.toNanos(STEP_MILLIS);

    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile long lastLeft = System.nanoTime() - QUIET_NANOS;
    /** When the burst going on now began (System.nanoTime()). */
    private volatile long burstBegan = System.nanoTime();
    /** While visitors are busy, no background batch starts before this (System.nanoTime()). */
    private final AtomicLong backgroundResumes = new AtomicLong(System.nanoTime());

    private final long longestPauseNanos;
    private final int share;
    private final long holdNanos;

    VisitorsFirst(
            @Value("${stackdesk.intake.background-pause:2s}") Duration longestPause,
            @Value("${stackdesk.intake.background-share:" + SHARE + "}") int share,
            @Value("${stackdesk.intake.background-hold:30s}") Duration hold) {
        if (share < 0) {
            throw new IllegalArgumentException("stackdesk.intake.background-share must be 0 or more, was " + share);
        }
        if (hold.isNegative()) {
            throw new IllegalArgumentException("stackdesk.intake.background-hold must be 0 or more, was " + hold);
        }
        this.longestPauseNanos = longestPause.toNanos();
        this.share = share;
        this.holdNanos = hold.toNanos();
    }

    /** Runs a visitor's submission, marked as in flight. */
    public <T> T serve(Supplier<T> submission) {
        boolean burstBegins = !busy();
        inFlight.incrementAndGet();
        if (burstBegins) {
            burstBegan = System.nanoTime();
        }
        try {
            return submission.get();
        } finally {
            lastLeft = System.nanoTime();
            inFlight.decrementAndGet();
        }
    }

    boolean busy() {
        return inFlight.get() > 0 || System.nanoTime() - lastLeft < QUIET_NANOS;
    }

    /** In the first {@code background-hold} of the burst going on now. */
    private boolean holding() {
        return System.nanoTime() - burstBegan < holdNanos;
    }

    /** Waiting out the share of the last batch, but not past {@code until}. */
    private boolean sharing(long until) {
        long now = System.nanoTime();
        return now - backgroundResumes.get() < 0 && now - until < 0;
    }

    /** The pace of one background worker; all of them share the wait that follows a batch. */
    public Pace pace() {
        return new Pace();
    }

    /** Runs a worker's batches, each after a pause while visitors are busy. */
    public final class Pace {

        private Pace() {}

        /** Waits while visitors are busy (see {@link VisitorsFirst}), then runs the batch. */
        public <T> T next(Supplier<T> batch) {
            waitWhileBusy();
            long start = System.nanoTime();
            try {
                return batch.get();
            } finally {
                long end = System.nanoTime();
                long wait = Math.max(STEP_NANOS, share * (end - start));
                backgroundResumes.accumulateAndGet(end + wait, Math::max);
            }
        }

        private void waitWhileBusy() {
            long until = System.nanoTime() + longestPauseNanos;
            while (busy() && (holding() || sharing(until))) {
                try {
                    Thread.sleep(STEP_MILLIS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}

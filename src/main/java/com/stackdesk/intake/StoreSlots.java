package com.stackdesk.intake;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Lets a few submissions at a time store their lead, the others in arrival order. Under a burst,
 * submissions waiting for the database otherwise queue at the connection pool and the store's
 * commit lock, where a late arrival may overtake an early one: the average is the same, but some
 * visitors wait several times as long as others. A fair queue here keeps the slowest answers near
 * the typical one, and fewer submissions contending for the commit lock commit faster.
 *
 * <p>The queue only orders: a submission that waited {@link #PATIENCE} goes ahead without a slot
 * (the pool's own timeout then applies), so a stuck store cannot make this queue refuse visitors.
 */
final class StoreSlots {

    static final long PATIENCE = TimeUnit.SECONDS.toMillis(10);

    private final Semaphore slots;

    StoreSlots(int concurrent) {
        if (concurrent < 1) {
            throw new IllegalArgumentException(
                    "stackdesk.intake.concurrent-stores must be at least 1, was " + concurrent);
        }
        this.slots = new Semaphore(concurrent, true);
    }

    /** Slots nobody holds right now. */
    int free() {
        return slots.availablePermits();
    }

    <T> T inTurn(Supplier<T> store) {
        boolean slot;
        try {
            slot = slots.tryAcquire(PATIENCE, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            slot = false;
        }
        try {
            return store.get();
        } finally {
            if (slot) {
                slots.release();
            }
        }
    }
}

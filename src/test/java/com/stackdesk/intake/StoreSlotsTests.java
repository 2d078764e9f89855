package com.stackdesk.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.awaitility.Awaitility.await;

import java.util.ArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class StoreSlotsTests {

    @Test
    void letsNoMoreThanItsSlotsStoreAtOnce() throws Exception {
        var slots = new StoreSlots(3);
        var inside = new AtomicInteger();
        var most = new AtomicInteger();
        var release = new CountDownLatch(1);
        try (var pool = Executors.newFixedThreadPool(12)) {
            var calls = new ArrayList<Future<Integer>>();
            for (int i = 0; i < 12; i++) {
                calls.add(pool.submit(() -> slots.inTurn(() -> {
                    most.accumulateAndGet(inside.incrementAndGet(), Math::max);
                    try {
                        release.await(5, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    inside.decrementAndGet();
                    return 1;
                })));
            }
            await().atMost(5, TimeUnit.SECONDS).until(() -> inside.get() == 3);
            release.countDown();
            int done = 0;
            for (var call : calls) {
                done += call.get(10, TimeUnit.SECONDS);
            }
            assertThat(done).isEqualTo(12);
        }
        assertThat(most.get()).isEqualTo(3);
    }

    @Test
    void givesTheSlotBackWhenTheStoreFails() {
        var slots = new StoreSlots(1);
        for (int i = 0; i < 3; i++) {
            try {
                slots.inTurn(() -> {
                    throw new IllegalStateException("database gone");
                });
            } catch (IllegalStateException expected) {
                // the next call must still get the one slot
            }
        }
        assertThat(slots.free()).isEqualTo(1);
    }

    @Test
    void refusesASettingWithoutSlots() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new StoreSlots(0))
                .withMessageContaining("stackdesk.intake.concurrent-stores");
    }
}

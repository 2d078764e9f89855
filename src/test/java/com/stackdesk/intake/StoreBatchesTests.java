package com.stackdesk.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.awaitility.Awaitility.await;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class StoreBatchesTests {

    static final int MAX_BATCH = 32;

    /** Records what was stored how; "fail-batch" fails any batch it is in, "fail" fails everywhere. */
    static class RecordingStore implements StoreBatches.Store<String, String> {

        final List<List<String>> batches = Collections.synchronizedList(new ArrayList<>());
        final List<String> alone = Collections.synchronizedList(new ArrayList<>());
        final AtomicInteger inside = new AtomicInteger();
        final AtomicInteger most = new AtomicInteger();
        volatile CountDownLatch hold = new CountDownLatch(0);

        @Override
        public List<String> storeAll(List<String> items) {
            enter();
            try {
                batches.add(items);
                if (items.contains("fail-batch") || items.contains("fail")) {
                    throw new IllegalStateException("batch refused");
                }
                return items.stream().map(i -> "stored " + i).toList();
            } finally {
                inside.decrementAndGet();
            }
        }

        @Override
        public String storeOne(String item) {
            enter();
            try {
                alone.add(item);
                if (item.equals("fail")) {
                    throw new IllegalStateException("cannot store " + item);
                }
                return "stored " + item;
            } finally {
                inside.decrementAndGet();
            }
        }

        final AtomicInteger madeDurable = new AtomicInteger();
        volatile CountDownLatch durable = new CountDownLatch(0);
        volatile @Nullable RuntimeException durableFailure;

        @Override
        public void madeDurable() {
            madeDurable.incrementAndGet();
            try {
                durable.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (durableFailure != null) {
                throw durableFailure;
            }
        }

        private void enter() {
            most.accumulateAndGet(inside.incrementAndGet(), Math::max);
            try {
                hold.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    final RecordingStore store = new RecordingStore();

    @Test
    void storesALoneSubmissionOnItsOwn() {
        var batches = new StoreBatches<>(2, MAX_BATCH, store);

        assertThat(batches.store("a")).isEqualTo("stored a");
        assertThat(store.alone).containsExactly("a");
        assertThat(store.batches).isEmpty();
        assertThat(batches.freeWriters()).isEqualTo(2);
    }

    @Test
    void storesWhatArrivedMeanwhileInOneBatchAndAnswersEachItsOwnResult() throws Exception {
        var batches = new StoreBatches<>(1, MAX_BATCH, store);
        store.hold = new CountDownLatch(1);
        try (var pool = Executors.newFixedThreadPool(4)) {
            var first = pool.submit(() -> batches.store("first"));
            await().atMost(5, TimeUnit.SECONDS).until(() -> store.inside.get() == 1);
            var later = new ArrayList<Future<String>>();
            for (var item : List.of("b", "c", "d")) {
                later.add(pool.submit(() -> batches.store(item)));
            }
            await().atMost(5, TimeUnit.SECONDS).until(() -> batches.waiting() == 3);
            store.hold.countDown();

            assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("stored first");
            assertThat(later.get(0).get(10, TimeUnit.SECONDS)).isEqualTo("stored b");
            assertThat(later.get(1).get(10, TimeUnit.SECONDS)).isEqualTo("stored c");
            assertThat(later.get(2).get(10, TimeUnit.SECONDS)).isEqualTo("stored d");
        }
        assertThat(store.alone).containsExactly("first");
        assertThat(store.batches).hasSize(1);
        assertThat(store.batches.getFirst()).containsExactlyInAnyOrder("b", "c", "d");
    }

    @Test
    void storesEachOfAFailedBatchAgainOnItsOwnSoOnlyTheFailingOneFails() throws Exception {
        var batches = new StoreBatches<>(1, MAX_BATCH, store);
        store.hold = new CountDownLatch(1);
        try (var pool = Executors.newFixedThreadPool(4)) {
            var first = pool.submit(() -> batches.store("first"));
            await().atMost(5, TimeUnit.SECONDS).until(() -> store.inside.get() == 1);
            var good = pool.submit(() -> batches.store("good"));
            await().atMost(5, TimeUnit.SECONDS).until(() -> batches.waiting() == 1);
            var bad = pool.submit(() -> batches.store("fail"));
            await().atMost(5, TimeUnit.SECONDS).until(() -> batches.waiting() == 2);
            store.hold.countDown();

            assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("stored first");
            assertThat(good.get(10, TimeUnit.SECONDS)).isEqualTo("stored good");
            assertThatIllegalStateException()
                    .isThrownBy(() -> {
                        try {
                            bad.get(10, TimeUnit.SECONDS);
                        } catch (ExecutionException e) {
                            throw e.getCause();
                        }
                    })
                    .withMessage("cannot store fail");
        }
        assertThat(store.batches).containsExactly(List.of("good", "fail"));
        assertThat(store.alone).containsExactly("first", "good", "fail");
        assertThat(batches.freeWriters()).isEqualTo(1);
    }

    @Test
    void answersABatchOnlyOnceItIsDurableWhileTheNextWriterAlreadyStores() throws Exception {
        var batches = new StoreBatches<>(1, MAX_BATCH, store);
        store.durable = new CountDownLatch(1);
        try (var pool = Executors.newFixedThreadPool(4)) {
            var queued = bAndCQueuedBehindALoneFirst(batches, pool);
            var b = queued.get(0);
            var c = queued.get(1);
            await().atMost(5, TimeUnit.SECONDS).until(() -> store.madeDurable.get() == 1);

            // b and c are committed but not yet durable: the writer is free, their answers wait
            assertThat(batches.freeWriters()).isEqualTo(1);
            assertThat(pool.submit(() -> batches.store("d")).get(10, TimeUnit.SECONDS))
                    .isEqualTo("stored d");
            assertThat(b).isNotDone();
            assertThat(c).isNotDone();

            store.durable.countDown();
            assertThat(b.get(10, TimeUnit.SECONDS)).isEqualTo("stored b");
            assertThat(c.get(10, TimeUnit.SECONDS)).isEqualTo("stored c");
        }
        assertThat(store.batches).hasSize(1);
        assertThat(store.batches.getFirst()).containsExactlyInAnyOrder("b", "c");
        assertThat(store.alone).containsExactly("first", "d");
    }

    @Test
    void aBatchThatCouldNotBeMadeDurableFailsEachOfItsCallers() throws Exception {
        var batches = new StoreBatches<>(1, MAX_BATCH, store);
        store.durableFailure = new IllegalStateException("the file could not be written");
        try (var pool = Executors.newFixedThreadPool(4)) {
            for (var failed : bAndCQueuedBehindALoneFirst(batches, pool)) {
                assertThatExceptionOfType(ExecutionException.class)
                        .isThrownBy(() -> failed.get(10, TimeUnit.SECONDS))
                        .havingCause()
                        .isInstanceOf(IllegalStateException.class)
                        .withMessage("the file could not be written");
            }
        }
        assertThat(batches.freeWriters()).isEqualTo(1);
    }

    /** "first" is stored on its own while "b" and "c" queue behind it; their calls, once "first" is answered. */
    private List<Future<String>> bAndCQueuedBehindALoneFirst(StoreBatches<String, String> batches, ExecutorService pool)
            throws Exception {
        store.hold = new CountDownLatch(1);
        var first = pool.submit(() -> batches.store("first"));
        await().atMost(5, TimeUnit.SECONDS).until(() -> store.inside.get() == 1);
        var b = pool.submit(() -> batches.store("b"));
        var c = pool.submit(() -> batches.store("c"));
        await().atMost(5, TimeUnit.SECONDS).until(() -> batches.waiting() == 2);
        store.hold.countDown();
        assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("stored first");
        return List.of(b, c);
    }

    @Test
    void neverStoresWithMoreWritersAtOnceThanItHas() throws Exception {
        var batches = new StoreBatches<>(3, MAX_BATCH, store);
        int stored = 0;
        try (var pool = Executors.newFixedThreadPool(16)) {
            var calls = new ArrayList<Future<String>>();
            for (int i = 0; i < 200; i++) {
                var item = "lead " + i;
                calls.add(pool.submit(() -> batches.store(item)));
            }
            for (int i = 0; i < calls.size(); i++) {
                assertThat(calls.get(i).get(10, TimeUnit.SECONDS)).isEqualTo("stored lead " + i);
                stored++;
            }
        }
        assertThat(stored).isEqualTo(200);
        assertThat(store.most.get()).isBetween(1, 3);
        int inBatches = store.batches.stream().mapToInt(List::size).sum();
        assertThat(inBatches + store.alone.size()).isEqualTo(200);
        assertThat(store.batches).allSatisfy(b -> assertThat(b.size()).isBetween(2, MAX_BATCH));
    }

    @Test
    void refusesASettingWithoutWriters() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new StoreBatches<>(0, MAX_BATCH, store))
                .withMessageContaining("stackdesk.intake.concurrent-stores");
    }
}

package com.stackdesk.base;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.LoggerFactory;

/**
 * At shutdown a drain lets its batch in progress commit and starts no other, before the database
 * closes: the bench app's log showed the worker running on into a closed EntityManager and then
 * its executor's refusal printed as an uncaught exception.
 */
@Timeout(30)
class BackgroundDrainStopTests {

    private static final int FULL = 200;

    private final VisitorsFirst visitorsFirst =
            new VisitorsFirst(Duration.ofSeconds(2), VisitorsFirst.SHARE, Duration.ZERO);
    private final ExecutorService executor = Executors.newSingleThreadExecutor();
    private final ExecutorService stopper = Executors.newSingleThreadExecutor();
    private final AtomicInteger batches = new AtomicInteger();
    private final CountDownLatch firstBatchRunning = new CountDownLatch(1);
    private final CountDownLatch finishFirstBatch = new CountDownLatch(1);

    /** Every batch comes back full: there is always more waiting, as in a backlog of thousands. */
    private final BackgroundDrain drain = new BackgroundDrain(
            executor,
            visitorsFirst,
            () -> {
                if (batches.incrementAndGet() == 1) {
                    firstBatchRunning.countDown();
                    try {
                        finishFirstBatch.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                return FULL;
            },
            FULL,
            LoggerFactory.getLogger(BackgroundDrainStopTests.class),
            "Test batch failed");

    @AfterEach
    void stopThreads() {
        finishFirstBatch.countDown();
        executor.shutdownNow();
        stopper.shutdownNow();
    }

    @Test
    void stopWaitsForTheBatchInProgressAndThenNoOtherStarts() throws Exception {
        drain.request();
        assertThat(firstBatchRunning.await(10, TimeUnit.SECONDS)).isTrue();

        var stopped = CompletableFuture.runAsync(() -> drain.stop(Duration.ofSeconds(20)), stopper);
        assertThatThrownBy(() -> stopped.get(300, TimeUnit.MILLISECONDS))
                .as("stop returned while a batch was still writing")
                .isInstanceOf(TimeoutException.class);

        finishFirstBatch.countDown();
        stopped.get(10, TimeUnit.SECONDS);
        drain.request();
        executor.shutdown();
        assertThat(executor.awaitTermination(10, TimeUnit.SECONDS)).isTrue();

        assertThat(batches).as("batches run, though each came back full").hasValue(1);
    }

    @Test
    void aRequestAfterTheExecutorShutDownIsLeftForTheNextStartWithoutAnError() {
        executor.shutdown();

        assertThatCode(drain::request).doesNotThrowAnyException();
        assertThatCode(() -> drain.stop(Duration.ofSeconds(5))).doesNotThrowAnyException();
        assertThat(batches).hasValue(0);
    }

    @Test
    void stopReturnsAtOnceWhenNothingIsRunning() throws Exception {
        var stopped = CompletableFuture.runAsync(() -> drain.stop(Duration.ofSeconds(20)), stopper);

        stopped.get(10, TimeUnit.SECONDS);
        assertThat(batches).hasValue(0);
    }
}

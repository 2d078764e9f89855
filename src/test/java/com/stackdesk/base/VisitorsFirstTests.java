package com.stackdesk.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Background batches give way to visitors' submissions, and only while there are some. */
class VisitorsFirstTests {

    /** Without a hold: each test below but the hold's own looks at the share. */
    private final VisitorsFirst visitorsFirst =
            new VisitorsFirst(Duration.ofSeconds(30), VisitorsFirst.SHARE, Duration.ZERO);

    private final List<String> events = new CopyOnWriteArrayList<>();
    /**
     * Threads of the test's own: the common pool has one thread on a 2-core machine, where the
     * visitor waiting in it would hold back the batch whatever the pace did.
     */
    private final ExecutorService threads = Executors.newCachedThreadPool();

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    @Test
    void aWorkerRunsItsBatchesOneAfterTheOtherWhenNoVisitorIsSubmitting() {
        var pace = visitorsFirst.pace();

        for (int i = 1; i <= 3; i++) {
            int batch = i;
            assertThat(pace.next(() -> "batch " + batch)).isEqualTo("batch " + i);
        }
    }

    @Test
    void aWorkersNextBatchWaitsUntilTheSubmissionInFlightIsAnswered() throws Exception {
        var pace = visitorsFirst.pace();
        // a batch of some length, so the next may wait several times as long for visitors
        aBatchLasting(pace, 200);

        assertNextBatchRunsOnceTheVisitorIsAnswered(pace);
    }

    @Test
    void anotherWorkersNextBatchAlsoWaitsForTheShareOfTheLastBatch() throws Exception {
        // routing ran a batch; the outbox's next batch waits its share as routing's own next would
        aBatchLasting(visitorsFirst.pace(), 200);

        assertNextBatchRunsOnceTheVisitorIsAnswered(visitorsFirst.pace());
    }

    /** A visitor in flight for 300 ms while the worker of {@code pace} wants to run its next batch. */
    private void assertNextBatchRunsOnceTheVisitorIsAnswered(VisitorsFirst.Pace pace) throws Exception {
        var answer = new CountDownLatch(1);
        var submission = visitorInFlight(visitorsFirst, answer, Duration.ofSeconds(10));

        var batch = CompletableFuture.runAsync(() -> pace.next(() -> events.add("batch ran")), threads);
        pause(300);
        answer.countDown();
        submission.get(5, TimeUnit.SECONDS);
        batch.get(5, TimeUnit.SECONDS);

        assertThat(events).containsExactly("visitor answered", "batch ran");
    }

    @Test
    @Timeout(10) // without the longest pause the batch would wait for ever
    void aWorkerNeverWaitsLongerThanTheLongestPauseHoweverBusyVisitorsAre() throws Exception {
        var shortPause = new VisitorsFirst(Duration.ofMillis(100), VisitorsFirst.SHARE, Duration.ZERO);
        var pace = shortPause.pace();
        aBatchLasting(pace, 200);
        var answer = new CountDownLatch(1);
        var submission = visitorInFlight(shortPause, answer, Duration.ofSeconds(10));

        pace.next(() -> events.add("batch ran"));
        answer.countDown();
        submission.get(5, TimeUnit.SECONDS);

        assertThat(events).containsExactly("batch ran", "visitor answered");
    }

    @Test
    @Timeout(10)
    void withAShareOfNoneAWorkerRunsBesideTheVisitors() throws Exception {
        var noShare = new VisitorsFirst(Duration.ofSeconds(30), 0, Duration.ZERO);
        var pace = noShare.pace();
        // a batch of a second: with the default share the next would wait four seconds for visitors
        aBatchLasting(pace, 1000);

        assertNextBatchRunsWhileTheVisitorWaits(noShare, pace, Duration.ofSeconds(2));
    }

    @Test
    @Timeout(10)
    void inTheFirstHoldOfABurstNoBatchStartsBeforeTheVisitorsAreAnswered() throws Exception {
        // no batch ran before, so there is no share to wait out, and the longest pause is short
        var holding = new VisitorsFirst(Duration.ofMillis(100), VisitorsFirst.SHARE, Duration.ofSeconds(5));
        var pace = holding.pace();
        var answer = new CountDownLatch(1);
        var submission = visitorInFlight(holding, answer, Duration.ofSeconds(10));

        var batch = CompletableFuture.runAsync(() -> pace.next(() -> events.add("batch ran")), threads);
        pause(1000); // ten times the longest pause
        answer.countDown();
        submission.get(5, TimeUnit.SECONDS);
        batch.get(5, TimeUnit.SECONDS);

        assertThat(events).containsExactly("visitor answered", "batch ran");
    }

    @Test
    @Timeout(10)
    void aBurstLongerThanTheHoldLetsTheBatchesRunAgainAtTheirShare() throws Exception {
        var holding = new VisitorsFirst(Duration.ofMillis(100), VisitorsFirst.SHARE, Duration.ofMillis(300));

        assertNextBatchRunsWhileTheVisitorWaits(holding, holding.pace(), Duration.ofSeconds(5));
    }

    /** A visitor in flight, answered once the batch ran or after {@code patience}: the batch runs first. */
    private void assertNextBatchRunsWhileTheVisitorWaits(
            VisitorsFirst first, VisitorsFirst.Pace pace, Duration patience) throws Exception {
        var batchRan = new CountDownLatch(1);
        var submission = visitorInFlight(first, batchRan, patience);

        pace.next(() -> {
            events.add("batch ran");
            batchRan.countDown();
            return null;
        });
        submission.get(5, TimeUnit.SECONDS);

        assertThat(events).containsExactly("batch ran", "visitor answered");
    }

    @Test
    void aNegativeHoldIsRefusedWithTheSettingsName() {
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> new VisitorsFirst(Duration.ofSeconds(2), 1, Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("stackdesk.intake.background-hold");
    }

    @Test
    void aNegativeShareIsRefusedWithTheSettingsName() {
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> new VisitorsFirst(Duration.ofSeconds(2), -1, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("stackdesk.intake.background-share");
    }

    /** Runs one batch that takes {@code millis}: the next batch's wait for visitors is a share of it. */
    private static void aBatchLasting(VisitorsFirst.Pace pace, long millis) {
        pace.next(() -> {
            pause(millis);
            return null;
        });
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * A visitor's submission, in flight when this returns, answered once {@code answer} opens or
     * {@code patience} has passed; "visitor answered" goes into the events then.
     */
    private CompletableFuture<Void> visitorInFlight(VisitorsFirst first, CountDownLatch answer, Duration patience)
            throws InterruptedException {
        var submitting = new CountDownLatch(1);
        var submission = CompletableFuture.runAsync(
                () -> first.serve(() -> {
                    submitting.countDown();
                    try {
                        answer.await(patience.toMillis(), TimeUnit.MILLISECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    events.add("visitor answered");
                    return null;
                }),
                threads);
        submitting.await(5, TimeUnit.SECONDS);
        return submission;
    }
}

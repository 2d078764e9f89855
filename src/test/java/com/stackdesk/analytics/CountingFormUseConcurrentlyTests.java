package com.stackdesk.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.stackdesk.IntegrationTest;
import com.stackdesk.analytics.internal.FormCounters;
import com.stackdesk.lead.LeadSource;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The form counters under concurrent counts: every count lands exactly once, also when many threads
 * create the same missing row at the same moment, and a count never waits for another caller's
 * transaction (the intake counts a submission while other submissions are being stored).
 */
@IntegrationTest
class CountingFormUseConcurrentlyTests {

    @Autowired
    FormCounters counters;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    FormAnalytics analytics;

    @Autowired
    Clock clock;

    private final LocalDate week = LocalDate.of(2026, 11, 23);

    private long count(String source, String column) {
        return jdbc.queryForObject(
                "SELECT " + column + " FROM form_counter WHERE form = 'assistant' AND source = ? AND week_start = ?",
                Long.class,
                source,
                week);
    }

    @Test
    void threadsCountingTheSameNewKeyAtOnceLoseNoCount() throws Exception {
        var source = "burst-" + UUID.randomUUID();
        int threads = 8;
        int each = 40;
        var start = new CountDownLatch(1);
        try (var pool = Executors.newFixedThreadPool(threads)) {
            var done = new ArrayList<Future<?>>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < each; i++) {
                        // views from every thread, a start from every other one: two columns of one row
                        counters.add("assistant", source, week, 1, 0, 0);
                        if (thread % 2 == 0) {
                            counters.add("assistant", source, week, 0, 1, 0);
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (var future : done) {
                future.get();
            }
        }

        assertThat(count(source, "views")).isEqualTo((long) threads * each);
        assertThat(count(source, "starts")).isEqualTo((long) threads / 2 * each);
        assertThat(count(source, "submissions")).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM form_counter WHERE source = ?", Long.class, source))
                .isEqualTo(1);
    }

    @Test
    void aCountDoesNotWaitForTheTransactionOfAnotherCount() {
        var source = "open-" + UUID.randomUUID();
        counters.add("assistant", source, week, 0, 0, 1);

        transactions.executeWithoutResult(outer -> {
            // counted inside a transaction that stays open (as a caller's could) ...
            counters.add("assistant", source, week, 0, 0, 1);
            // ... while another thread counts the same row: it finishes before the outer transaction ends
            var other = CompletableFuture.runAsync(() -> counters.add("assistant", source, week, 0, 0, 1));
            await().atMost(Duration.ofSeconds(20)).until(other::isDone);
            assertThat(other).isCompletedWithValue(null);
        });

        assertThat(count(source, "submissions")).isEqualTo(3);
    }

    private static LeadSource from(String source) {
        return new LeadSource(source, null, null, null, null, null, null);
    }

    @Test
    void countsTakenWhileTheyAreBeingWrittenAreAllWrittenOnce() throws Exception {
        var source = "memory-" + UUID.randomUUID();
        int threads = 8;
        int each = 50;
        var start = new CountDownLatch(1);
        try (var pool = Executors.newFixedThreadPool(threads + 1)) {
            var done = new ArrayList<Future<?>>();
            for (int t = 0; t < threads; t++) {
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < each; i++) {
                        analytics.count(TrackedForm.ASSISTANT, FormEvent.VIEW, from(source));
                        analytics.count(TrackedForm.ASSISTANT, FormEvent.SUBMISSION, from(source));
                    }
                    return null;
                }));
            }
            // and a writer that keeps writing what has been counted so far, as the schedule does
            var writing = pool.submit(() -> {
                start.await();
                while (!done.stream().allMatch(Future::isDone)) {
                    analytics.flush();
                }
                return null;
            });
            start.countDown();
            for (var future : done) {
                future.get();
            }
            writing.get();
        }
        analytics.flush();

        var thisWeek = FormAnalytics.weekOf(clock);
        assertThat(jdbc.queryForObject(
                        "SELECT views FROM form_counter WHERE form = 'assistant' AND source = ? AND week_start = ?",
                        Long.class,
                        source,
                        thisWeek))
                .isEqualTo((long) threads * each);
        assertThat(jdbc.queryForObject(
                        "SELECT submissions FROM form_counter WHERE form = 'assistant' AND source = ? AND week_start = ?",
                        Long.class,
                        source,
                        thisWeek))
                .isEqualTo((long) threads * each);
    }

    @Test
    void aVisitorsCountDoesNotWaitForALockedCounterRow() {
        var source = "locked-" + UUID.randomUUID();
        var thisWeek = FormAnalytics.weekOf(clock);
        counters.add("assistant", source, thisWeek, 1, 0, 0);

        transactions.executeWithoutResult(holding -> {
            // another transaction holds the counter's row ...
            jdbc.update(
                    "UPDATE form_counter SET views = views + 1 WHERE form = 'assistant' AND source = ? AND week_start = ?",
                    source,
                    thisWeek);
            // ... and a visitor's view is counted all the same, at once
            var visitor = CompletableFuture.runAsync(
                    () -> analytics.count(TrackedForm.ASSISTANT, FormEvent.VIEW, from(source)));
            await().atMost(Duration.ofSeconds(20)).until(visitor::isDone);
            assertThat(visitor).isCompletedWithValue(null);
        });
        analytics.flush();

        assertThat(jdbc.queryForObject(
                        "SELECT views FROM form_counter WHERE form = 'assistant' AND source = ? AND week_start = ?",
                        Long.class,
                        source,
                        thisWeek))
                .isEqualTo(3);
    }
}

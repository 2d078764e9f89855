package com.stackdesk.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.stackdesk.IntegrationTest;
import com.stackdesk.analytics.internal.FormCounters;
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
                        counters.increment("assistant", source, week, FormCounters.Column.VIEWS);
                        if (thread % 2 == 0) {
                            counters.increment("assistant", source, week, FormCounters.Column.STARTS);
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
        counters.increment("assistant", source, week, FormCounters.Column.SUBMISSIONS);

        transactions.executeWithoutResult(outer -> {
            // counted inside a transaction that stays open (as a caller's could) ...
            counters.increment("assistant", source, week, FormCounters.Column.SUBMISSIONS);
            // ... while another thread counts the same row: it finishes before the outer transaction ends
            var other = CompletableFuture.runAsync(
                    () -> counters.increment("assistant", source, week, FormCounters.Column.SUBMISSIONS));
            await().atMost(Duration.ofSeconds(20)).until(other::isDone);
            assertThat(other).isCompletedWithValue(null);
        });

        assertThat(count(source, "submissions")).isEqualTo(3);
    }
}

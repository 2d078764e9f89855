package com.stackdesk.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.stackdesk.IntegrationTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * The rate limit is counted in the database with one atomic statement per step: submissions that
 * arrive at the same moment from one address are each counted once, so exactly the allowance gets
 * through, and nobody under the allowance is refused.
 */
@IntegrationTest
@TestPropertySource(
        properties = {"stackdesk.intake.rate-limit.submissions=5", "stackdesk.intake.rate-limit.window=10m"})
class ConcurrentSubmissionsFromOneAddressTests {

    @Autowired
    SubmissionRateLimiter limiter;

    private List<Optional<Duration>> atOnce(String address, int submissions) throws Exception {
        var start = new CountDownLatch(1);
        var calls = new ArrayList<Callable<Optional<Duration>>>();
        for (int i = 0; i < submissions; i++) {
            calls.add(() -> {
                start.await();
                return limiter.tryAcquire(address);
            });
        }
        var results = new ArrayList<Optional<Duration>>();
        try (var pool = Executors.newFixedThreadPool(submissions)) {
            var futures = calls.stream().map(pool::submit).toList();
            start.countDown();
            for (var future : futures) {
                results.add(future.get());
            }
        }
        return results;
    }

    @Test
    void twentyAtOnceFromOneAddressLetExactlyTheAllowanceThrough() throws Exception {
        var results = atOnce("192.0.2." + UUID.randomUUID().toString().substring(0, 4), 20);

        assertThat(results.stream().filter(Optional::isEmpty)).hasSize(5);
        assertThat(results.stream().flatMap(Optional::stream)).hasSize(15).allSatisfy(wait -> assertThat(wait)
                .isBetween(Duration.ofMinutes(9), Duration.ofSeconds(601)));
    }

    @Test
    void theAllowanceAtOnceIsNeverRefused() throws Exception {
        var results = atOnce("192.0.2." + UUID.randomUUID().toString().substring(0, 4), 5);

        assertThat(results).allSatisfy(result -> assertThat(result).isEmpty());
    }
}

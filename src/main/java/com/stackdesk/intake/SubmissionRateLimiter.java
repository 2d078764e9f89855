package com.stackdesk.intake;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The per-address submission limit: a token bucket per client address, kept in memory (a restart
 * forgets it, which errs on the visitor's side).
 */
@Component
class SubmissionRateLimiter {

    private static final int MAX_TRACKED_ADDRESSES = 50_000;

    private final IntakeProperties.RateLimit limit;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    SubmissionRateLimiter(IntakeProperties properties) {
        this.limit = properties.rateLimit();
    }

    /** Takes one submission from the address's allowance; empty when allowed, else how long to wait. */
    Optional<Duration> tryAcquire(String clientAddress) {
        if (buckets.size() > MAX_TRACKED_ADDRESSES) {
            forgetIdleAddresses();
        }
        var probe = buckets.computeIfAbsent(clientAddress, key -> newBucket()).tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofSeconds(
                Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds() + 1));
    }

    private Bucket newBucket() {
        // Greedy refill would hand out fractions of a submission; intervally refills the whole window at once.
        return Bucket.builder()
                .addLimit(Bandwidth.builder()
                        .capacity(limit.submissions())
                        .refillIntervally(limit.submissions(), limit.window())
                        .build())
                .build();
    }

    private void forgetIdleAddresses() {
        buckets.values().removeIf(bucket -> bucket.getAvailableTokens() >= limit.submissions());
    }
}

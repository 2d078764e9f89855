package com.stackdesk.base;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The allowance of the small public endpoints that store no lead (the stack assistant's answers,
 * the form-analytics beacons): at most {@code stackdesk.public-api.requests} per client address
 * (per /64 for IPv6, see {@link ClientKey}) in each {@code stackdesk.public-api.window}. Kept in
 * memory: a request refused here changes nothing, so a count per instance is enough (the lead
 * intake's own limit is in the database, shared by every instance).
 */
@Component
public class ClientThrottle {

    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final long requests;
    private final Duration window;

    ClientThrottle(
            @Value("${stackdesk.public-api.requests:120}") long requests,
            @Value("${stackdesk.public-api.window:10m}") Duration window) {
        if (requests < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalStateException("stackdesk.public-api.requests must be at least 1 and"
                    + " stackdesk.public-api.window longer than zero, got " + requests + " and " + window);
        }
        this.requests = requests;
        this.window = window;
    }

    /** Takes one request from the address's allowance: empty when allowed, else how long to wait. */
    public Optional<Duration> take(String clientAddress) {
        var bucket = buckets.computeIfAbsent(ClientKey.of(clientAddress), key -> Bucket.builder()
                .addLimit(Bandwidth.builder()
                        .capacity(requests)
                        .refillGreedy(requests, window)
                        .build())
                .build());
        var probe = bucket.tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofSeconds(
                Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds() + 1));
    }

    /** Forgets addresses whose allowance is whole again: they would start from a full one anyway. */
    @Scheduled(fixedDelayString = "PT5M", initialDelayString = "PT5M")
    void forgetFullAllowances() {
        buckets.values().removeIf(bucket -> bucket.getAvailableTokens() >= requests);
    }
}

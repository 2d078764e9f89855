package com.stackdesk.intake;

import com.stackdesk.base.ClientKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The per-address submission limit: at most {@code submissions} per client address (per /64 for
 * IPv6) in a window
 * that starts with the address's first submission. Kept in the database ({@code intake_allowance})
 * so every app instance counts the same submissions. Each step is one atomic statement run on its
 * own (no surrounding transaction), so concurrent submissions from one address are never counted
 * twice or missed.
 */
@Component
class SubmissionRateLimiter {

    private final JdbcClient jdbc;
    private final IntakeProperties.RateLimit limit;
    private final Clock clock;

    SubmissionRateLimiter(JdbcClient jdbc, IntakeProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.limit = properties.rateLimit();
        this.clock = clock;
    }

    /**
     * Takes one submission from the address's allowance (an IPv6 address's /64, see {@link
     * ClientKey}); empty when allowed, else how long to wait.
     */
    Optional<Duration> tryAcquire(String clientAddress) {
        var address = ClientKey.of(clientAddress);
        for (int attempt = 0; attempt < 3; attempt++) {
            var now = clock.instant().atOffset(ZoneOffset.UTC);
            var windowStartedAfter = now.minus(limit.window());
            if (jdbc.sql("UPDATE intake_allowance SET used = used + 1"
                                    + " WHERE client_address = ? AND window_start > ? AND used < ?")
                            .params(address, windowStartedAfter, limit.submissions())
                            .update()
                    == 1) {
                return Optional.empty();
            }
            if (jdbc.sql("UPDATE intake_allowance SET window_start = ?, used = 1"
                                    + " WHERE client_address = ? AND window_start <= ?")
                            .params(now, address, windowStartedAfter)
                            .update()
                    == 1) {
                return Optional.empty();
            }
            var current = jdbc.sql("SELECT window_start, used FROM intake_allowance WHERE client_address = ?")
                    .param(address)
                    .query((rs, n) ->
                            new Window(rs.getObject(1, OffsetDateTime.class).toInstant(), rs.getInt(2)))
                    .optional();
            if (current.isPresent()) {
                var wait =
                        Duration.between(now.toInstant(), current.get().start().plus(limit.window()));
                if (current.get().used() >= limit.submissions() && wait.isPositive()) {
                    return Optional.of(Duration.ofSeconds(wait.toSeconds() + 1));
                }
                continue; // a concurrent submission created or renewed the window meanwhile: ask again
            }
            try {
                jdbc.sql("INSERT INTO intake_allowance (client_address, window_start, used) VALUES (?, ?, 1)")
                        .params(address, now)
                        .update();
                return Optional.empty();
            } catch (DuplicateKeyException concurrentFirstSubmission) {
                // another submission from the address created the row first: count against it
            }
        }
        return Optional.empty(); // the row kept changing under us: err on the visitor's side
    }

    private record Window(Instant start, int used) {}

    /** Forgets addresses whose window has ended (their next submission starts a new one anyway). */
    @Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT1M")
    void forgetExpiredWindows() {
        jdbc.sql("DELETE FROM intake_allowance WHERE window_start <= ?")
                .param(clock.instant().minus(limit.window()).atOffset(ZoneOffset.UTC))
                .update();
    }
}

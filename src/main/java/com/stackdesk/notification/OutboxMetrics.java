package com.stackdesk.notification;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The outbox in {@code /actuator/prometheus}: how many emails are pending and how long the oldest
 * has waited (read from the database at each scrape, through {@code ix_outbound_email_pending_age},
 * so every instance reports the same figures), and how many emails this instance sent or failed to
 * send, by kind.
 *
 * <ul>
 *   <li>{@code stackdesk.outbox.pending} (gauge): emails waiting for their next attempt
 *   <li>{@code stackdesk.outbox.oldest.pending.age} (gauge, seconds): age of the oldest of them, 0 when none
 *   <li>{@code stackdesk.emails.sent} (counter, tag {@code kind})
 *   <li>{@code stackdesk.emails.failed} (counter, tags {@code kind} and {@code final}): failed attempts;
 *       {@code final=true} when the email was given up on (status failed), {@code false} when it is retried
 * </ul>
 */
@Component
class OutboxMetrics implements MeterBinder {

    private static final Logger log = LoggerFactory.getLogger(OutboxMetrics.class);

    /**
     * The pending emails' count: reads their entries of an index on (status, ...), never the sent
     * ones, however many (OutboxGaugesReadTheirIndexTests).
     */
    static final String PENDING_SQL = "SELECT COUNT(*) FROM outbound_email WHERE status = 'PENDING'";

    /**
     * The oldest pending email: the first entry after 'PENDING' in ix_outbound_email_pending_age. The
     * ORDER BY names status too, so H2 sees the index order and reads one entry (with only
     * created_at it reads every pending one).
     */
    static final String OLDEST_PENDING_SQL = "SELECT created_at FROM outbound_email WHERE status = 'PENDING'"
            + " ORDER BY status, created_at FETCH FIRST 1 ROWS ONLY";

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Map<EmailKind, Counter> sent = new EnumMap<>(EmailKind.class);
    private final Map<EmailKind, Counter> retried = new EnumMap<>(EmailKind.class);
    private final Map<EmailKind, Counter> givenUp = new EnumMap<>(EmailKind.class);

    OutboxMetrics(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("stackdesk.outbox.pending", this, OutboxMetrics::pending)
                .description("Emails in the outbox waiting for their next attempt")
                .register(registry);
        Gauge.builder("stackdesk.outbox.oldest.pending.age", this, OutboxMetrics::oldestPendingAgeSeconds)
                .description("How long the oldest pending email has waited; 0 when none waits")
                .baseUnit("seconds")
                .register(registry);
        for (var kind : EmailKind.values()) {
            var tag = kind.name().toLowerCase(Locale.ROOT);
            sent.put(
                    kind,
                    Counter.builder("stackdesk.emails.sent")
                            .description("Emails the SMTP server accepted")
                            .tag("kind", tag)
                            .register(registry));
            retried.put(kind, failedCounter(registry, tag, false));
            givenUp.put(kind, failedCounter(registry, tag, true));
        }
    }

    private static Counter failedCounter(MeterRegistry registry, String kind, boolean last) {
        return Counter.builder("stackdesk.emails.failed")
                .description("Failed send attempts; final=true when the email was given up on")
                .tag("kind", kind)
                .tag("final", String.valueOf(last))
                .register(registry);
    }

    void sent(EmailKind kind) {
        increment(sent.get(kind));
    }

    void failed(EmailKind kind, boolean last) {
        increment((last ? givenUp : retried).get(kind));
    }

    private static void increment(@Nullable Counter counter) {
        if (counter != null) { // null only before the registry bound the meters
            counter.increment();
        }
    }

    double pending() {
        try {
            var count = jdbc.queryForObject(PENDING_SQL, Long.class);
            return count == null ? 0 : count;
        } catch (RuntimeException e) {
            log.debug("Could not count the pending emails: {}", e.toString());
            return Double.NaN;
        }
    }

    double oldestPendingAgeSeconds() {
        try {
            var oldest = jdbc.query(OLDEST_PENDING_SQL, rs -> rs.next() ? rs.getObject(1, OffsetDateTime.class) : null);
            return oldest == null
                    ? 0
                    : Math.max(
                            0,
                            Duration.between(oldest.toInstant(), clock.instant())
                                            .toMillis()
                                    / 1000.0);
        } catch (RuntimeException e) {
            log.debug("Could not read the oldest pending email: {}", e.toString());
            return Double.NaN;
        }
    }
}

package com.stackdesk.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.stackdesk.MigratedDatabase;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The outbox gauges are read at every metrics scrape, on an outbox that keeps every email it ever
 * sent: on the migrated schema the oldest pending email is one index entry, and the count reads
 * the pending entries only (H2 here, PostgreSQL in the subclass). The figures are checked against
 * rows written by hand.
 */
class OutboxGaugesReadTheirIndexTests {

    static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");
    static final int SENT = 3000;

    JdbcTemplate jdbc;
    OutboxMetrics metrics;

    /** A new, empty database migrated by the app's migrations. */
    DataSource newDatabase() {
        return MigratedDatabase.h2("outbox-gauges");
    }

    @BeforeEach
    void migrateAndFill() {
        jdbc = new JdbcTemplate(newDatabase());
        var sent = new ArrayList<Object[]>();
        var start = Instant.parse("2026-01-01T00:00:00Z");
        for (int i = 0; i < SENT; i++) {
            var at = start.plusSeconds(i).atOffset(ZoneOffset.UTC);
            sent.add(new Object[] {"sent-" + i, at, at});
        }
        jdbc.batchUpdate(
                "INSERT INTO outbound_email (kind, recipient, message_id, status, attempts, next_attempt_at, created_at)"
                        + " VALUES ('REP_ALERT', 'rep@example.com', ?, 'SENT', 1, ?, ?)",
                sent);
        pending("2026-11-30T11:58:00Z");
        pending("2026-11-30T11:50:00Z"); // the oldest: 600 s before NOW
        pending("2026-11-30T11:59:30Z");
        jdbc.execute("ANALYZE");
        metrics = new OutboxMetrics(jdbc, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private void pending(String createdAt) {
        jdbc.update(
                "INSERT INTO outbound_email (kind, recipient, message_id, status, attempts, next_attempt_at, created_at)"
                        + " VALUES ('VISITOR_CONFIRMATION', 'v@example.com', ?, 'PENDING', 0, ?, ?)",
                UUID.randomUUID().toString(),
                Instant.parse(createdAt).atOffset(ZoneOffset.UTC),
                Instant.parse(createdAt).atOffset(ZoneOffset.UTC));
    }

    @Test
    void theGaugesCountThePendingEmailsAndTheOldestOnesAge() {
        assertThat(metrics.pending()).isEqualTo(3);
        assertThat(metrics.oldestPendingAgeSeconds()).isEqualTo(600);
    }

    @Test
    void anEmptyOutboxHasNoAge() {
        jdbc.update("UPDATE outbound_email SET status = 'SENT'");

        assertThat(metrics.pending()).isZero();
        assertThat(metrics.oldestPendingAgeSeconds()).isZero();
    }

    @Test
    void theOldestPendingEmailIsOneIndexEntry() {
        var plan = plan(OutboxMetrics.OLDEST_PENDING_SQL);

        // H2 counts the index entries it read: one, in index order, no sort
        assertThat(plan)
                .contains("IX_OUTBOUND_EMAIL_PENDING_AGE: STATUS = 'PENDING'")
                .contains("scanCount: 1")
                .contains("index sorted");
    }

    @Test
    void countingThePendingEmailsReadsNoSentOnes() {
        var plan = plan(OutboxMetrics.PENDING_SQL);

        assertThat(plan).containsPattern("IX_OUTBOUND_EMAIL_(DUE|PENDING_AGE): STATUS = 'PENDING'");
        assertThat(plan).containsPattern("scanCount: [1-4]\\b");
    }

    @Test
    void theDispatcherReadsOnlyTheBatchOfDueEmailsItTakes() {
        // 203 due; the first 10 in index order, not all of them read and sorted
        assertThat(planOfTakingTenOfABacklog())
                .contains("IX_OUTBOUND_EMAIL_DUE: STATUS = ?1")
                .contains("index sorted")
                .containsPattern("scanCount: 1[01]\\b");
    }

    /** The dispatcher's query for a batch of 10, with 203 emails due. */
    String planOfTakingTenOfABacklog() {
        for (int i = 0; i < 200; i++) {
            pending(Instant.parse("2026-11-29T00:00:00Z").plusSeconds(i).toString());
        }
        jdbc.execute("ANALYZE");
        return plan(
                OutboundEmails.DUE_SQL.replaceAll(":[a-z]+", "?"),
                List.of("PENDING", NOW.atOffset(ZoneOffset.UTC), 10));
    }

    String plan(String sql) {
        return plan(sql, List.of());
    }

    String plan(String sql, List<?> params) {
        return MigratedDatabase.explain(jdbc, "ANALYZE " + sql, params);
    }
}

package com.stackdesk.lead;

import java.util.ArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.task.TaskExecutor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Relabels the leads stored before sources were normalized (migration V80): after the start, a
 * chunk of ids per transaction, by whichever instance locks the backfill's row. New leads get the
 * normalized label when they are stored (Lead#updateSearchColumns), so this runs once per database.
 */
@Component
class LeadSourceBackfill {

    private static final Logger log = LoggerFactory.getLogger(LeadSourceBackfill.class);
    static final int CHUNK = 2_000;

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;
    private final TransactionTemplate transactions;
    private final TaskExecutor executor;

    LeadSourceBackfill(
            JdbcClient jdbc,
            JdbcTemplate jdbcTemplate,
            TransactionTemplate transactions,
            @Qualifier("applicationTaskExecutor") TaskExecutor executor) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
        this.transactions = transactions;
        this.executor = executor;
    }

    @EventListener(ApplicationReadyEvent.class)
    void backfillAfterStart() {
        executor.execute(this::backfill);
    }

    /** Normalizes the source labels of earlier leads, if any are left; returns how many changed. */
    long backfill() {
        long changed = 0;
        try {
            int[] chunk;
            do {
                chunk = transactions.execute(tx -> backfillChunk());
                changed += chunk == null ? 0 : chunk[1];
            } while (chunk != null && chunk[0] > 0);
        } catch (RuntimeException e) {
            log.warn("Normalizing the sources of earlier leads stopped; the next start goes on: {}", e.toString());
            return changed;
        }
        if (changed > 0) {
            log.info("Sources: {} earlier leads relabelled with their normalized source", changed);
        }
        return changed;
    }

    /** One chunk under the backfill's row lock: {leads read, labels changed}; nothing read when done. */
    private int[] backfillChunk() {
        var next = jdbc.sql("SELECT next_lead_id, last_lead_id FROM lead_source_backfill WHERE id = 1 FOR UPDATE")
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)})
                .optional();
        if (next.isEmpty()) {
            return new int[] {0, 0};
        }
        long from = next.get()[0];
        long last = next.get()[1];
        record Row(long id, String label, String normalized) {}
        var rows = jdbc.sql("SELECT id, utm_source, referrer, source_label FROM lead WHERE id >= ? AND id <= ?"
                        + " ORDER BY id FETCH FIRST ? ROWS ONLY")
                .params(from, last, CHUNK)
                .query((rs, n) -> new Row(
                        rs.getLong("id"),
                        rs.getString("source_label"),
                        new LeadSource(
                                        rs.getString("utm_source"),
                                        null,
                                        null,
                                        null,
                                        null,
                                        rs.getString("referrer"),
                                        null)
                                .label()))
                .list();
        if (rows.isEmpty()) {
            jdbc.sql("DELETE FROM lead_source_backfill WHERE id = 1").update();
            return new int[] {0, 0};
        }
        var updates = new ArrayList<Object[]>();
        for (var row : rows) {
            if (!row.normalized().equals(row.label())) {
                updates.add(new Object[] {row.normalized(), row.id()});
            }
        }
        jdbcTemplate.batchUpdate("UPDATE lead SET source_label = ? WHERE id = ?", updates);
        jdbc.sql("UPDATE lead_source_backfill SET next_lead_id = ? WHERE id = 1")
                .param(rows.getLast().id() + 1)
                .update();
        return new int[] {rows.size(), updates.size()};
    }
}

package com.stackdesk.lead;

import com.stackdesk.base.BackgroundDrain;
import com.stackdesk.base.VisitorsFirst;
import jakarta.annotation.PreDestroy;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.task.TaskExecutor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps {@code lead_search_term} (what the grid's search looks up) in step with the leads.
 *
 * <ul>
 *   <li>A submitted lead is queued in {@code lead_search_pending} by its own transaction, and its
 *       terms are written right after that commits, by one worker per instance, up to {@value
 *       #PENDING_CHUNK} leads a transaction: a submission writes one row to a small table, not a
 *       dozen to a large index, and a burst of submissions costs few commits here. A new lead can
 *       be found a moment after the visitor's answer; a lead queued when the process died is
 *       indexed by the next sweep.
 *   <li>An imported lead (demo data) gets its terms in its own transaction, and a lead whose
 *       contact details change gets new ones in the changing transaction.
 *   <li>Leads stored before the table existed are indexed once after the start, a chunk per
 *       transaction, by whichever instance locks the backfill's row ({@code lead_search_backfill},
 *       armed by migration V70).
 * </ul>
 */
@Component
class LeadSearchIndex {

    private static final Logger log = LoggerFactory.getLogger(LeadSearchIndex.class);
    static final int BACKFILL_CHUNK = 500;
    static final int PENDING_CHUNK = 500;

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;
    private final TransactionTemplate transactions;
    private final TaskExecutor executor;
    /** Works off the queue, giving way to visitors' submissions between chunks. */
    private final BackgroundDrain indexing;

    LeadSearchIndex(
            JdbcClient jdbc,
            JdbcTemplate jdbcTemplate,
            TransactionTemplate transactions,
            @Qualifier("applicationTaskExecutor") TaskExecutor executor,
            VisitorsFirst visitorsFirst) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
        this.transactions = transactions;
        this.executor = executor;
        this.indexing = new BackgroundDrain(
                executor,
                visitorsFirst,
                this::indexPending,
                PENDING_CHUNK,
                log,
                "Indexing new leads for the search failed");
    }

    /** Before the database closes: the batch in progress commits, what is left waits for the next start. */
    @PreDestroy
    void stop() {
        indexing.stop();
    }

    /** Writes the terms of a lead that has none yet. */
    @Transactional(propagation = Propagation.MANDATORY)
    void add(Lead lead) {
        insert(List.of(Indexed.of(lead)));
    }

    /** Queues new leads: their terms are written once this transaction has committed. */
    @Transactional(propagation = Propagation.MANDATORY)
    void queueAll(List<Lead> leads) {
        if (leads.isEmpty()) {
            return;
        }
        jdbcTemplate.batchUpdate(
                "INSERT INTO lead_search_pending (lead_id) VALUES (?)",
                leads.stream().map(lead -> new Object[] {lead.getId()}).toList());
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                requestIndexing();
            }
        });
    }

    /**
     * Replaces the terms of a lead whose details changed. A queued lead leaves the queue first
     * (waiting, if the worker is writing its terms right now, for that to commit), so the two
     * never write the same terms.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    void replace(Lead lead) {
        jdbc.sql("DELETE FROM lead_search_pending WHERE lead_id = ?")
                .param(lead.getId())
                .update();
        jdbc.sql("DELETE FROM lead_search_term WHERE lead_id = ?")
                .param(lead.getId())
                .update();
        insert(List.of(Indexed.of(lead)));
    }

    /** Indexes what is queued: leads whose indexing failed, or whose process died before it. */
    @Scheduled(fixedDelayString = "${stackdesk.search.index-sweep:10s}", initialDelayString = "5s")
    void sweep() {
        requestIndexing();
    }

    private void requestIndexing() {
        indexing.request();
    }

    /**
     * Writes the terms of up to {@value #PENDING_CHUNK} queued leads, oldest first, in one
     * transaction. The queue's rows are locked in key order, so a second instance's worker waits
     * for them and then finds them gone.
     *
     * @return how many queued leads were taken
     */
    int indexPending() {
        return Objects.requireNonNull(transactions.execute(tx -> {
            var ids = jdbc.sql("SELECT lead_id FROM lead_search_pending ORDER BY lead_id" + " FETCH FIRST "
                            + PENDING_CHUNK + " ROWS ONLY FOR UPDATE")
                    .query(Long.class)
                    .list();
            if (ids.isEmpty()) {
                return 0;
            }
            var leads = jdbc.sql("SELECT id, reference, first_name, last_name, email, company, phone FROM lead"
                            + " WHERE id IN (:ids)")
                    .param("ids", ids)
                    .query(Indexed::read)
                    .list();
            insert(leads);
            jdbc.sql("DELETE FROM lead_search_pending WHERE lead_id IN (:ids)")
                    .param("ids", ids)
                    .update();
            return ids.size();
        }));
    }

    /** What the terms are made of. */
    private record Indexed(
            long id,
            String reference,
            String firstName,
            String lastName,
            String email,
            @Nullable String company,
            @Nullable String phone) {

        static Indexed of(Lead lead) {
            return new Indexed(
                    Objects.requireNonNull(lead.getId()),
                    lead.getReference(),
                    lead.getFirstName(),
                    lead.getLastName(),
                    lead.getEmail(),
                    lead.getCompany(),
                    lead.getPhone());
        }

        static Indexed read(ResultSet rs, int row) throws SQLException {
            return new Indexed(
                    rs.getLong("id"),
                    rs.getString("reference"),
                    rs.getString("first_name"),
                    rs.getString("last_name"),
                    rs.getString("email"),
                    rs.getString("company"),
                    rs.getString("phone"));
        }

        Set<String> terms() {
            return LeadSearchTerms.of(reference, firstName, lastName, email, company, phone);
        }
    }

    private void insert(List<Indexed> leads) {
        var rows = new ArrayList<Object[]>();
        for (var lead : leads) {
            for (var term : lead.terms()) {
                rows.add(new Object[] {term, lead.id()});
            }
        }
        jdbcTemplate.batchUpdate("INSERT INTO lead_search_term (term, lead_id) VALUES (?, ?)", rows);
    }

    @EventListener(ApplicationReadyEvent.class)
    void backfillAfterStart() {
        executor.execute(this::backfill);
    }

    /** Indexes the leads stored before the search terms existed, if any are left. */
    void backfill() {
        long done = 0;
        try {
            Integer chunk;
            do {
                chunk = transactions.execute(tx -> backfillChunk());
                done += chunk == null ? 0 : chunk;
                if (done > 0 && done % 50_000 < BACKFILL_CHUNK) {
                    log.info("Search index: {} earlier leads indexed so far", done);
                }
            } while (chunk != null && chunk > 0);
        } catch (RuntimeException e) {
            log.warn("Indexing earlier leads for the search stopped; the next start goes on: {}", e.toString());
            return;
        }
        if (done > 0) {
            log.info("Search index: all {} earlier leads indexed", done);
        }
    }

    /** One chunk under the backfill's row lock; 0 when there is nothing (left) to do. */
    private int backfillChunk() {
        var next = jdbc.sql("SELECT next_lead_id, last_lead_id FROM lead_search_backfill WHERE id = 1 FOR UPDATE")
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)})
                .optional();
        if (next.isEmpty()) {
            return 0;
        }
        long from = next.get()[0];
        long last = next.get()[1];
        var ids = jdbc.sql("SELECT id FROM lead WHERE id >= ? AND id <= ? ORDER BY id FETCH FIRST ? ROWS ONLY")
                .params(from, last, BACKFILL_CHUNK)
                .query(Long.class)
                .list();
        if (ids.isEmpty()) {
            jdbc.sql("DELETE FROM lead_search_backfill WHERE id = 1").update();
            return 0;
        }
        long upTo = ids.getLast();
        // again from the start after an interrupted chunk: its terms were rolled back with it
        jdbc.sql("DELETE FROM lead_search_term WHERE lead_id >= ? AND lead_id <= ?")
                .params(from, upTo)
                .update();
        var leads = jdbc.sql("SELECT id, reference, first_name, last_name, email, company, phone FROM lead"
                        + " WHERE id >= ? AND id <= ?")
                .params(from, upTo)
                .query(Indexed::read)
                .list();
        insert(leads);
        jdbc.sql("UPDATE lead_search_backfill SET next_lead_id = ? WHERE id = 1")
                .param(upTo + 1)
                .update();
        return leads.size();
    }
}

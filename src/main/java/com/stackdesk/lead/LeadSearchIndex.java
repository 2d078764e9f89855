package com.stackdesk.lead;

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
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps {@code lead_search_term} (what the grid's search looks up) in step with the leads: a lead's
 * terms are written in the transaction that stores it or changes its contact details. Leads stored
 * before the table existed are indexed once after the start, a chunk per transaction, by whichever
 * instance locks the backfill's row ({@code lead_search_backfill}, armed by migration V70).
 */
@Component
class LeadSearchIndex {

    private static final Logger log = LoggerFactory.getLogger(LeadSearchIndex.class);
    static final int BACKFILL_CHUNK = 500;

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;
    private final TransactionTemplate transactions;
    private final TaskExecutor executor;

    LeadSearchIndex(
            JdbcClient jdbc,
            JdbcTemplate jdbcTemplate,
            TransactionTemplate transactions,
            @Qualifier("applicationTaskExecutor") TaskExecutor executor) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
        this.transactions = transactions;
        this.executor = executor;
    }

    /** Writes the terms of a lead that has none yet. */
    @Transactional(propagation = Propagation.MANDATORY)
    void add(Lead lead) {
        insert(List.of(Indexed.of(lead)));
    }

    /** Replaces the terms of a lead whose details changed. */
    @Transactional(propagation = Propagation.MANDATORY)
    void replace(Lead lead) {
        jdbc.sql("DELETE FROM lead_search_term WHERE lead_id = ?")
                .param(lead.getId())
                .update();
        insert(List.of(Indexed.of(lead)));
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
                .query((rs, n) -> new Indexed(
                        rs.getLong("id"),
                        rs.getString("reference"),
                        rs.getString("first_name"),
                        rs.getString("last_name"),
                        rs.getString("email"),
                        rs.getString("company"),
                        rs.getString("phone")))
                .list();
        insert(leads);
        jdbc.sql("UPDATE lead_search_backfill SET next_lead_id = ? WHERE id = 1")
                .param(upTo + 1)
                .update();
        return leads.size();
    }
}

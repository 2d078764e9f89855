package com.stackdesk.analytics.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The {@code form_counter} table. Adding is one {@code UPDATE ... SET n = n + ?} on the primary key
 * in a transaction of its own, so a row is locked only for that statement, never for the whole of
 * a caller's transaction. The first count of a key inserts its row; when a concurrent first count
 * (another instance's) inserted it meanwhile, the insert fails on the key and the update runs
 * again, in a new transaction (PostgreSQL ends a transaction at its first error).
 */
@Repository
public class FormCounters {

    /** One row. */
    public record Row(String form, String source, LocalDate weekStart, long views, long starts, long submissions) {}

    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;

    FormCounters(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Adds the counts to the key's row, creating the row first when it is missing. */
    public void add(String form, String source, LocalDate weekStart, long views, long starts, long submissions) {
        for (int attempt = 1; ; attempt++) {
            try {
                ownTransaction.executeWithoutResult(tx -> {
                    int updated = jdbc.sql("UPDATE form_counter SET views = views + ?, starts = starts + ?,"
                                    + " submissions = submissions + ? WHERE form = ? AND source = ? AND week_start = ?")
                            .params(views, starts, submissions, form, source, weekStart)
                            .update();
                    if (updated == 0) {
                        jdbc.sql("INSERT INTO form_counter (form, source, week_start, views, starts, submissions)"
                                        + " VALUES (?, ?, ?, ?, ?, ?)")
                                .params(form, source, weekStart, views, starts, submissions)
                                .update();
                    }
                });
                return;
            } catch (DuplicateKeyException concurrentFirst) {
                // another instance created the row between our update and insert: it is there now
                if (attempt == 3) {
                    throw concurrentFirst;
                }
            }
        }
    }

    /** Every row of the weeks starting on or after {@code firstWeek} (read through ix_form_counter_week). */
    public List<Row> since(LocalDate firstWeek) {
        return jdbc.sql("SELECT form, source, week_start, views, starts, submissions FROM form_counter"
                        + " WHERE week_start >= ?")
                .param(firstWeek)
                .query((rs, n) -> new Row(
                        rs.getString(1),
                        rs.getString(2),
                        Objects.requireNonNull(rs.getObject(3, LocalDate.class)),
                        rs.getLong(4),
                        rs.getLong(5),
                        rs.getLong(6)))
                .list();
    }
}

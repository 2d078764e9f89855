package com.stackdesk.lead;

import static org.assertj.core.api.Assertions.assertThat;

import com.stackdesk.MigratedDatabase;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The deadline sweep runs every minute over a lead table that keeps every lead ever answered: on
 * the migrated schema its query reads only the leads with a step pending (ix_lead_deadline_step),
 * and a rep's Today page and the grid's Overdue filter read their own ranges (H2 here, PostgreSQL
 * in the subclass). What the sweep finds is checked against rows written by hand.
 */
class DeadlineQueriesReadTheirIndexesTests {

    static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");
    static final int ANSWERED = 3000;

    JdbcTemplate jdbc;
    DataSource dataSource;

    /** A new, empty database migrated by the app's migrations. */
    DataSource newDatabase() {
        return MigratedDatabase.h2("deadline-queries");
    }

    @BeforeEach
    void migrateAndFill() {
        dataSource = newDatabase();
        jdbc = new JdbcTemplate(dataSource);
        var answered = new ArrayList<Object[]>();
        for (int i = 0; i < ANSWERED; i++) {
            var created = ts(NOW.minusSeconds(60L * (i + 10)));
            answered.add(new Object[] {"A" + i, "CONTACTED", created, created, null, null, 7L});
        }
        jdbc.batchUpdate(INSERT, answered);
        insert("R1", "NEW", NOW.minusSeconds(3600), "REMIND", NOW.minusSeconds(60), 7L); // due
        insert("R2", "NEW", NOW.minusSeconds(3600), "ALERT", NOW.minusSeconds(1), 8L); // due
        insert("R3", "NEW", NOW.minusSeconds(600), "REMIND", NOW.plusSeconds(600), 7L); // not yet
        jdbc.execute("ANALYZE");
    }

    static final String INSERT = "INSERT INTO lead (reference, kind, first_name, last_name, email, stack, status,"
            + " created_at, consent_version, consent_at, fingerprint, suspected_spam, version, source_label,"
            + " search_name, search_last_name, search_email, first_response_at, deadline_step, deadline_step_at,"
            + " assignee_id)"
            + " VALUES (?, 'CONSULTATION', 'Lee', 'Visitor', 'lee@example.com', 'GO', ?, ?, 'v1', ?, 'f', FALSE, 0,"
            + " 'direct', 'lee visitor', 'visitor', 'lee@example.com', NULL, ?, ?, ?)";

    private void insert(String reference, String status, Instant created, String step, Instant stepAt, long owner) {
        jdbc.update(INSERT, reference, status, ts(created), ts(created), step, ts(stepAt), owner);
    }

    static Timestamp ts(Instant instant) {
        return Timestamp.from(instant);
    }

    @Test
    void theSweepFindsTheDueStepsEarliestFirst() {
        var due = new LeadDeadlines(JdbcClient.create(dataSource)).due(NOW, 100);

        assertThat(due)
                .extracting(LeadDeadlines.DueStep::step)
                .containsExactly(DeadlineStep.REMIND, DeadlineStep.ALERT);
        assertThat(due)
                .extracting(LeadDeadlines.DueStep::leadId)
                .containsExactlyElementsOf(jdbc.queryForList(
                        "select id from lead where reference in ('R1', 'R2') order by reference", Long.class));
    }

    @Test
    void theSweepReadsOnlyPendingStepsFromTheirIndex() {
        var params = List.<Object>of(ts(Instant.EPOCH), ts(NOW), 100);
        assertThat(plan(LeadDeadlines.DUE_SQL, params)).containsIgnoringCase("IX_LEAD_DEADLINE_STEP");
        // the 2 due and the one after them, not the 3,000 answered leads' empty entries first
        assertReadsAtMost(LeadDeadlines.DUE_SQL, params, 3);
    }

    @Test
    void aRepsDueLeadsAreOneIndexRange() {
        var params = List.<Object>of(7L, ts(Instant.EPOCH), ts(NOW));
        assertThat(plan(LeadAgenda.MINE_DUE_SQL, params)).containsIgnoringCase("IX_LEAD_ASSIGNEE_NEXT_DUE");
        // rep 7 holds 3,002 leads, none with anything due here (next_due_at is NULL): their empty
        // entries, first in the index on H2, are not read
        assertReadsAtMost(LeadAgenda.MINE_DUE_SQL, params, 3);
    }

    @Test
    void theOverdueFilterReadsItsIndex() {
        var filter = LeadFilter.builder().due(LeadFilter.Due.overdue(NOW)).build();
        var sql = LeadSql.where(filter, null);
        var query = "SELECT COUNT(*) FROM lead WHERE " + sql.where;
        var params = sql.params.stream()
                .map(p -> p instanceof java.time.OffsetDateTime o ? (Object) ts(o.toInstant()) : p)
                .toList();
        assertThat(plan(query, params)).containsIgnoringCase("IX_LEAD_NEXT_DUE");
        // nothing is due in these rows: none of the 3,003 empty entries is read
        assertReadsAtMost(query, params, 3);
    }

    String plan(String sql, List<Object> params) {
        return MigratedDatabase.explain(jdbc, sql, params);
    }

    /** H2 counts the rows each table's index gave the query ({@code scanCount}); none may exceed {@code rows}. */
    void assertReadsAtMost(String sql, List<Object> params, int rows) {
        var plan = MigratedDatabase.explain(jdbc, "ANALYZE " + sql, params);
        var counts = java.util.regex.Pattern.compile("scanCount: (\\d+)")
                .matcher(plan)
                .results()
                .map(m -> Integer.parseInt(m.group(1)))
                .toList();
        assertThat(counts).as(plan).isNotEmpty().allSatisfy(count -> assertThat(count)
                .isLessThanOrEqualTo(rows));
    }
}

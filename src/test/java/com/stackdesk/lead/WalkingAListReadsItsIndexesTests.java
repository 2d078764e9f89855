package com.stackdesk.lead;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The lead page's Previous and Next ({@link LeadSearch#neighbours}) over the lists a rep triages:
 * "the first lead after this one" is read in the grid index's order from the current lead's place
 * on, one or two index entries, whichever end of a big table the lead sits at (H2 here,
 * PostgreSQL in the subclass).
 */
class WalkingAListReadsItsIndexesTests {

    static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");
    static final int LEADS = 3000;

    JdbcTemplate jdbc;

    DataSource newDatabase() {
        return com.stackdesk.MigratedDatabase.h2("list-walk");
    }

    @BeforeEach
    void migrateAndFill() {
        jdbc = new JdbcTemplate(newDatabase());
        var rows = new ArrayList<Object[]>();
        for (int i = 0; i < LEADS; i++) {
            var created = Timestamp.from(NOW.minusSeconds(60L * (i + 10)));
            rows.add(
                    new Object[] {"W" + i, i % 3 == 0 ? "NEW" : "CONTACTED", created, created, null, null, 7L + i % 4});
        }
        jdbc.batchUpdate(DeadlineQueriesReadTheirIndexesTests.INSERT, rows);
        jdbc.execute("ANALYZE");
    }

    /** The grid's ORDER BY terms and the current lead's values of their columns. */
    private Map<String, @Nullable Object> valuesOf(String reference, List<LeadSql.OrderTerm> terms) {
        var values = new HashMap<String, @Nullable Object>();
        for (var term : terms) {
            values.put(
                    term.column(),
                    jdbc.queryForObject(
                            "SELECT " + term.column() + " FROM lead WHERE reference = ?", Object.class, reference));
        }
        return values;
    }

    /** The plan of "the next lead after {@code reference}" in the list of {@code filter}, either way. */
    private String nextPlan(LeadFilter filter, String reference, boolean forward) {
        var grid = LeadSql.orderTerms(List.of(), filter);
        var terms =
                forward ? grid : grid.stream().map(LeadSql.OrderTerm::reversed).toList();
        var where = LeadSql.where(filter, null);
        var after = java.util.Objects.requireNonNull(LeadSql.after(terms, valuesOf(reference, grid)));
        var order = new java.util.StringJoiner(", ");
        terms.forEach(t -> order.add(t.sql()));
        var params = new ArrayList<>(where.params);
        params.addAll(after.params);
        return plan(
                LeadSql.first(List.of("created_at"), where.where + " AND " + after.where, order.toString()), params);
    }

    /** Read in the index's order and stopped at once: no sort of the range after the lead. */
    private static void assertReadInOrderFrom(String plan, String index) {
        assertThat(plan).containsPattern("(?i)" + index);
        if (plan.contains("/*")) {
            // H2: the rows come in the index's order, and only the first few are looked at
            assertThat(plan).contains("index sorted");
            assertThat(scanCount(plan)).isLessThan(10);
        } else {
            assertThat(plan).doesNotContain("Sort");
        }
    }

    private static int scanCount(String plan) {
        var matcher = java.util.regex.Pattern.compile("scanCount: (\\d+)").matcher(plan);
        int most = 0;
        while (matcher.find()) {
            most = Math.max(most, Integer.parseInt(matcher.group(1)));
        }
        return most;
    }

    @Test
    void nextAndPreviousInTheWholeListAreOneStepOfTheNewestIndex() {
        assertReadInOrderFrom(nextPlan(LeadFilter.NONE, "W1500", true), "ix_lead_newest");
        assertReadInOrderFrom(nextPlan(LeadFilter.NONE, "W1500", false), "ix_lead_newest");
        assertReadInOrderFrom(nextPlan(LeadFilter.NONE, "W2990", false), "ix_lead_newest");
    }

    @Test
    void aStatusAndStackListIsWalkedInItsIndex() {
        var filter = LeadFilter.builder()
                .status(LeadStatus.NEW)
                .stack(StackLeaning.GO)
                .build();
        // PostgreSQL may read ix_lead_newest instead, which holds status and stack as well: in order either way
        assertReadInOrderFrom(nextPlan(filter, "W1500", true), "ix_lead_(status_stack|newest)");
        assertReadInOrderFrom(nextPlan(filter, "W1500", false), "ix_lead_(status_stack|newest)");
    }

    @Test
    void aRepsListIsWalkedInTheirIndex() {
        var filter = LeadFilter.builder().assignee(LeadFilter.Assignee.of(8L)).build();
        assertReadInOrderFrom(nextPlan(filter, "W1501", true), "ix_lead_");
        assertReadInOrderFrom(nextPlan(filter, "W1501", false), "ix_lead_");
    }

    @Test
    void leadsTiedInTheSortedColumnsAreOneIndexLookup() {
        var terms = LeadSql.orderTerms(List.of(), LeadFilter.NONE);
        var same = LeadSql.equalTo(terms, valuesOf("W1500", terms));
        var params = new ArrayList<>(same.params);
        params.add(1500L);
        assertThat(plan(LeadSql.first(List.of(), same.where + " AND id < ?", "id DESC"), params))
                .containsIgnoringCase("ix_lead_newest");
    }

    String plan(String sql, List<Object> params) {
        var analyze = plansWithCounts() ? "EXPLAIN ANALYZE " : "EXPLAIN ";
        return String.join(
                "\n",
                jdbc.query(
                        analyze + sql,
                        ps -> {
                            for (int i = 0; i < params.size(); i++) {
                                var p = params.get(i);
                                ps.setObject(i + 1, p instanceof OffsetDateTime o ? Timestamp.from(o.toInstant()) : p);
                            }
                        },
                        (rs, n) -> rs.getString(1)));
    }

    /** H2's EXPLAIN ANALYZE reports how many index entries it read. */
    boolean plansWithCounts() {
        return true;
    }
}

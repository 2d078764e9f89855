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
import org.springframework.core.task.SyncTaskExecutor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The manager's figures over a lead table that keeps every lead ever received: on the migrated
 * schema the per-rep queries and the grid filters the dashboard links to each read an index (H2's
 * EXPLAIN names it), and the leads stored before sources were normalized get the normalized label
 * in chunks after the start (migration V80).
 */
class DashboardQueriesReadTheirIndexesTests {

    static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");
    static final int OLD_LEADS = 3000;

    JdbcTemplate jdbc;
    DataSource dataSource;

    @BeforeEach
    void migrateAndFill() {
        dataSource = MigratedDatabase.h2("dashboard-queries");
        jdbc = new JdbcTemplate(dataSource);
        var rows = new ArrayList<Object[]>();
        for (int i = 0; i < OLD_LEADS; i++) {
            var created = ts(NOW.minusSeconds(3600L * (i + 1)));
            rows.add(new Object[] {"O" + i, i % 3 == 0 ? "WON" : "NEW", created, created, (long) (i % 5)});
        }
        jdbc.batchUpdate(
                DeadlineQueriesReadTheirIndexesTests.INSERT,
                rows.stream()
                        .map(r -> new Object[] {r[0], r[1], r[2], r[3], null, null, r[4]})
                        .toList());
        jdbc.execute("ANALYZE");
    }

    static Timestamp ts(Instant instant) {
        return Timestamp.from(instant);
    }

    @Test
    void theOpenLoadPerRepReadsOnlyTheCountsPerOwner() {
        assertThat(plan(LeadStatistics.OPEN_LOAD_SQL, List.of()))
                .contains("\"PUBLIC\".\"OPEN_LEAD_COUNT\"")
                .doesNotContain("\"PUBLIC\".\"LEAD\"");
    }

    @Test
    void aPeriodsLeadsPerRepAreOneRangeOfTheNewestIndex() {
        assertThat(plan(LeadStatistics.REP_PERIOD_SQL, List.of(ts(NOW.minusSeconds(30 * 86400L)))))
                .containsIgnoringCase("IX_LEAD_NEWEST")
                .containsIgnoringCase("CREATED_AT >=");
    }

    /**
     * The first-response and rep figures read 30 days of leads (400,000 rows at a million recent
     * leads): every column they select or filter on is in ix_lead_newest, so H2 answers them from the
     * index entries without reading a row. Without the deadline in it they took 6.5 and 8 s on H2
     * instead of 1.7 and 2.2 (LeadSearchBenchmark, see the README).
     */
    @Test
    void theNewestIndexCarriesEveryColumnOfTheResponseAndRepFigures() {
        var columns = jdbc.queryForList(
                "SELECT c.column_name FROM information_schema.index_columns c"
                        + " WHERE c.index_name = 'IX_LEAD_NEWEST' AND c.table_name = 'LEAD' ORDER BY c.ordinal_position",
                String.class);
        assertThat(columns)
                .containsExactly(
                        "CREATED_AT",
                        "SUSPECTED_SPAM",
                        "ASSIGNEE_ID",
                        "STATUS",
                        "STACK",
                        "SOURCE_LABEL",
                        "FIRST_RESPONSE_AT",
                        "RESPONSE_DUE_AT");
        for (var column : LeadStatistics.REP_PERIOD_SQL
                .replaceAll("(?i)^SELECT (.*) FROM .*$", "$1")
                .toUpperCase(java.util.Locale.ROOT)
                .split(",\\s*")) {
            assertThat(columns).as("a column the reps' figures read").contains(column.strip());
        }
    }

    @Test
    void theChartsAreOneRangeOfTheNewestIndexForAManagerAndForARep() {
        for (var scope : List.of(LeadSql.where(LeadFilter.NONE, null), LeadSql.where(LeadFilter.NONE, 3L))) {
            var params = new ArrayList<Object>();
            for (int i = 0; i <= LeadStatistics.WEEKS; i++) {
                params.add(ts(NOW.minusSeconds(7 * 86400L * i)));
            }
            params.addAll(scope.params);
            params.add(ts(NOW.minusSeconds(LeadStatistics.CHART_DAYS * 86400L)));
            assertThat(plan(LeadStatistics.chartsSql(scope.where), params))
                    .as(scope.where)
                    .containsIgnoringCase("IX_LEAD_NEWEST")
                    .containsIgnoringCase("CREATED_AT >=");
        }
    }

    @Test
    void theGridFiltersTheFiguresLinkToReadAnIndex() {
        // "Open leads per rep" and "Unassigned open leads"
        assertThat(gridPlan(LeadFilter.builder()
                        .open(true)
                        .assignee(LeadFilter.Assignee.of(3))
                        .build()))
                .containsIgnoringCase("IX_LEAD_");
        assertThat(gridPlan(LeadFilter.builder()
                        .open(true)
                        .assignee(LeadFilter.Assignee.UNASSIGNED)
                        .build()))
                .containsIgnoringCase("IX_LEAD_");
        // a rep's answered-late leads of a period
        assertThat(gridPlan(LeadFilter.NONE.toBuilder()
                        .assignee(LeadFilter.Assignee.of(3))
                        .created(NOW.minusSeconds(7 * 86400L), null)
                        .response(LeadFilter.FirstResponse.of(LeadFilter.FirstResponse.State.LATE, NOW))
                        .build()))
                .containsIgnoringCase("IX_LEAD_");
        // "Waiting for a first response"
        assertThat(gridPlan(LeadFilter.NONE.toBuilder()
                        .status(LeadStatus.NEW)
                        .response(LeadFilter.FirstResponse.of(LeadFilter.FirstResponse.State.NONE, NOW))
                        .build()))
                .containsIgnoringCase("IX_LEAD_");
    }

    @Test
    void aLostReasonsPageIsReadInOrderFromOneRangeOfItsIndexAndTheCountPerReasonFromItsEntries() {
        jdbc.update("update lead set status = 'LOST', lost_reason_label = 'Budget' where mod(id, 7) = 0");
        jdbc.update("update lead set status = 'LOST' where mod(id, 11) = 0");
        jdbc.execute("ANALYZE");

        for (var reason : List.of("Budget", LostReasons.NOT_GIVEN)) {
            var filter = LeadFilter.builder()
                    .status(LeadStatus.LOST)
                    .lostReason(reason)
                    .build();
            var sql = LeadSql.where(filter, null);
            assertThat(plan(
                            "SELECT " + LeadSql.ROW_COLUMNS + " FROM lead WHERE " + sql.where + " ORDER BY "
                                    + LeadSql.orderBy(List.of(), filter) + " OFFSET 0 ROWS FETCH FIRST 50 ROWS ONLY",
                            sql.params))
                    .as(reason)
                    .containsIgnoringCase("IX_LEAD_LOST_REASON_NEWEST")
                    .contains("index sorted");
        }
        assertThat(plan(LostReasons.perReasonSql(true), List.of())).containsIgnoringCase("IX_LEAD_LOST_REASON_NEWEST");
        assertThat(plan(LostReasons.perReasonSql(false), List.of(3L)))
                .containsIgnoringCase("IX_LEAD_LOST_REASON_NEWEST");
    }

    @Test
    void earlierLeadsGetTheirNormalizedSourceInChunksAndTheRawValueStays() {
        jdbc.update("update lead set utm_source = 'Google.com', source_label = 'Google.com' where reference = 'O1'");
        jdbc.update("update lead set referrer = 'https://www.linkedin.com/feed/', source_label = 'linkedin.com'"
                + " where reference = 'O2'");
        jdbc.update("update lead set utm_source = 'newsletter', source_label = 'newsletter' where reference = 'O3'");
        // the migration armed the backfill on an empty table: arm it as if these leads were there before
        jdbc.update("update lead_source_backfill set last_lead_id = (select max(id) from lead)");

        var backfill = new LeadSourceBackfill(
                JdbcClient.create(dataSource),
                jdbc,
                new TransactionTemplate(new DataSourceTransactionManager(dataSource)),
                new SyncTaskExecutor());
        long changed = backfill.backfill();

        assertThat(changed)
                .as("O1 and O2; O3 and the 'direct' ones were right already")
                .isEqualTo(2);
        assertThat(jdbc.queryForList(
                        "select source_label from lead where reference in ('O1', 'O2', 'O3', 'O4') order by reference",
                        String.class))
                .containsExactly("google", "linkedin", "newsletter", "direct");
        assertThat(jdbc.queryForObject("select utm_source from lead where reference = 'O1'", String.class))
                .isEqualTo("Google.com");
        assertThat(jdbc.queryForObject("select count(*) from lead_source_backfill", Integer.class))
                .as("done: the next start has nothing to do")
                .isZero();
        assertThat(backfill.backfill()).isZero();
    }

    private String gridPlan(LeadFilter filter) {
        var sql = LeadSql.where(filter, null);
        return plan(
                "SELECT COUNT(*) FROM lead WHERE " + sql.where,
                sql.params.stream()
                        .map(p -> p instanceof java.time.OffsetDateTime o ? (Object) ts(o.toInstant()) : p)
                        .toList());
    }

    String plan(String sql, List<Object> params) {
        return MigratedDatabase.explain(jdbc, sql, params);
    }
}

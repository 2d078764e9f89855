package com.stackdesk.lead;

import static org.assertj.core.api.Assertions.assertThat;

import com.stackdesk.MigratedDatabase;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The grid's and the export's SQL (from {@link LeadSql}) can be answered from the V11 indexes on
 * PostgreSQL too, and the search's prefix matches from the search terms' key (V70, in C order by V71).
 * Sequential and bitmap scans are switched off, so the plans show which index PostgreSQL can use at all, and in what order,
 * whatever the few rows of a test database would make it prefer.
 */
// a freshly migrated database with no app around it (MigratedDatabase#postgres), filled below
class LeadQueriesUseTheirIndexesOnPostgresTests {

    private static SingleConnectionDataSource dataSource;

    @BeforeAll
    static void migrateANewDatabase() {
        dataSource = MigratedDatabase.postgres();
        // some leads of every status, stack and age, with their statistics: on an empty table every
        // index costs the same, and PostgreSQL takes whichever it meets first, the newest one
        var jdbc = new org.springframework.jdbc.core.JdbcTemplate(dataSource);
        jdbc.update("INSERT INTO lead (reference, kind, first_name, last_name, email, stack, status, created_at,"
                + " consent_version, consent_at, fingerprint, suspected_spam, version, source_label, search_name,"
                + " search_last_name, search_email, lost_reason_label)"
                + " SELECT 'SD-P' || g, 'CONSULTATION', 'Lee', 'Visitor', 'lee' || g || '@example.com',"
                + " (ARRAY['NODE_JS','PYTHON','GO','JAVA','PHP','RUBY','OTHER','NOT_SURE'])[1 + g % 8],"
                + " (ARRAY['NEW','CONTACTED','QUALIFIED','PROPOSAL','WON','LOST'])[1 + g % 6],"
                + " now() - g * interval '1 hour', 'v1', now(), 'f' || g, FALSE, 0, 'direct', 'lee visitor',"
                + " 'visitor', 'lee' || g || '@example.com', CASE WHEN g % 12 = 5 THEN 'Budget' END"
                + " FROM generate_series(1, 6000) g");
        jdbc.execute("ANALYZE lead");
    }

    @AfterAll
    static void closeIt() {
        dataSource.destroy();
    }

    private String plan(String sql, List<Object> params) throws SQLException {
        try (var connection = dataSource.getConnection()) {
            try (var off = connection.createStatement()) {
                off.execute("SET enable_seqscan = off");
                off.execute("SET enable_bitmapscan = off");
            }
            try (var explain = connection.prepareStatement("EXPLAIN " + sql)) {
                for (int i = 0; i < params.size(); i++) {
                    explain.setObject(i + 1, params.get(i));
                }
                var lines = new ArrayList<String>();
                try (var rs = explain.executeQuery()) {
                    while (rs.next()) {
                        lines.add(rs.getString(1));
                    }
                }
                return String.join("\n", lines);
            } finally {
                try (var reset = connection.createStatement()) {
                    reset.execute("RESET enable_seqscan");
                    reset.execute("RESET enable_bitmapscan");
                }
            }
        }
    }

    private String pagePlan(LeadFilter filter) throws SQLException {
        var sql = LeadSql.where(filter, null);
        return plan(
                "SELECT " + LeadSql.ROW_COLUMNS + " FROM lead WHERE " + sql.where + " ORDER BY "
                        + LeadSql.orderBy(List.of(), filter) + " OFFSET 0 ROWS FETCH FIRST 50 ROWS ONLY",
                sql.params);
    }

    @Test
    void eachWordOfTheSearchIsOneRangeOfTheTermsKey() throws SQLException {
        var query = LeadSearchTerms.query("Ana Lim");
        var plan = plan(LeadSql.searchIds(query), LeadSql.searchParams(query));

        assertThat(plan)
                .contains("pk_lead_search_term")
                .contains("term >= 'ana'")
                .contains("term >= 'lim'")
                .doesNotContain("Seq Scan");
    }

    @Test
    void aPhoneSearchIsARangeOfTheTermsKeyToo() throws SQLException {
        var query = LeadSearchTerms.query("030 6433012");
        var plan = plan(LeadSql.searchIds(query), LeadSql.searchParams(query));

        assertThat(plan)
                .contains("pk_lead_search_term")
                .contains("term >= '#210334603'")
                .doesNotContain("Seq Scan");
    }

    @Test
    void theNewestFirstPageIsReadInIndexOrder() throws SQLException {
        assertThat(pagePlan(LeadFilter.NONE))
                .contains("Index Scan using ix_lead_newest")
                .doesNotContain("Sort");
    }

    @Test
    void aStatusAndStackPageIsReadFromTheirIndex() throws SQLException {
        assertThat(pagePlan(LeadFilter.builder()
                        .status(LeadStatus.NEW)
                        .stack(StackLeaning.GO)
                        .build()))
                .contains("ix_lead_status_stack")
                .doesNotContain("Sort");
    }

    @Test
    void anAssigneesPageIsReadFromAnIndexInOrder() throws SQLException {
        assertThat(pagePlan(
                        LeadFilter.builder().assignee(LeadFilter.Assignee.of(7)).build()))
                .containsPattern("ix_lead_(assignee|newest)")
                .doesNotContain("Sort");
    }

    @Test
    void aLostReasonsPageIsReadFromItsIndexInOrder() throws SQLException {
        for (var reason : List.of("Budget", LostReasons.NOT_GIVEN)) {
            assertThat(pagePlan(LeadFilter.builder()
                            .status(LeadStatus.LOST)
                            .lostReason(reason)
                            .build()))
                    .as(reason)
                    .contains("ix_lead_lost_reason_newest")
                    .doesNotContain("Sort");
        }
    }

    @Test
    void theExportStreamsEveryLeadInIndexOrder() throws SQLException {
        var sql = LeadSql.where(LeadFilter.NONE, null);
        var plan = plan(
                "SELECT reference FROM lead WHERE " + sql.where + " ORDER BY "
                        + LeadSql.orderBy(List.of(), LeadFilter.NONE),
                sql.params);

        assertThat(plan).contains("Index Scan using ix_lead_newest").doesNotContain("Sort");
    }
}

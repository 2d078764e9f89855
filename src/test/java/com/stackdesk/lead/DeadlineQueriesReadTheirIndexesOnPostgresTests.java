package com.stackdesk.lead;

import static org.assertj.core.api.Assertions.assertThat;

import com.stackdesk.MigratedDatabase;
import java.util.List;
import javax.sql.DataSource;

/** The deadline queries on PostgreSQL, with sequential scans switched off ({@link MigratedDatabase#postgres()}). */
class DeadlineQueriesReadTheirIndexesOnPostgresTests extends DeadlineQueriesReadTheirIndexesTests {

    @Override
    DataSource newDatabase() {
        return MigratedDatabase.postgres();
    }

    /** One range of either index on next_due_at that also holds the assignee, whichever the planner takes. */
    @Override
    @org.junit.jupiter.api.Test
    void aRepsDueLeadsAreOneIndexRange() {
        assertThat(plan(LeadAgenda.MINE_DUE_SQL, List.of(7L, ts(java.time.Instant.EPOCH), ts(NOW))))
                .containsPattern("Index Scan using ix_lead_(assignee_)?next_due")
                .containsPattern(
                        "Index Cond: .*next_due_at >= .*next_due_at < .*assignee_id =|Index Cond: .*assignee_id = .*next_due_at >= .*next_due_at <");
    }

    /** PostgreSQL's plans count no rows; {@link #plan} checks they read an index, not the table. */
    @Override
    void assertReadsAtMost(String sql, List<Object> params, int rows) {}

    @Override
    String plan(String sql, List<Object> params) {
        var plan = super.plan(sql, params);
        assertThat(plan).doesNotContain("Seq Scan");
        return plan;
    }
}

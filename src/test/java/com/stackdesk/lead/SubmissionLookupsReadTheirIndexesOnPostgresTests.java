package com.stackdesk.lead;

import static org.assertj.core.api.Assertions.assertThat;

import com.stackdesk.MigratedDatabase;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** A submission's look-ups on PostgreSQL, with sequential scans switched off ({@link MigratedDatabase#postgres()}). */
class SubmissionLookupsReadTheirIndexesOnPostgresTests extends SubmissionLookupsReadTheirIndexesTests {

    @Override
    DataSource newDatabase() {
        return MigratedDatabase.postgres();
    }

    @Override
    void assertTimelineReadFromOneIndex(String sql) {
        assertThat(plan(sql, List.of(42L)))
                .containsPattern("Index (Only )?Scan (using|on) ix_lead_activity_lead")
                .doesNotContain("Seq Scan");
    }

    @Override
    void assertBatchReadInIndexOrder(String sql) {
        assertThat(plan(sql, List.of(50)))
                .containsPattern("Index (Only )?Scan using ix_lead_routing_pending")
                .doesNotContainPattern("(?m)^\\s*(->\\s*)?Sort  \\(")
                .doesNotContain("Seq Scan");
    }

    /**
     * As autovacuum leaves a table between bursts of changes: pages whose rows every transaction
     * sees are marked so, and an index-only scan need not visit them.
     */
    @Override
    void settle() {
        jdbc.execute("VACUUM ANALYZE lead");
    }

    /** A table of one row per owner, which PostgreSQL may read whole (it has three rows here). */
    @Override
    void assertOpenLoadReadFromTheCountsAlone(String sql) {
        assertThat(plan(sql, List.of(7L, 8L, 9L)))
                .contains(" on open_lead_count")
                .doesNotContain(" on lead ");
    }

    @Override
    @Test
    void bothLookUpsReadOneIndexRange() {
        assertThat(plan(LeadRegistration.referencesTakenSql(3), List.of("SD-42", "SD-NEW", "SD-7")))
                // a probe of the unique index per reference (as a bitmap scan when the planner likes)
                .containsPattern("Index (Only )?Scan (using|on) uk_lead_reference")
                .doesNotContain("Seq Scan");
        assertThat(plan(LeadRegistration.RECENT_DUPLICATE_SQL, List.of("twice", since(3600))))
                .containsPattern("Index (Only )?Scan (Backward )?using ix_lead_fingerprint")
                .doesNotContain("Sort")
                .doesNotContain("Seq Scan");
    }
}

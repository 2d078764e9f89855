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
    void assertBatchReadInIndexOrder(String sql) {
        assertThat(plan(sql, List.of(50)))
                .containsPattern("Index (Only )?Scan using ix_lead_routing_pending")
                .doesNotContainPattern("(?m)^\\s*(->\\s*)?Sort  \\(")
                .doesNotContain("Seq Scan");
    }

    @Override
    @Test
    void bothLookUpsReadOneIndexRange() {
        assertThat(plan(LeadRegistration.REFERENCE_TAKEN_SQL, List.of("SD-42")))
                .containsPattern("Index (Only )?Scan using uk_lead_reference")
                .doesNotContain("Seq Scan");
        assertThat(plan(LeadRegistration.RECENT_DUPLICATE_SQL, List.of("twice", since(3600))))
                .containsPattern("Index (Only )?Scan (Backward )?using ix_lead_fingerprint")
                .doesNotContain("Sort")
                .doesNotContain("Seq Scan");
    }
}

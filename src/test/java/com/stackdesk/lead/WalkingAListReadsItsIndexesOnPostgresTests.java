package com.stackdesk.lead;

import static org.assertj.core.api.Assertions.assertThat;

import com.stackdesk.MigratedDatabase;
import java.util.List;
import javax.sql.DataSource;

/**
 * Previous and Next on PostgreSQL. Sequential scans are switched off, so the plans show which
 * index PostgreSQL can use at all, whatever the few rows of a test database would make it prefer.
 */
class WalkingAListReadsItsIndexesOnPostgresTests extends WalkingAListReadsItsIndexesTests {

    @Override
    DataSource newDatabase() {
        // one connection: SET enable_seqscan holds for the EXPLAIN that follows it
        return MigratedDatabase.postgres();
    }

    @Override
    boolean plansWithCounts() {
        return false;
    }

    @Override
    String plan(String sql, List<Object> params) {
        jdbc.execute("SET enable_seqscan = off");
        var plan = super.plan(sql, params);
        assertThat(plan).doesNotContain("Seq Scan");
        return plan;
    }
}

package com.stackdesk.lead;

import static org.assertj.core.api.Assertions.assertThat;

import com.stackdesk.PostgresServer;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Previous and Next on PostgreSQL. Sequential scans are switched off, so the plans show which
 * index PostgreSQL can use at all, whatever the few rows of a test database would make it prefer.
 */
class WalkingAListReadsItsIndexesOnPostgresTests extends WalkingAListReadsItsIndexesTests {

    @Override
    DataSource newDatabase() {
        var database = PostgresServer.createDatabase();
        // one connection: SET enable_seqscan holds for the EXPLAIN that follows it
        var postgres = new SingleConnectionDataSource(database.url(), database.username(), database.password(), true);
        DeadlineQueriesReadTheirIndexesTests.migrate(postgres, "postgresql");
        return postgres;
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

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

    @Override
    String plan(String sql, List<Object> params) {
        var plan = super.plan(sql, params);
        assertThat(plan).doesNotContain("Seq Scan");
        return plan;
    }
}

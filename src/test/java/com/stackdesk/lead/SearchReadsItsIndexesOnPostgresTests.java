package com.stackdesk.lead;

import static org.assertj.core.api.Assertions.assertThat;

import com.stackdesk.MigratedDatabase;
import java.util.List;
import javax.sql.DataSource;

/** {@link SearchReadsItsIndexesTests} on PostgreSQL, with the table's statistics from ANALYZE. */
class SearchReadsItsIndexesOnPostgresTests extends SearchReadsItsIndexesTests {

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

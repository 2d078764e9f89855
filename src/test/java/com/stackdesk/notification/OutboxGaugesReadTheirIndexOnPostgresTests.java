package com.stackdesk.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.stackdesk.PostgresServer;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The outbox gauges' queries on PostgreSQL. Sequential scans are switched off, so the plans show
 * which index PostgreSQL can use at all, whatever the few rows of a test database would make it prefer.
 */
class OutboxGaugesReadTheirIndexOnPostgresTests extends OutboxGaugesReadTheirIndexTests {

    @Override
    DataSource newDatabase() {
        var database = PostgresServer.createDatabase();
        var dataSource = new DriverManagerDataSource(database.url(), database.username(), database.password());
        migrate(dataSource, "postgresql");
        return dataSource;
    }

    @Override
    @Test
    void theOldestPendingEmailIsOneIndexEntry() {
        assertThat(plan(OutboxMetrics.OLDEST_PENDING_SQL))
                .contains("Limit")
                .containsPattern("Index (Only )?Scan using ix_outbound_email_pending_age")
                .doesNotContain("Sort")
                .doesNotContain("Seq Scan");
    }

    @Override
    @Test
    void countingThePendingEmailsReadsNoSentOnes() {
        assertThat(plan(OutboxMetrics.PENDING_SQL))
                .containsPattern("Index (Only )?Scan using ix_outbound_email_(due|pending_age)")
                .containsPattern("Index Cond: \\(+status\\)?(::text)? = 'PENDING'::text\\)")
                .doesNotContain("Seq Scan");
    }

    @Override
    String plan(String sql) {
        return jdbc.execute((java.sql.Connection connection) -> {
            try (var statement = connection.createStatement()) {
                statement.execute("SET enable_seqscan = off");
                var lines = new java.util.ArrayList<String>();
                try (var rs = statement.executeQuery("EXPLAIN " + sql)) {
                    while (rs.next()) {
                        lines.add(rs.getString(1));
                    }
                }
                return String.join("\n", lines);
            }
        });
    }
}

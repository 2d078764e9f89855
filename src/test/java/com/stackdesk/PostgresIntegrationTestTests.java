package com.stackdesk;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** A {@link PostgresIntegrationTest} really runs on PostgreSQL, in a migrated database of its own. */
@IntegrationTest
@PostgresIntegrationTest
class PostgresIntegrationTestTests {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void runsOnPostgresqlFifteenOrNewer() {
        assertThat(jdbc.queryForObject("SELECT version()", String.class)).startsWith("PostgreSQL");
        assertThat(jdbc.queryForObject("SHOW server_version_num", Integer.class))
                .isGreaterThanOrEqualTo(150000);
    }

    @Test
    void getsAFreshDatabaseMigratedByFlyway() {
        assertThat(jdbc.queryForObject("SELECT current_database()", String.class))
                .startsWith("test_");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM flyway_schema_history WHERE NOT success", Integer.class))
                .isZero();
    }
}

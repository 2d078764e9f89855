package com.stackdesk;

/** The same fresh installation on PostgreSQL: its database is created and migrated by the context. */
@PostgresIntegrationTest(migratedByTheContext = true)
class FreshDatabaseOutlivesItsConnectionsOnPostgresTests extends FreshDatabaseOutlivesItsConnectionsTests {

    @Override
    String sessionsQuery() {
        return "SELECT CAST(pid AS BIGINT) FROM pg_stat_activity WHERE datname = current_database()";
    }

    @Override
    String sessionDetailsQuery() {
        return "SELECT pid, state, query, xact_start FROM pg_stat_activity WHERE datname = current_database()";
    }
}

package com.stackdesk;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * New, empty databases migrated by the app's own migrations, for tests that fill a table by hand
 * and read query plans without starting the app: an H2 in-memory database, or a database of its own
 * on the test PostgreSQL server with sequential scans switched off (so a plan shows which index
 * PostgreSQL can use at all, whatever the few rows of a test database would make it prefer).
 */
public final class MigratedDatabase {

    private MigratedDatabase() {}

    /** An H2 in-memory database, named after {@code purpose}. */
    public static DataSource h2(String purpose) {
        var h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:" + purpose + "-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        migrate(h2, "h2");
        return h2;
    }

    /** A PostgreSQL database over one connection, so that {@code SET enable_seqscan = off} holds for it. */
    public static SingleConnectionDataSource postgres() {
        var database = PostgresServer.createDatabase();
        var postgres = new SingleConnectionDataSource(database.url(), database.username(), database.password(), true);
        migrate(postgres, "postgresql");
        new JdbcTemplate(postgres).execute("SET enable_seqscan = off");
        return postgres;
    }

    private static void migrate(DataSource dataSource, String vendor) {
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration", "classpath:db/migration-" + vendor)
                .load()
                .migrate();
    }

    /** The plan of {@code EXPLAIN <sql>} with {@code params}, one line per row. */
    public static String explain(JdbcTemplate jdbc, String sql, List<?> params) {
        var lines = new ArrayList<String>();
        jdbc.query(
                "EXPLAIN " + sql,
                ps -> {
                    for (int i = 0; i < params.size(); i++) {
                        ps.setObject(i + 1, params.get(i));
                    }
                },
                rs -> {
                    lines.add(rs.getString(1));
                });
        return String.join("\n", lines);
    }
}

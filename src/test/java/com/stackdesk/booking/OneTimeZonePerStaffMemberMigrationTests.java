package com.stackdesk.booking;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Migration V85 on a database that has call hours in zones of their own: each staff member ends
 * with one zone, the one their call hours now count in, and the audit trail says where the two
 * differed. Plain Flyway on an H2 database of its own, no Spring context.
 */
class OneTimeZonePerStaffMemberMigrationTests {

    @Test
    void callHoursZonesMoveToTheStaffMembersWhoHadNoneAndMismatchesAreAudited() throws IOException {
        var db = new JdbcDataSource();
        db.setURL("jdbc:h2:mem:v85-migration;DB_CLOSE_DELAY=-1");
        var flyway = Flyway.configure().dataSource(db).locations("filesystem:db/migration");
        flyway.target(lastVersionBefore(85)).load().migrate();
        var jdbc = new JdbcTemplate(db);
        // ana chose no zone; ben chose Lisbon but keeps call hours in Berlin; chloe chose Berlin for both;
        // dev has no call hours
        long ana = staff(jdbc, "ana", null);
        long ben = staff(jdbc, "ben", "Europe/Lisbon");
        long chloe = staff(jdbc, "chloe", "Europe/Berlin");
        long dev = staff(jdbc, "dev", null);
        jdbc.update("insert into call_schedule (staff_id, time_zone) values (?, 'America/New_York')", ana);
        jdbc.update("insert into call_schedule (staff_id, time_zone) values (?, 'Europe/Berlin')", ben);
        jdbc.update("insert into call_schedule (staff_id, time_zone) values (?, 'Europe/Berlin')", chloe);
        jdbc.update(
                "insert into call_hours (staff_id, day_of_week, from_time, to_time) values (?, 1, '09:00:00', '17:00:00')",
                ben);

        flyway.target("85").load().migrate();

        assertThat(zoneOf(jdbc, ana)).as("takes the zone of the call hours").isEqualTo("America/New_York");
        assertThat(zoneOf(jdbc, ben)).as("keeps the zone chosen").isEqualTo("Europe/Lisbon");
        assertThat(zoneOf(jdbc, chloe)).isEqualTo("Europe/Berlin");
        assertThat(zoneOf(jdbc, dev)).as("no call hours, no change").isNull();
        assertThat(jdbc.queryForObject("select count(*) from call_hours where staff_id = ?", Integer.class, ben))
                .isEqualTo(1);
        assertThat(jdbc.queryForList(
                        "select staff_id, field, old_value, new_value from staff_audit where actor = 'migration V85'"
                                + " order by staff_id"))
                .containsExactly(
                        row(ana, "time zone", null, "America/New_York"),
                        row(ben, "call hours time zone", "Europe/Berlin", "Europe/Lisbon"));
        assertThat(jdbc.queryForList(
                        "select column_name from information_schema.columns where lower(table_name) = 'call_schedule'",
                        String.class))
                .extracting(String::toLowerCase)
                .containsExactly("staff_id");
    }

    /** The newest migration before {@code version} (Flyway's target must name one that exists). */
    private static String lastVersionBefore(int version) throws IOException {
        try (var files = Files.list(Path.of("db", "migration"))) {
            return String.valueOf(files.map(f -> f.getFileName().toString())
                    .filter(name -> name.matches("V\\d+__.*\\.sql"))
                    .mapToInt(name -> Integer.parseInt(name.substring(1, name.indexOf("__"))))
                    .filter(v -> v < version)
                    .max()
                    .orElseThrow());
        }
    }

    private static long staff(JdbcTemplate jdbc, String username, String zone) {
        jdbc.update(
                "insert into staff (username, full_name, email, password_hash, role, active, generalist, capacity,"
                        + " weight, created_at, version, time_zone)"
                        + " values (?, ?, ?, 'x', 'SALES', true, false, 10, 1, current_timestamp, 0, ?)",
                username,
                username,
                username + "@example.com",
                zone);
        return jdbc.queryForObject("select id from staff where username = ?", Long.class, username);
    }

    private static String zoneOf(JdbcTemplate jdbc, long id) {
        return jdbc.queryForObject("select time_zone from staff where id = ?", String.class, id);
    }

    private static Map<String, Object> row(long staffId, String field, String oldValue, String newValue) {
        var row = new java.util.LinkedHashMap<String, Object>();
        row.put("STAFF_ID", staffId);
        row.put("FIELD", field);
        row.put("OLD_VALUE", oldValue);
        row.put("NEW_VALUE", newValue);
        return row;
    }
}

package com.stackdesk.booking;

import static org.assertj.core.api.Assertions.assertThat;

import com.stackdesk.MigratedDatabase;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The booking module's queries on the thank-you page, the lead page, the reminder sweep and the
 * grid's "call booked" can each be answered from an index on PostgreSQL (the SQL Hibernate sends
 * for the repository's JPQL, written out). Sequential scans are switched off, so the plans show
 * which index PostgreSQL can use at all, whatever the few rows of a test database would make it prefer.
 */
// query plans depend on the database's statistics: a freshly migrated one, as in production, with
// no app around it (MigratedDatabase#postgres)
class BookingQueriesUseTheirIndexesOnPostgresTests {

    static final Timestamp NOW = Timestamp.from(Instant.parse("2026-12-01T09:00:00Z"));
    static final Timestamp LATER = Timestamp.from(Instant.parse("2026-12-20T09:00:00Z"));

    private static SingleConnectionDataSource dataSource;

    @BeforeAll
    static void migrateANewDatabase() {
        dataSource = MigratedDatabase.postgres();
    }

    @AfterAll
    static void closeIt() {
        dataSource.destroy();
    }

    @Test
    void aRepsBookedCallsOfAPeriodAreARangeOfTheSlotConstraintsIndex() throws SQLException {
        assertThat(plan(
                        "select * from booked_call where staff_id in (?, ?) and active_starts_at >= ?"
                                + " and active_starts_at < ? order by active_starts_at",
                        List.of(1L, 2L, NOW, LATER)))
                .contains("uk_booked_call_slot")
                .doesNotContain("Seq Scan");
    }

    @Test
    void aLeadsCallIsFoundThroughItsIndexes() throws SQLException {
        assertThat(plan("select * from booked_call where active_lead_id = ?", List.of(1L)))
                .contains("uk_booked_call_lead")
                .doesNotContain("Seq Scan");
        assertThat(plan(
                        "select * from booked_call where lead_id = ? order by id desc fetch first 1 rows only",
                        List.of(1L)))
                .contains("ix_booked_call_lead")
                .doesNotContain("Seq Scan");
    }

    @Test
    void dueRemindersAreReadFromTheirIndex() throws SQLException {
        assertThat(plan(
                        "select id from booked_call where reminder_due_at <= ? order by reminder_due_at"
                                + " fetch first 100 rows only",
                        List.of(NOW)))
                .contains("ix_booked_call_reminder")
                .doesNotContain("Seq Scan");
    }

    @Test
    void absencesAndCallHoursOfTheCandidateRepsAreReadThroughTheirIndexes() throws SQLException {
        assertThat(plan(
                        "select * from staff_absence where staff_id in (?, ?) and ends_on >= ? and starts_on <= ?",
                        List.of(1L, 2L, java.sql.Date.valueOf("2026-12-01"), java.sql.Date.valueOf("2026-12-20"))))
                .contains("ix_staff_absence_staff")
                .doesNotContain("Seq Scan");
        assertThat(plan("select * from call_hours where staff_id in (?, ?)", List.of(1L, 2L)))
                .contains("pk_call_hours")
                .doesNotContain("Seq Scan");
    }

    @Test
    void theGridsCallBookedFilterUsesItsIndex() throws SQLException {
        assertThat(plan("select id from lead where call_at is not null", List.of()))
                .contains("ix_lead_call_at")
                .doesNotContain("Seq Scan");
    }

    private String plan(String sql, List<Object> params) throws SQLException {
        try (var connection = dataSource.getConnection()) {
            try (var off = connection.createStatement()) {
                off.execute("SET enable_seqscan = off");
            }
            try (var explain = connection.prepareStatement("EXPLAIN " + sql)) {
                for (int i = 0; i < params.size(); i++) {
                    explain.setObject(i + 1, params.get(i));
                }
                var lines = new ArrayList<String>();
                try (var rs = explain.executeQuery()) {
                    while (rs.next()) {
                        lines.add(rs.getString(1));
                    }
                }
                return String.join("\n", lines);
            } finally {
                try (var reset = connection.createStatement()) {
                    reset.execute("RESET enable_seqscan");
                }
            }
        }
    }
}

package com.stackdesk.lead;

import static org.assertj.core.api.Assertions.assertThat;

import com.stackdesk.MigratedDatabase;
import com.stackdesk.lead.internal.Leads;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every submission asks whether its new reference is taken and whether the same request came in
 * within the duplicate window: on a lead table of any size each is one index look-up (H2 here,
 * PostgreSQL in the subclass). The answers are checked against rows written by hand.
 */
class SubmissionLookupsReadTheirIndexesTests {

    static final Instant NOW = DeadlineQueriesReadTheirIndexesTests.NOW;
    static final int LEADS = 3000;

    JdbcTemplate jdbc;

    /** A new, empty database migrated by the app's migrations. */
    DataSource newDatabase() {
        return MigratedDatabase.h2("submission-lookups");
    }

    @BeforeEach
    void migrateAndFill() {
        jdbc = new JdbcTemplate(newDatabase());
        var rows = new ArrayList<Object[]>();
        for (int i = 0; i < LEADS; i++) {
            var created = DeadlineQueriesReadTheirIndexesTests.ts(NOW.minusSeconds(60L * (i + 10)));
            rows.add(new Object[] {"SD-" + i, "CONTACTED", created, created, null, null, 7L});
        }
        jdbc.batchUpdate(DeadlineQueriesReadTheirIndexesTests.INSERT, rows);
        // the same request twice: an hour ago and a minute ago
        jdbc.update("UPDATE lead SET fingerprint = 'twice' WHERE reference IN ('SD-50', 'SD-0')");
        jdbc.execute("ANALYZE");
    }

    @Test
    void theReferencesTakenAreThoseSomeLeadHas() {
        assertThat(jdbc.queryForList(LeadRegistration.referencesTakenSql(3), String.class, "SD-42", "SD-NEW", "SD-7"))
                .containsExactlyInAnyOrder("SD-42", "SD-7");
        assertThat(jdbc.queryForList(LeadRegistration.referencesTakenSql(1), String.class, "SD-NEW"))
                .isEmpty();
    }

    @Test
    void theRecentDuplicateIsTheNewestLeadOfTheSameRequestWithinTheWindow() {
        assertThat(jdbc.queryForList(LeadRegistration.RECENT_DUPLICATE_SQL, String.class, "twice", since(2 * 3600)))
                .containsExactly("SD-0");
        assertThat(jdbc.queryForList(LeadRegistration.RECENT_DUPLICATE_SQL, String.class, "twice", since(60)))
                .isEmpty();
    }

    @Test
    void bothLookUpsReadOneIndexRange() {
        assertThat(plan(LeadRegistration.referencesTakenSql(3), List.of("SD-42", "SD-NEW", "SD-7")))
                .containsIgnoringCase("UK_LEAD_REFERENCE")
                .doesNotContain("tableScan");
        assertThat(plan(LeadRegistration.RECENT_DUPLICATE_SQL, List.of("twice", since(3600))))
                .containsIgnoringCase("IX_LEAD_FINGERPRINT")
                .doesNotContain("tableScan");
    }

    @Test
    void routingTakesItsBatchFromTheFrontOfTheWaitingLeadsIndex() {
        jdbc.update("UPDATE lead SET routing_pending = TRUE WHERE id % 10 = 0"); // 300 waiting
        var sql = Leads.ROUTING_PENDING_SQL.replace(":limit", "?");

        assertThat(jdbc.queryForList(sql, Long.class, 5))
                .containsExactlyElementsOf(jdbc.queryForList(
                        "SELECT id FROM lead WHERE routing_pending ORDER BY id FETCH FIRST 5 ROWS ONLY", Long.class));
        assertBatchReadInIndexOrder(sql);
    }

    /** H2: the batch of 50 is the first 50 entries of ix_lead_routing_pending, not all 300 read and sorted. */
    void assertBatchReadInIndexOrder(String sql) {
        assertThat(MigratedDatabase.explain(jdbc, "ANALYZE " + sql, List.of(50)))
                .containsIgnoringCase("IX_LEAD_ROUTING_PENDING")
                .contains("index sorted")
                .containsPattern("scanCount: 5[01]\\b");
    }

    @Test
    void eachOwnersOpenLeadsAreCountedByTheDatabaseWhateverChangesTheLeads() {
        var sql = Leads.OPEN_LOAD_SQL.replace(":staffIds", "?, ?, ?");
        // 3,000 leads of staff 7, none open for routing's count yet
        assertThat(openLoad(sql)).isEmpty();

        // every third lead opens for staff 7, and half of those go to staff 8
        jdbc.update(
                "UPDATE lead SET open_assignee_id = CASE WHEN MOD(id, 6) = 0 THEN 8 ELSE 7 END WHERE MOD(id, 3) = 0");
        assertThat(openLoad(sql)).containsExactlyInAnyOrder("7=500", "8=500").isEqualTo(countedFromTheLeads());

        // staff 8's leads handed to 7 and back in one statement each, some closed, some deleted, one added
        jdbc.update("UPDATE lead SET open_assignee_id = 7 WHERE open_assignee_id = 8 AND MOD(id, 4) = 0");
        jdbc.update("UPDATE lead SET open_assignee_id = 8 WHERE open_assignee_id = 7 AND MOD(id, 5) = 0");
        jdbc.update("UPDATE lead SET open_assignee_id = NULL WHERE MOD(id, 7) = 0");
        jdbc.update("DELETE FROM lead WHERE MOD(id, 11) = 0");
        jdbc.update("UPDATE lead SET status = 'WON' WHERE MOD(id, 13) = 0"); // not the counted column
        jdbc.update("INSERT INTO lead (reference, kind, first_name, last_name, email, stack, status, created_at,"
                + " consent_version, consent_at, fingerprint, suspected_spam, version, source_label, search_name,"
                + " search_last_name, search_email, assignee_id, open_assignee_id)"
                + " SELECT 'N' || reference, kind, first_name, last_name, email, stack, status, created_at,"
                + " consent_version, consent_at, fingerprint, suspected_spam, version, source_label, search_name,"
                + " search_last_name, search_email, 9, 9 FROM lead WHERE MOD(id, 17) = 0");
        settle();

        assertThat(openLoad(sql)).hasSize(3).isEqualTo(countedFromTheLeads());
        assertOpenLoadReadFromTheCountsAlone(sql);
    }

    private List<String> openLoad(String sql) {
        return jdbc.query(sql, (row, n) -> row.getLong(1) + "=" + row.getLong(2), 7L, 8L, 9L).stream()
                .sorted()
                .toList();
    }

    private List<String> countedFromTheLeads() {
        return jdbc.query(
                "SELECT open_assignee_id, COUNT(*) FROM lead WHERE open_assignee_id IS NOT NULL"
                        + " GROUP BY open_assignee_id ORDER BY open_assignee_id",
                (row, n) -> row.getLong(1) + "=" + row.getLong(2));
    }

    @Test
    void aLeadsTimelineIsReadFromOneIndexLedByTheLead() {
        jdbc.update("INSERT INTO lead_activity (lead_id, occurred_at, type, text)"
                + " SELECT id, created_at, 'SUBMITTED', 'Submitted' FROM lead");
        settle();

        assertTimelineReadFromOneIndex("SELECT id FROM lead_activity WHERE lead_id = ? ORDER BY occurred_at, id");
    }

    /** H2: the foreign key's own index, the only one on lead_activity led by lead_id (V96). */
    void assertTimelineReadFromOneIndex(String sql) {
        var led = jdbc.queryForList(
                "SELECT index_name FROM information_schema.index_columns WHERE table_name = 'LEAD_ACTIVITY'"
                        + " AND column_name = 'LEAD_ID' AND ordinal_position = 1",
                String.class);
        assertThat(led).singleElement().asString().startsWith("FK_LEAD_ACTIVITY_LEAD");
        assertThat(plan(sql, List.of(42L))).contains(led.getFirst()).doesNotContain("tableScan");
    }

    /** Statistics for the planner after rows changed. */
    void settle() {
        jdbc.execute("ANALYZE");
    }

    /** One probe of open_lead_count's key per owner asked about; the lead table is not read. */
    void assertOpenLoadReadFromTheCountsAlone(String sql) {
        assertThat(plan(sql, List.of(7L, 8L, 9L)))
                .contains("\"PUBLIC\".\"OPEN_LEAD_COUNT\"", "PRIMARY_KEY")
                .doesNotContain("\"PUBLIC\".\"LEAD\"")
                .doesNotContain("tableScan");
    }

    static OffsetDateTime since(long secondsBeforeNow) {
        return NOW.minusSeconds(secondsBeforeNow).atOffset(ZoneOffset.UTC);
    }

    String plan(String sql, List<?> params) {
        return MigratedDatabase.explain(jdbc, sql, params);
    }
}

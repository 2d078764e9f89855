package com.stackdesk.lead;

import com.stackdesk.base.CurrentUser;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Hands every field of the leads matching a {@link LeadFilter} to an export, one row at a time
 * straight from the JDBC result set, so a million rows never sit in memory together. The same
 * filter SQL and scope as the grid ({@link LeadSql}): sales reps get their own and unassigned leads.
 */
@Service
public class LeadExports {

    private static final String COLUMNS = "reference, kind, status, created_at, first_name, last_name, email, phone,"
            + " company, stack, contact_method, preferred_contact_at, visitor_time_zone, message, project_type,"
            + " budget, timeline, team_size, assignee_id, first_response_at, lost_reason, routing_reason,"
            + " utm_source, utm_medium, utm_campaign, utm_term, utm_content, referrer, landing_page,"
            + " consent_version, consent_at, client_ip, suspected_spam, spam_reason,"
            + " assistant_answers, assistant_recommendation, assistant_quote, lost_reason_label";

    private final JdbcClient jdbc;
    private final CurrentUser currentUser;

    LeadExports(DataSource dataSource, CurrentUser currentUser) {
        // a fetch size makes PostgreSQL stream through a cursor instead of buffering the whole result
        var template = new JdbcTemplate(dataSource);
        template.setFetchSize(1_000);
        this.jdbc = JdbcClient.create(template);
        this.currentUser = currentUser;
    }

    /** Passes each matching lead, in order, to {@code row}; returns how many there were. */
    @PreAuthorize("hasRole('SALES')")
    @Transactional(readOnly = true)
    public long forEach(LeadFilter filter, List<LeadOrder> orders, Consumer<LeadExportRow> row) {
        var user = currentUser.require();
        var search = filter.query() == null
                ? null
                : new LeadSql.Search(LeadSql.rarestFirst(jdbc, LeadSearchTerms.query(filter.query())), null);
        var sql = LeadSql.where(filter, user.isManager() ? null : user.staffId(), search);
        long[] count = {0};
        // H2 copies the result into a temporary one first (to disk past 40,000 rows), a snapshot that
        // new leads arriving meanwhile cannot disturb. Its lazy execution would skip the copy (1M rows:
        // 12.3 s instead of 16.8 s) but breaks the export with "Chunk not found" when a lead is written
        // during it, so it stays off.
        jdbc.sql("SELECT " + COLUMNS + " FROM lead WHERE " + sql.where + " ORDER BY " + LeadSql.orderBy(orders, filter))
                .params(sql.params)
                .query((ResultSet rs) -> {
                    row.accept(map(rs));
                    count[0]++;
                });
        return count[0];
    }

    // by position, in the order of COLUMNS: a name lookup per column and row costs a second a million rows
    private static LeadExportRow map(ResultSet rs) throws SQLException {
        return new LeadExportRow(
                rs.getString(1),
                LeadKind.valueOf(rs.getString(2)),
                LeadStatus.valueOf(rs.getString(3)),
                Objects.requireNonNull(instant(rs, 4)),
                rs.getString(5),
                rs.getString(6),
                rs.getString(7),
                rs.getString(8),
                rs.getString(9),
                StackLeaning.valueOf(rs.getString(10)),
                choice(ContactMethod.class, rs.getString(11)),
                instant(rs, 12),
                rs.getString(13),
                rs.getString(14),
                choice(ProjectType.class, rs.getString(15)),
                choice(BudgetRange.class, rs.getString(16)),
                choice(Timeline.class, rs.getString(17)),
                choice(TeamSize.class, rs.getString(18)),
                rs.getObject(19, Long.class),
                instant(rs, 20),
                rs.getString(21),
                rs.getString(22),
                new LeadSource(
                        rs.getString(23),
                        rs.getString(24),
                        rs.getString(25),
                        rs.getString(26),
                        rs.getString(27),
                        rs.getString(28),
                        rs.getString(29)),
                rs.getString(30),
                Objects.requireNonNull(instant(rs, 31)),
                rs.getString(32),
                rs.getBoolean(33),
                rs.getString(34),
                assistant(rs.getString(35), rs.getString(36), rs.getString(37)),
                rs.getString(38));
    }

    private static @Nullable AssistantSummary assistant(
            @Nullable String answers, @Nullable String recommendation, @Nullable String quote) {
        return answers == null && recommendation == null && quote == null
                ? null
                : new AssistantSummary(answers, recommendation, quote);
    }

    private static @Nullable Instant instant(ResultSet rs, int column) throws SQLException {
        var value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static <E extends Enum<E>> @Nullable E choice(Class<E> type, @Nullable String value) {
        return value == null ? null : Enum.valueOf(type, value);
    }
}

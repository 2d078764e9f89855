package com.stackdesk.lead;

import com.stackdesk.base.CurrentUser;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
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
            + " consent_version, consent_at, client_ip, suspected_spam, spam_reason";

    private final JdbcClient jdbc;
    private final CurrentUser currentUser;

    LeadExports(JdbcClient jdbc, CurrentUser currentUser) {
        this.jdbc = jdbc;
        this.currentUser = currentUser;
    }

    /** Passes each matching lead, in order, to {@code row}; returns how many there were. */
    @PreAuthorize("hasRole('SALES')")
    @Transactional(readOnly = true)
    public long forEach(LeadFilter filter, List<LeadOrder> orders, Consumer<LeadExportRow> row) {
        var user = currentUser.require();
        var sql = LeadSql.where(filter, user.isManager() ? null : user.staffId());
        long[] count = {0};
        jdbc.sql("SELECT " + COLUMNS + " FROM lead WHERE " + sql.where + " ORDER BY " + LeadSql.orderBy(orders))
                .params(sql.params)
                .query((ResultSet rs) -> {
                    row.accept(map(rs));
                    count[0]++;
                });
        return count[0];
    }

    private static LeadExportRow map(ResultSet rs) throws SQLException {
        return new LeadExportRow(
                rs.getString("reference"),
                LeadKind.valueOf(rs.getString("kind")),
                LeadStatus.valueOf(rs.getString("status")),
                Objects.requireNonNull(LeadSql.instant(rs, "created_at")),
                rs.getString("first_name"),
                rs.getString("last_name"),
                rs.getString("email"),
                rs.getString("phone"),
                rs.getString("company"),
                StackLeaning.valueOf(rs.getString("stack")),
                choice(ContactMethod.class, rs.getString("contact_method")),
                LeadSql.instant(rs, "preferred_contact_at"),
                rs.getString("visitor_time_zone"),
                rs.getString("message"),
                choice(ProjectType.class, rs.getString("project_type")),
                choice(BudgetRange.class, rs.getString("budget")),
                choice(Timeline.class, rs.getString("timeline")),
                choice(TeamSize.class, rs.getString("team_size")),
                rs.getObject("assignee_id", Long.class),
                LeadSql.instant(rs, "first_response_at"),
                rs.getString("lost_reason"),
                rs.getString("routing_reason"),
                new LeadSource(
                        rs.getString("utm_source"),
                        rs.getString("utm_medium"),
                        rs.getString("utm_campaign"),
                        rs.getString("utm_term"),
                        rs.getString("utm_content"),
                        rs.getString("referrer"),
                        rs.getString("landing_page")),
                rs.getString("consent_version"),
                Objects.requireNonNull(LeadSql.instant(rs, "consent_at")),
                rs.getString("client_ip"),
                rs.getBoolean("suspected_spam"),
                rs.getString("spam_reason"));
    }

    private static <E extends Enum<E>> @Nullable E choice(Class<E> type, @Nullable String value) {
        return value == null ? null : Enum.valueOf(type, value);
    }
}

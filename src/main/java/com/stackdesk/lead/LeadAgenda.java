package com.stackdesk.lead;

import com.stackdesk.base.CurrentUser;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a rep has to do today, for their Today page: their leads whose first response is overdue or
 * due by the end of their day, their follow-ups due by then, and new leads nobody holds that they
 * may take. Each list is one indexed read (ix_lead_assignee_next_due, ix_lead_open_load).
 */
@Service
public class LeadAgenda {

    /** How many unassigned leads the page offers at most. */
    public static final int UNASSIGNED_SHOWN = 20;

    /**
     * A rep's leads with something due before a moment: one range of ix_lead_assignee_next_due, read
     * in its order (the ORDER BY names the pinned assignee first, as H2 needs) and from the epoch on
     * (not from the rep's leads with nothing due, whose NULLs H2 puts first).
     */
    static final String MINE_DUE_SQL = "SELECT " + LeadSql.ROW_COLUMNS
            + " FROM lead WHERE assignee_id = ? AND next_due_at >= ? AND next_due_at < ?"
            + " ORDER BY assignee_id, next_due_at";

    private final JdbcClient jdbc;
    private final CurrentUser currentUser;

    LeadAgenda(JdbcClient jdbc, CurrentUser currentUser) {
        this.jdbc = jdbc;
        this.currentUser = currentUser;
    }

    /**
     * The signed-in member's leads with a first response due before {@code endOfDay}, soonest (most
     * overdue) first.
     */
    @PreAuthorize("hasRole('SALES')")
    @Transactional(readOnly = true)
    public List<LeadRow> responsesDue(Instant endOfDay) {
        return mineDueBefore(endOfDay).stream()
                .filter(r -> r.isAwaitingFirstResponse()
                        && Objects.requireNonNull(r.responseDueAt()).isBefore(endOfDay))
                .sorted(Comparator.comparing(LeadRow::responseDueAt))
                .toList();
    }

    /** The signed-in member's follow-ups due before {@code endOfDay}, soonest (most overdue) first. */
    @PreAuthorize("hasRole('SALES')")
    @Transactional(readOnly = true)
    public List<LeadRow> followUpsDue(Instant endOfDay) {
        return mineDueBefore(endOfDay).stream()
                .filter(r -> r.followUpAt() != null && r.followUpAt().isBefore(endOfDay))
                .sorted(Comparator.comparing(LeadRow::followUpAt))
                .toList();
    }

    /** New leads nobody holds (not spam), oldest first: the ones waiting longest. */
    @PreAuthorize("hasRole('SALES')")
    @Transactional(readOnly = true)
    public List<LeadRow> unassignedNew() {
        return jdbc.sql("SELECT " + LeadSql.ROW_COLUMNS + " FROM lead"
                        + " WHERE status = 'NEW' AND assignee_id IS NULL AND suspected_spam = FALSE"
                        + " ORDER BY created_at FETCH FIRST " + UNASSIGNED_SHOWN + " ROWS ONLY")
                .query(LeadSql::row)
                .list();
    }

    // next_due_at is the earlier of the two, so both lists come from this one range
    private List<LeadRow> mineDueBefore(Instant endOfDay) {
        return jdbc.sql(MINE_DUE_SQL)
                .param(currentUser.require().staffId())
                .param(LeadSql.timestamp(Instant.EPOCH))
                .param(LeadSql.timestamp(endOfDay))
                .query(LeadSql::row)
                .list();
    }
}

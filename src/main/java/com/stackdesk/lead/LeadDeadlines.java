package com.stackdesk.lead;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The first-response deadlines as the deadline sweep ({@code sla}) works them: which leads have a
 * step due, and claiming one step of one lead. A claim is a conditional UPDATE of the lead row in
 * the caller's transaction: of two sweeps (two instances, or one before and one after a restart)
 * exactly one claims each step, and a lead answered meanwhile is never claimed. The caller queues
 * the step's emails in the same transaction, so a step and its emails commit together or not at all.
 */
@Service
public class LeadDeadlines {

    /**
     * The due steps, earliest first: one range of ix_lead_deadline_step. The range starts at the
     * epoch, not open-ended: H2 puts NULLs first in an index, and from an upper bound alone it read
     * the entry of every lead without a step (almost all of them) before the first with one.
     */
    static final String DUE_SQL = "SELECT id, deadline_step FROM lead WHERE deadline_step_at BETWEEN ? AND ?"
            + " ORDER BY deadline_step_at FETCH FIRST ? ROWS ONLY";

    private final JdbcClient jdbc;

    LeadDeadlines(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A lead with a deadline step due. */
    public record DueStep(long leadId, DeadlineStep step) {}

    /** A lead whose step was claimed, as the step needs it. */
    public record ClaimedLead(
            long id,
            String reference,
            LeadKind kind,
            @Nullable Long assigneeId,
            Instant responseDueAt) {}

    /** Leads whose next step is due at {@code now}, earliest first, at most {@code limit} (ix_lead_deadline_step). */
    @Transactional(readOnly = true)
    public List<DueStep> due(Instant now, int limit) {
        return jdbc.sql(DUE_SQL)
                .param(LeadSql.timestamp(Instant.EPOCH))
                .param(LeadSql.timestamp(now))
                .param(limit)
                .query((rs, n) -> new DueStep(rs.getLong(1), DeadlineStep.valueOf(rs.getString(2))))
                .list();
    }

    /**
     * Claims the lead's {@code step} if it is due and still pending and the lead still waits for
     * its first response. A claimed reminder makes the alert the next step (due at the deadline);
     * a claimed alert ends the deadline. Empty when there is nothing to claim (claimed already,
     * answered meanwhile).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<ClaimedLead> claim(long leadId, DeadlineStep step, Instant now) {
        var next = step == DeadlineStep.REMIND
                ? "deadline_step = 'ALERT', deadline_step_at = response_due_at"
                : "deadline_step = NULL, deadline_step_at = NULL";
        int claimed = jdbc.sql(
                        "UPDATE lead SET " + next + " WHERE id = ? AND deadline_step = ? AND deadline_step_at <= ?"
                                + " AND status = 'NEW' AND first_response_at IS NULL AND suspected_spam = FALSE")
                .param(leadId)
                .param(step.name())
                .param(LeadSql.timestamp(now))
                .update();
        if (claimed == 0) {
            // a step left pending on a lead that no longer waits (answered by an import, say) must
            // not come up in every sweep
            jdbc.sql("UPDATE lead SET deadline_step = NULL, deadline_step_at = NULL WHERE id = ?"
                            + " AND deadline_step IS NOT NULL"
                            + " AND (status <> 'NEW' OR first_response_at IS NOT NULL OR suspected_spam = TRUE)")
                    .param(leadId)
                    .update();
            return Optional.empty();
        }
        return jdbc.sql("SELECT id, reference, kind, assignee_id, response_due_at FROM lead WHERE id = ?")
                .param(leadId)
                .query((rs, n) -> new ClaimedLead(
                        rs.getLong("id"),
                        rs.getString("reference"),
                        LeadKind.valueOf(rs.getString("kind")),
                        rs.getObject("assignee_id", Long.class),
                        Objects.requireNonNull(LeadSql.instant(rs, "response_due_at"))))
                .optional();
    }
}

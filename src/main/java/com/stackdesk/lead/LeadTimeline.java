package com.stackdesk.lead;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A lead's timeline, written by every module that does something to a lead (routing, emails,
 * the workspace) in the transaction that did it.
 */
@Service
public class LeadTimeline {

    private final LeadActivities activities;
    private final Clock clock;
    private final JdbcTemplate jdbc;

    LeadTimeline(LeadActivities activities, Clock clock, JdbcTemplate jdbc) {
        this.activities = activities;
        this.clock = clock;
        this.jdbc = jdbc;
    }

    /** A system entry for one lead, as {@link #recordAll} writes many. */
    public record Entry(long leadId, String text) {}

    /**
     * Adds system entries of one type for many leads at once (a batch of sent emails), in one
     * round trip, all at this moment.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordAll(ActivityType type, List<Entry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        var at = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        jdbc.batchUpdate(
                "INSERT INTO lead_activity (lead_id, occurred_at, type, text) VALUES (?, ?, ?, ?)",
                entries,
                entries.size(),
                (statement, entry) -> {
                    statement.setLong(1, entry.leadId());
                    statement.setObject(2, at);
                    statement.setString(3, type.name());
                    statement.setString(4, entry.text());
                });
    }

    /** Adds an entry; {@code actor} is the staff username, or null for the system or the visitor. */
    @Transactional(propagation = Propagation.MANDATORY)
    public LeadActivity record(long leadId, ActivityType type, @Nullable String actor, String text) {
        return activities.save(new LeadActivity(leadId, clock.instant(), type, actor, text, null, null, null));
    }

    /** Adds an entry for a changed field with its old and new value (the audit trail). */
    @Transactional(propagation = Propagation.MANDATORY)
    public LeadActivity recordChange(
            long leadId,
            ActivityType type,
            @Nullable String actor,
            String text,
            String field,
            @Nullable String oldValue,
            @Nullable String newValue) {
        return activities.save(new LeadActivity(leadId, clock.instant(), type, actor, text, field, oldValue, newValue));
    }

    /** An entry for something that happened earlier (imports, demo data). */
    @Transactional(propagation = Propagation.MANDATORY)
    LeadActivity recordAt(long leadId, Instant occurredAt, ActivityType type, String text) {
        return activities.save(new LeadActivity(leadId, occurredAt, type, null, text, null, null, null));
    }

    /** The entries of one lead, oldest first. */
    @Transactional(readOnly = true)
    public List<LeadActivity> of(long leadId) {
        return activities.findByLeadIdOrderByOccurredAtAscIdAsc(leadId);
    }
}

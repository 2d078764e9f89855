package com.stackdesk.lead;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Which leads a staff member wants to see: every criterion is optional, null means "any". The
 * grid, the dashboard and the CSV export all select leads with this one record (see {@link
 * LeadSearch}); the caller's role narrows it further (sales reps see their own and unassigned
 * leads only).
 *
 * @param assignee null for anyone, {@link Assignee#UNASSIGNED} for nobody, or one staff member
 * @param createdFrom first instant included
 * @param createdBefore first instant no longer included
 * @param source the source label (UTM source, referrer host or "direct"), see {@link LeadSource#label()}
 * @param query a prefix of the first name, last name, full name, email or company, any case
 * @param includeSpam whether suspected spam is shown too (hidden by default)
 * @param callBooked only leads with a booked consultation call
 * @param due leads with something due (a first response or a follow-up, see {@link Lead#getNextDueAt()}),
 *     overdue or not yet
 * @param ids only these leads (the rows ticked in the grid, for an export of the selection); null for any
 */
public record LeadFilter(
        @Nullable LeadStatus status,
        @Nullable LeadKind kind,
        @Nullable StackLeaning stack,
        @Nullable Assignee assignee,
        @Nullable Instant createdFrom,
        @Nullable Instant createdBefore,
        @Nullable String source,
        @Nullable String query,
        boolean includeSpam,
        boolean callBooked,
        @Nullable Due due,
        @Nullable List<Long> ids) {

    /** All leads except suspected spam. */
    public static final LeadFilter NONE = new LeadFilter(null, null, null, null, null, null, null, null, false);

    /** Any leads, not only chosen ones. */
    public LeadFilter(
            @Nullable LeadStatus status,
            @Nullable LeadKind kind,
            @Nullable StackLeaning stack,
            @Nullable Assignee assignee,
            @Nullable Instant createdFrom,
            @Nullable Instant createdBefore,
            @Nullable String source,
            @Nullable String query,
            boolean includeSpam,
            boolean callBooked,
            @Nullable Due due) {
        this(
                status,
                kind,
                stack,
                assignee,
                createdFrom,
                createdBefore,
                source,
                query,
                includeSpam,
                callBooked,
                due,
                null);
    }

    /** Any leads as to a booked call and what is due. */
    public LeadFilter(
            @Nullable LeadStatus status,
            @Nullable LeadKind kind,
            @Nullable StackLeaning stack,
            @Nullable Assignee assignee,
            @Nullable Instant createdFrom,
            @Nullable Instant createdBefore,
            @Nullable String source,
            @Nullable String query,
            boolean includeSpam) {
        this(status, kind, stack, assignee, createdFrom, createdBefore, source, query, includeSpam, false, null);
    }

    public LeadFilter {
        source = source == null || source.isBlank() ? null : source.strip();
        query = query == null || query.isBlank() ? null : query.strip();
        ids = ids == null ? null : List.copyOf(ids);
    }

    /**
     * Leads whose next due time ({@link Lead#getNextDueAt()}) has passed at {@code asOf} ({@code
     * overdue}), or is still ahead of it. The moment is part of the filter, so every page of one
     * listing uses the same one.
     */
    public record Due(boolean overdue, Instant asOf) {

        public static Due overdue(Instant now) {
            return new Due(true, now);
        }

        public static Due upcoming(Instant now) {
            return new Due(false, now);
        }

        /** The URL and export parameter value: "overdue" or "due". */
        public String key() {
            return overdue ? "overdue" : "due";
        }
    }

    /** Whose leads: one staff member's, or with {@code staffId} null the unassigned ones. */
    public record Assignee(@Nullable Long staffId) {

        public static final Assignee UNASSIGNED = new Assignee(null);

        public static Assignee of(long staffId) {
            return new Assignee(staffId);
        }

        public boolean isUnassigned() {
            return staffId == null;
        }
    }

    public LeadFilter withStatus(@Nullable LeadStatus status) {
        return new LeadFilter(
                status,
                kind,
                stack,
                assignee,
                createdFrom,
                createdBefore,
                source,
                query,
                includeSpam,
                callBooked,
                due,
                ids);
    }

    public LeadFilter withKind(@Nullable LeadKind kind) {
        return new LeadFilter(
                status,
                kind,
                stack,
                assignee,
                createdFrom,
                createdBefore,
                source,
                query,
                includeSpam,
                callBooked,
                due,
                ids);
    }

    public LeadFilter withStack(@Nullable StackLeaning stack) {
        return new LeadFilter(
                status,
                kind,
                stack,
                assignee,
                createdFrom,
                createdBefore,
                source,
                query,
                includeSpam,
                callBooked,
                due,
                ids);
    }

    public LeadFilter withAssignee(@Nullable Assignee assignee) {
        return new LeadFilter(
                status,
                kind,
                stack,
                assignee,
                createdFrom,
                createdBefore,
                source,
                query,
                includeSpam,
                callBooked,
                due,
                ids);
    }

    public LeadFilter withSource(@Nullable String source) {
        return new LeadFilter(
                status,
                kind,
                stack,
                assignee,
                createdFrom,
                createdBefore,
                source,
                query,
                includeSpam,
                callBooked,
                due,
                ids);
    }

    public LeadFilter withQuery(@Nullable String query) {
        return new LeadFilter(
                status,
                kind,
                stack,
                assignee,
                createdFrom,
                createdBefore,
                source,
                query,
                includeSpam,
                callBooked,
                due,
                ids);
    }

    public LeadFilter withIncludeSpam(boolean includeSpam) {
        return new LeadFilter(
                status,
                kind,
                stack,
                assignee,
                createdFrom,
                createdBefore,
                source,
                query,
                includeSpam,
                callBooked,
                due,
                ids);
    }

    public LeadFilter withCallBooked(boolean callBooked) {
        return new LeadFilter(
                status,
                kind,
                stack,
                assignee,
                createdFrom,
                createdBefore,
                source,
                query,
                includeSpam,
                callBooked,
                due,
                ids);
    }

    public LeadFilter withDue(@Nullable Due due) {
        return new LeadFilter(
                status,
                kind,
                stack,
                assignee,
                createdFrom,
                createdBefore,
                source,
                query,
                includeSpam,
                callBooked,
                due,
                ids);
    }

    public LeadFilter withCreated(@Nullable Instant from, @Nullable Instant before) {
        return new LeadFilter(
                status, kind, stack, assignee, from, before, source, query, includeSpam, callBooked, due, ids);
    }

    /** Only these leads, within the other criteria; null for any. */
    public LeadFilter withIds(@Nullable List<Long> ids) {
        return new LeadFilter(
                status,
                kind,
                stack,
                assignee,
                createdFrom,
                createdBefore,
                source,
                query,
                includeSpam,
                callBooked,
                due,
                ids);
    }
}

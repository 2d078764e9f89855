package com.stackdesk.lead;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Which leads a staff member wants to see: every criterion is optional, null means "any". The
 * grid, the dashboard and the CSV export all select leads with this one record (see {@link
 * LeadSearch}); the caller's role narrows it further (sales reps see their own and unassigned
 * leads only). Build one with {@link #builder()} ({@code LeadFilter.builder().status(NEW).build()})
 * and change one with {@link #toBuilder()}; {@link #NONE} is the filter with nothing set.
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
 * @param open true for open leads (any open status), false for closed ones (won or lost), null for
 *     any; the dashboard's "open leads" figures link with it
 * @param response where the lead stands with its first response, see {@link FirstResponse}
 * @param ids only these leads (the rows ticked in the grid, for an export of the selection); null for any
 * @param lostReason lost leads lost under this label of {@link LostReasons} (or {@link LostReasons#OTHER}),
 *     or with {@link LostReasons#NOT_GIVEN} those lost before reasons were counted; the dashboard's
 *     "lost leads by reason" bars link with it
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
        @Nullable Boolean open,
        @Nullable FirstResponse response,
        @Nullable List<Long> ids,
        @Nullable String lostReason) {

    /** All leads except suspected spam. */
    public static final LeadFilter NONE = builder().build();

    public LeadFilter {
        // the same normalization the lead's stored source went through: "Google.com" finds "google"
        source = source == null || source.isBlank() ? null : LeadSource.normalize(source);
        query = query == null || query.isBlank() ? null : query.strip();
        ids = ids == null ? null : List.copyOf(ids);
        lostReason = lostReason == null || lostReason.isBlank() ? null : lostReason.strip();
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

    /**
     * Where a lead stands with its first response, judged at {@code asOf} (the moment is part of the
     * filter, like {@link Due}'s): the dashboard's response figures link with it.
     */
    public record FirstResponse(State state, Instant asOf) {

        /** The states, with the URL and export parameter value of each ({@code response=late}). */
        public enum State {
            /** Not answered yet. */
            NONE("none"),
            /** Answered, in time or not. */
            ANSWERED("answered"),
            /** Answered by its deadline. */
            IN_TIME("in-time"),
            /** Answered after its deadline, or unanswered past it. */
            LATE("late"),
            /** With a deadline that is decided: answered, or past it (in time plus late). */
            MEASURED("measured");

            private final String key;

            State(String key) {
                this.key = key;
            }

            public String key() {
                return key;
            }
        }

        public static FirstResponse of(State state, Instant asOf) {
            return new FirstResponse(state, asOf);
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

    /** A filter built from nothing: every criterion "any", suspected spam hidden. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder that starts from this filter, to change some of its criteria. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * Builds a {@link LeadFilter} one criterion at a time; a criterion not set is "any". Adding a
     * criterion means a record component and, in this file only, a field here with its setter and a
     * line in the copying constructor and in {@link #build()}: no caller changes.
     */
    public static final class Builder {

        private @Nullable LeadStatus status;
        private @Nullable LeadKind kind;
        private @Nullable StackLeaning stack;
        private @Nullable Assignee assignee;
        private @Nullable Instant createdFrom;
        private @Nullable Instant createdBefore;
        private @Nullable String source;
        private @Nullable String query;
        private boolean includeSpam;
        private boolean callBooked;
        private @Nullable Due due;
        private @Nullable Boolean open;
        private @Nullable FirstResponse response;
        private @Nullable List<Long> ids;
        private @Nullable String lostReason;

        private Builder() {}

        private Builder(LeadFilter from) {
            status = from.status;
            kind = from.kind;
            stack = from.stack;
            assignee = from.assignee;
            createdFrom = from.createdFrom;
            createdBefore = from.createdBefore;
            source = from.source;
            query = from.query;
            includeSpam = from.includeSpam;
            callBooked = from.callBooked;
            due = from.due;
            open = from.open;
            response = from.response;
            ids = from.ids;
            lostReason = from.lostReason;
        }

        public Builder status(@Nullable LeadStatus status) {
            this.status = status;
            return this;
        }

        public Builder kind(@Nullable LeadKind kind) {
            this.kind = kind;
            return this;
        }

        public Builder stack(@Nullable StackLeaning stack) {
            this.stack = stack;
            return this;
        }

        public Builder assignee(@Nullable Assignee assignee) {
            this.assignee = assignee;
            return this;
        }

        /** Leads received from {@code from} (included) until {@code before} (excluded); null for open-ended. */
        public Builder created(@Nullable Instant from, @Nullable Instant before) {
            this.createdFrom = from;
            this.createdBefore = before;
            return this;
        }

        public Builder source(@Nullable String source) {
            this.source = source;
            return this;
        }

        public Builder query(@Nullable String query) {
            this.query = query;
            return this;
        }

        public Builder includeSpam(boolean includeSpam) {
            this.includeSpam = includeSpam;
            return this;
        }

        public Builder callBooked(boolean callBooked) {
            this.callBooked = callBooked;
            return this;
        }

        public Builder due(@Nullable Due due) {
            this.due = due;
            return this;
        }

        public Builder open(@Nullable Boolean open) {
            this.open = open;
            return this;
        }

        public Builder response(@Nullable FirstResponse response) {
            this.response = response;
            return this;
        }

        /** Only these leads, within the other criteria; null for any. */
        public Builder ids(@Nullable List<Long> ids) {
            this.ids = ids;
            return this;
        }

        public Builder lostReason(@Nullable String lostReason) {
            this.lostReason = lostReason;
            return this;
        }

        public LeadFilter build() {
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
                    open,
                    response,
                    ids,
                    lostReason);
        }
    }
}

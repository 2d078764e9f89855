package com.stackdesk.lead;

import java.util.List;
import java.util.Objects;

/**
 * Which leads a bulk change applies to: rows the person ticked (each with the version they saw),
 * or every lead matching the grid's filter at the moment the change starts.
 */
public sealed interface BulkChange {

    /** Ticked rows; a row changed by someone else since it was read is reported, not changed. */
    record Rows(List<LeadVersion> leads) implements BulkChange {
        public Rows {
            leads = List.copyOf(leads);
        }
    }

    /** All leads the caller may see that match the filter (at most {@link LeadBulkWork#LIMIT}). */
    record Matching(LeadFilter filter) implements BulkChange {
        public Matching {
            Objects.requireNonNull(filter);
        }
    }

    /**
     * What a bulk change did: how many leads it changed, how many were already as asked, and each
     * lead it left alone with the reason (changed meanwhile, not the caller's, a move the pipeline
     * does not allow).
     */
    record Result(int changed, int unchanged, List<Skipped> skipped) {

        public Result {
            skipped = List.copyOf(skipped);
        }

        public int total() {
            return changed + unchanged + skipped.size();
        }
    }

    /** A lead left alone, by reference, and why. */
    record Skipped(String reference, String reason) {}

    /** Told after each batch how many leads have been dealt with, of how many. */
    @FunctionalInterface
    interface Progress {
        Progress NONE = (done, of) -> {};

        void update(int done, int of);
    }
}

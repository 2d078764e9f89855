package com.stackdesk.lead;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Refuses a save because someone else changed the lead after the caller loaded it: nothing is
 * overwritten, the caller reloads and decides again.
 */
public class LeadChangedMeanwhile extends RuntimeException {

    private final @Nullable String changedBy;
    private final @Nullable Instant changedAt;

    public LeadChangedMeanwhile(@Nullable String changedBy, @Nullable Instant changedAt) {
        super("This lead was changed by " + (changedBy == null ? "someone else" : changedBy)
                + " meanwhile — reload it to see the change, then try again.");
        this.changedBy = changedBy;
        this.changedAt = changedAt;
    }

    public @Nullable String changedBy() {
        return changedBy;
    }

    public @Nullable Instant changedAt() {
        return changedAt;
    }
}

package com.stackdesk.lead;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Where a lead stands in the sales pipeline. */
public enum LeadStatus {
    NEW("New"),
    CONTACTED("Contacted"),
    QUALIFIED("Qualified"),
    PROPOSAL("Proposal"),
    WON("Won"),
    LOST("Lost");

    /** The statuses of a lead still being worked: every status but WON and LOST. */
    public static final Set<LeadStatus> OPEN =
            Collections.unmodifiableSet(EnumSet.of(NEW, CONTACTED, QUALIFIED, PROPOSAL));

    private final String label;

    LeadStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean isOpen() {
        return OPEN.contains(this);
    }

    /** The next step forward in the pipeline, or null for PROPOSAL's successors and closed leads. */
    public @Nullable LeadStatus next() {
        return switch (this) {
            case NEW -> CONTACTED;
            case CONTACTED -> QUALIFIED;
            case QUALIFIED -> PROPOSAL;
            case PROPOSAL -> WON;
            case WON, LOST -> null;
        };
    }

    /**
     * One step back, for a lead moved on too early (Proposal → Qualified), or null: NEW has nothing
     * before it, a contacted lead was contacted (it does not become NEW again), closed leads stay closed.
     */
    public @Nullable LeadStatus previous() {
        return switch (this) {
            case QUALIFIED -> CONTACTED;
            case PROPOSAL -> QUALIFIED;
            case NEW, CONTACTED, WON, LOST -> null;
        };
    }

    /**
     * The pipeline: one step forward, one step back (see {@link #previous()}), or LOST from any open
     * status. Closed leads stay closed.
     */
    public boolean canMoveTo(LeadStatus target) {
        return isOpen() && (target == next() || target == LOST || target == previous());
    }

    /** The statuses a lead may move to from here: the next step first, then Lost, then one step back. */
    public List<LeadStatus> allowedNext() {
        return Arrays.stream(values())
                .filter(this::canMoveTo)
                .sorted(java.util.Comparator.comparingInt(s -> s == next() ? 0 : s == LOST ? 1 : 2))
                .toList();
    }

    String allowedNextLabels() {
        var allowed = allowedNext();
        return allowed.isEmpty()
                ? "none (closed)"
                : String.join(", ", allowed.stream().map(LeadStatus::label).toList());
    }
}

package com.stackdesk.lead;

import org.jspecify.annotations.Nullable;

/**
 * For tests in other packages that set up a lead with an owner directly: {@link Lead#assign} is the
 * lead module's own (routing assigns through {@link LeadRouting}, the workspace through {@link LeadWork}).
 */
public final class TestAssignments {

    private TestAssignments() {}

    /** Gives the lead to {@code staffId} as {@link Lead#assign} does; the caller saves it. */
    public static void assign(Lead lead, @Nullable Long staffId, String reason) {
        lead.assign(staffId, reason);
    }
}

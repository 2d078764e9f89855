package com.stackdesk.lead;

import org.jspecify.annotations.Nullable;

/**
 * Staff changed a lead's owner: a manager gave it to {@code staffId} (null: back to the unassigned
 * pile), or a rep took it themselves ({@code selfAssigned}). Published once per change, in its
 * transaction; the new owner's alert is sent from it.
 */
public record LeadReassigned(
        long leadId,
        @Nullable Long staffId,
        @Nullable Long previousStaffId,
        String actor,
        String reason,
        boolean selfAssigned) {}

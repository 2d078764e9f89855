package com.stackdesk.routing;

import org.jspecify.annotations.Nullable;

/**
 * A lead got an owner: by the router when it arrived ({@code onArrival}), or by a manager
 * ({@code assignedBy}, their username). Published once per assignment, in its transaction.
 */
public record LeadAssigned(
        long leadId, long staffId, String reason, @Nullable String assignedBy, boolean onArrival) {}

package com.stackdesk.lead;

import java.time.Duration;
import java.time.Instant;

/**
 * Gives a new lead its first-response deadline while it is being stored, so the deadline goes in
 * with the lead's own INSERT, and measures response times in the same business time for the
 * dashboard. Implemented by the module that owns the team's business hours and targets ({@code
 * sla}); it answers from memory, without a query, because it runs on every submission.
 */
public interface FirstResponseDeadlines {

    /** The deadline of a lead of this kind that arrives at {@code arrivedAt}. */
    ResponseDue dueFor(LeadKind kind, Instant arrivedAt);

    /** The business time from {@code from} to {@code to} by the team's hours and holidays (none if not after). */
    Duration businessTimeBetween(Instant from, Instant to);
}

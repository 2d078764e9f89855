package com.stackdesk.lead;

import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One line of the staff grid (and of exports): the columns, read straight from SQL, with the
 * version a one-click action on the line sends along (see {@link LeadWork}).
 */
public record LeadRow(
        long id,
        String reference,
        LeadKind kind,
        String firstName,
        String lastName,
        String email,
        @Nullable String company,
        StackLeaning stack,
        LeadStatus status,
        Instant createdAt,
        @Nullable Long assigneeId,
        @Nullable Instant firstResponseAt,
        String sourceLabel,
        boolean suspectedSpam,
        @Nullable Instant responseDueAt,
        @Nullable String followUpText,
        @Nullable Instant followUpAt,
        @Nullable Instant nextDueAt,
        long version,
        @Nullable Instant callAt) {

    public String fullName() {
        return firstName + " " + lastName;
    }

    public Duration ageAt(Instant now) {
        return Duration.between(createdAt, now);
    }

    public boolean hasFirstResponse() {
        return firstResponseAt != null;
    }

    /** Waiting for its first response under a deadline (as {@link Lead#isAwaitingFirstResponse()}). */
    public boolean isAwaitingFirstResponse() {
        return responseDueAt != null && status == LeadStatus.NEW && firstResponseAt == null && !suspectedSpam;
    }

    /** Whether what is due next is the first response (else the follow-up, or nothing). */
    public boolean nextDueIsResponse() {
        return nextDueAt != null && isAwaitingFirstResponse() && nextDueAt.equals(responseDueAt);
    }

    public boolean isOverdueAt(Instant now) {
        return nextDueAt != null && nextDueAt.isBefore(now);
    }
}

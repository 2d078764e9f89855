package com.stackdesk.lead;

import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One line of the staff grid (and of exports): the columns, read straight from SQL. */
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
        boolean suspectedSpam) {

    public String fullName() {
        return firstName + " " + lastName;
    }

    public Duration ageAt(Instant now) {
        return Duration.between(createdAt, now);
    }

    public boolean hasFirstResponse() {
        return firstResponseAt != null;
    }
}

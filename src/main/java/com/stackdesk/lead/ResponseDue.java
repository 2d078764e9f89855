package com.stackdesk.lead;

import java.time.Instant;

/**
 * When a new lead's first response is due, and when its owner is reminded of it.
 *
 * @param remindAt not after {@code dueAt}
 */
public record ResponseDue(Instant dueAt, Instant remindAt) {

    public ResponseDue {
        if (remindAt.isAfter(dueAt)) {
            throw new IllegalArgumentException("The reminder must not come after the deadline");
        }
    }
}
